// tilmash tm import: options in, app::import_tm, a summary (and progress) on stderr.
#include <chrono>
#include <iostream>

#include "app/tm_import.h"
#include "cli/cmd_tm.h"
#include "io/xliff_reader.h"

namespace tilmash::cli {
namespace {

constexpr const char* kImportHelp =
    "Adds translation units to the TM (created when missing), all files in one transaction:\n"
    "an interrupted import leaves the TM as it was. Units whose languages and texts (NFC, white\n"
    "space collapsed) equal a stored unit are merged (earlier creation, later change date).\n"
    "Inputs: TMX (streamed; 'tilmash align --format tmx' props x-document, x-origin and\n"
    "x-tilmash-confidence become the unit's provenance), or the output of 'tilmash align\n"
    "--format json' (languages from the file) or '--format tsv' (with --langs). Aligned beads\n"
    "keep their confidence; the file is their source document.\n"
    "XLIFF 1.2/2.0 (SDLXLIFF, MQXLIFF; found by content with the default --format tmx, or\n"
    "--format xliff): units with a target whose state --states lists (default: translated,\n"
    "signed-off, final, reviewed, none = a 1.2 target without state; approved=\"yes\" always).\n\n"
    "examples:\n"
    "  tilmash tm import --db tm.db tmx/udhr.en-kk-ru.tmx\n"
    "  tilmash tm import --db tm.db --format json aligned.json\n"
    "  tilmash tm import --db tm.db job.xlf --states translated,final\n"
    "  tilmash tm import --db tm.db --format tsv --langs en,kk aligned.tsv";

}  // namespace

Exit run_tm_import(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", tm_db_value(), kTmDbHelp)
      ("format", po::value<std::string>()->default_value("tmx"),
       "tmx | xliff | json | tsv (json, tsv: 'tilmash align' output; tmx reads XLIFF too)")
      ("states", po::value<std::string>(), "XLIFF: the target states imported, comma-separated")
      ("target-lang", po::value<std::string>()->default_value(""),
       "XLIFF: the target language when a file names none")
      ("langs", po::value<std::string>(), "with --format tsv: the languages of the columns")
      ("origin", po::value<std::string>(), "provenance stored per unit (default: tmx import, "
                                           "tilmash align for json and tsv)")
      ("progress", po::bool_switch(), "report units read every few seconds on stderr (on by "
                                      "default when stderr is a terminal)")
      ("file", po::value<std::vector<std::string>>()->required(), "input files");
  po::positional_options_description positional;
  positional.add("file", -1);
  auto vm = parse_options(args, options, positional, "tilmash tm import FILE… --db DB", kImportHelp);
  if (!vm) return Exit::kOk;
  app::TmImportRequest r;
  r.db = (*vm)["db"].as<std::string>();
  r.files = (*vm)["file"].as<std::vector<std::string>>();
  r.format = (*vm)["format"].as<std::string>();
  if (r.format != "tmx" && r.format != "tsv" && r.format != "json" && r.format != "xliff") {
    throw UsageError("--format must be tmx, xliff, json or tsv");
  }
  r.states = io::default_import_states();
  if (vm->count("states") != 0u) {
    try {
      r.states = io::parse_states((*vm)["states"].as<std::string>());
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--states: ") + e.what());
    }
  }
  if (r.format == "tsv") {
    if (vm->count("langs") == 0u) throw UsageError("--format tsv needs --langs en,kk[,ru]");
    r.langs = lang_list_option(*vm, "langs");
  }
  if (vm->count("origin") != 0u) r.origin = (*vm)["origin"].as<std::string>();
  r.target_lang = (*vm)["target-lang"].as<std::string>();
  const auto started = std::chrono::steady_clock::now();
  TmProgress progress("tm import", (*vm)["progress"].as<bool>());
  const app::TmImportResult result = app::import_tm(r, progress.hooks());
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const store::ImportStats& stats = result.stats;
  std::cerr << "tm import: " << stats.units_read << " units read, " << stats.units_added
            << " added, " << stats.units_merged << " merged as duplicates, "
            << stats.units_skipped << " skipped (fewer than two variants) in " << secs << " s\n";
  for (const auto& [why, n] : result.xliff_skipped) {
    std::cerr << "tm import: XLIFF units not imported: " << n << " " << why << "\n";
  }
  return Exit::kOk;
}

}  // namespace tilmash::cli
