// tilmash tm export: options in, app::export_tm, a summary on stderr.
#include <iostream>

#include "app/tm_read.h"
#include "cli/cmd_tm.h"
#include "core/lang.h"

namespace tilmash::cli {

Exit run_tm_export(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", tm_db_value(), kTmDbHelp)
      ("output,o", po::value<std::string>()->required(), "TMX file to write (- = stdout)")
      ("pair", po::value<std::string>(), "write one language pair only, e.g. en-kk");
  po::positional_options_description positional;
  auto vm = parse_options(
      args, options, positional, "tilmash tm export --db DB -o FILE.tmx [--pair en-kk]",
      "Writes the TM as TMX 1.4b (all languages, or one pair: exactly two <tuv>s per unit,\n"
      "units without both languages left out). Written atomically.\n\n"
      "examples:\n  tilmash tm export --db tm.db -o all.tmx\n"
      "  tilmash tm export --db tm.db --pair en-kk -o en-kk.tmx");
  if (!vm) return Exit::kOk;
  app::TmExportRequest r;
  r.db = (*vm)["db"].as<std::string>();
  r.output = (*vm)["output"].as<std::string>();
  if (vm->count("pair") != 0u) {
    const std::string pair = (*vm)["pair"].as<std::string>();
    const std::size_t dash = pair.find('-');
    auto a = core::normalize_lang_tag(pair.substr(0, dash));
    auto b = dash == std::string::npos ? a : core::normalize_lang_tag(pair.substr(dash + 1));
    if (dash == std::string::npos || !a || !b) throw UsageError("--pair must look like en-kk");
    r.pair = {*a, *b};
  }
  const app::TmExportResult result = tm_guarded([&] { return app::export_tm(r); });
  std::cerr << "tm export: " << result.written << " units written, " << result.left_out
            << " left out\n";
  return Exit::kOk;
}

}  // namespace tilmash::cli
