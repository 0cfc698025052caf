// tilmash align: read (and segment) each language's document -> align::align / align3 /
// align_batch -> align::to_units -> beads, tsv, json or io::TmxWriter through io::AtomicFile.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "align/aligner.h"
#include "align/units.h"
#include "cli/command.h"
#include "core/bead.h"
#include "core/lang.h"
#include "core/utf8.h"
#include "io/atomic_file.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/location.h"
#include "io/json.h"
#include "io/tmx_writer.h"
#include "segment/segmenter.h"

namespace tilmash::cli {
namespace {

constexpr const char* kHelp =
    "Links the sentences of a document with those of its translation(s): beads 1-1, 1-0, 0-1,\n"
    "2-1, 1-2, 2-2, 3-1, 1-3, each with a confidence (the bead's posterior probability). Files\n"
    "are given in --langs order; the first is the source. With three languages both\n"
    "translations are aligned to the source and joined on it (coarser grouping wins).\n"
    "--batch aligns many document pairs with one model learned from all of them (more accurate\n"
    "than one at a time): LIST has one pair per line, 'SRC_FILE TGT_FILE'; output N (0-based\n"
    "line number) goes to OUT_DIR/N.FORMAT.\n\n"
    "formats: beads (0,1:0 per line), tsv (confidence, then each side's text), json, tmx (one\n"
    "<tu> per bead that has text in every language, prop x-tilmash-confidence; --pairs also\n"
    "writes OUT-en-kk.tmx etc., one per source-target pair).\n\n"
    "examples:\n"
    "  tilmash align --langs en,kk article.en.txt article.kk.txt\n"
    "  tilmash align --langs en,kk,ru --segmented a.en a.kk a.ru --format beads\n"
    "  tilmash align --langs de,fr --segmented --batch pairs.txt --out-dir out --format beads";

std::vector<core::Segment> read_sentences(const std::string& path, const std::string& lang,
                                          bool segmented) {
  std::vector<core::Segment> out;
  if (segmented) {
    for (std::string& line : io::read_lines(path)) out.push_back({std::move(line), 0});
    return out;
  }
  auto segmenter = segment::Segmenter::create(lang, "");
  if (!segmenter) throw UsageError("--langs " + lang + ": " + segmenter.error().message);
  return segment::segment_document(*segmenter, io::read_document(path));
}

std::string confidence_text(double c) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(3) << c;
  return os.str();
}

// One TMX file: units (from to_units) that have text in every language of `langs`.
void write_tmx(const std::string& path, const std::vector<std::string>& langs,
               const std::vector<core::AlignedUnit>& units, const std::string& document) {
  io::AtomicFile out(path);
  io::TmxHeader header;
  header.srclang = langs[0];
  io::TmxWriteOptions options;
  options.langs = langs;
  options.require_all_langs = true;
  io::TmxWriter writer(out.out(), header, options);
  for (const core::AlignedUnit& u : units) writer.write(io::tmx_unit(u, "", langs, document));
  writer.finish();
  out.commit();
  const io::TmxWriteStats& st = writer.stats();
  if (st.units_skipped + st.units_no_source + st.units_duplicate != 0) {
    std::cerr << "tilmash align: " << path << ": " << st.units_written << " units; left out "
              << st.units_skipped + st.units_no_source << " beads without text in every language"
              << " and " << st.units_duplicate << " duplicates\n";
  }
}

// Writes alignment `a` of `docs` in `format` to `path` ("-" = stdout); tmx with `pairs` also
// writes one file per source-target pair.
void write_alignment(const std::string& path, const std::string& format, bool pairs,
                     const std::vector<std::string>& langs,
                     const std::vector<std::vector<core::Segment>>& docs, const align::Alignment& a,
                     const std::string& document) {
  const std::vector<core::AlignedUnit> units = align::to_units(a, docs, langs);
  if (format == "tmx") {
    write_tmx(path, langs, units, document);
    for (std::size_t k = 1; pairs && k < langs.size(); ++k) {
      write_tmx(io::tmx_pair_path(path, langs[0], langs[k]), {langs[0], langs[k]}, units, document);
    }
    return;
  }
  io::AtomicFile file(path);
  std::ostream& os = file.out();
  if (format == "json") os << "[";
  for (std::size_t n = 0; n < a.beads.size(); ++n) {
    const core::Bead& b = a.beads[n];
    if (format == "beads") {
      os << core::format_bead(b) << '\n';
    } else if (format == "tsv") {
      os << confidence_text(b.confidence);
      for (const std::string& lang : langs) os << '\t' << units[n].text.at(lang);
      os << '\n';
    } else {  // json
      os << (n == 0 ? "\n" : ",\n") << "  {\"confidence\": " << confidence_text(b.confidence)
         << ", \"indices\": {";
      for (std::size_t k = 0; k < docs.size(); ++k) {
        os << (k ? ", " : "") << io::json_string(langs[k]) << ": [";
        for (std::size_t i = 0; i < b.sides[k].size(); ++i) os << (i ? ", " : "") << b.sides[k][i];
        os << "]";
      }
      os << "}, \"text\": {";
      for (std::size_t k = 0; k < docs.size(); ++k) {
        os << (k ? ", " : "") << io::json_string(langs[k]) << ": "
           << io::json_string(units[n].text.at(langs[k]));
      }
      os << "}}";
    }
  }
  if (format == "json") os << (a.beads.empty() ? "]\n" : "\n]\n");
  file.commit();
}

// Dictionary file: one pair per line, source TAB target (read raw: read_lines would turn the
// tab into a space). Lines without a tab are skipped.
std::vector<std::pair<std::string, std::string>> read_dictionary(const std::string& path) {
  const std::string bytes = io::read_file(path);
  if (auto bad = core::find_invalid_utf8(bytes)) {
    io::LineCol at = io::line_col(bytes, *bad);
    throw io::InputError(path, at.line, at.column, "invalid UTF-8 byte sequence");
  }
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(bytes);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto tab = line.find('\t');
    if (tab != std::string::npos) out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

}  // namespace

Exit run_align(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("langs", po::value<std::string>()->required(), "languages in file order: en,kk[,ru]")
      ("segmented", po::bool_switch(), "inputs are one sentence per line already")
      ("format", po::value<std::string>()->default_value("tsv"), "beads | tsv | json | tmx")
      ("pairs", po::bool_switch(), "with --format tmx: also OUT-en-kk.tmx … per pair")
      ("output,o", po::value<std::string>()->default_value("-"), "output file (- = stdout)")
      ("batch", po::value<std::string>(), "LIST of 'SRC TGT' file pairs, aligned with one model")
      ("out-dir", po::value<std::string>(), "with --batch: directory for the outputs")
      ("dictionary", po::value<std::string>(), "TSV of source<TAB>target word/phrase pairs")
      ("no-length", po::bool_switch(), "ablation: no length model")
      ("no-anchors", po::bool_switch(), "ablation: no numbers/names/punctuation anchors")
      ("no-cognates", po::bool_switch(), "ablation: no cognates")
      ("no-lexical", po::bool_switch(), "ablation: no IBM Model 1 second pass")
      ("no-priors", po::bool_switch(), "ablation: all bead types equally likely")
      ("no-cross-fit", po::bool_switch(), "ablation: Model 1 scores the pairs it was trained on")
      ("no-joint", po::bool_switch(), "with --batch: learn the models per document")
      ("max-side", po::value<int>()->default_value(3), "largest bead side (2: up to 2-2)")
      ("files", po::value<std::vector<std::string>>()->default_value({}, ""), "input files");
  po::positional_options_description positional;
  positional.add("files", -1);
  auto vm = parse_options(
      args, options, positional,
      "tilmash align --langs en,kk[,ru] FILE FILE [FILE] [--segmented] [--format F] [-o OUT]\n"
      "       tilmash align --langs L1,L2 --batch LIST --out-dir DIR [--segmented] [--format F]",
      kHelp);
  if (!vm) return Exit::kOk;

  std::vector<std::string> langs;
  std::stringstream lang_list((*vm)["langs"].as<std::string>());
  for (std::string tag; std::getline(lang_list, tag, ',');) {
    auto norm = core::normalize_lang_tag(tag);
    if (!norm) throw UsageError("--langs: " + norm.error().message);
    langs.push_back(*norm);
  }
  if (langs.size() < 2 || langs.size() > 3) {
    throw UsageError("--langs needs 2 or 3 languages, got " + std::to_string(langs.size()));
  }
  const std::string format = (*vm)["format"].as<std::string>();
  if (format != "beads" && format != "tsv" && format != "json" && format != "tmx") {
    throw UsageError("--format must be beads, tsv, json or tmx, not '" + format + "'");
  }
  const bool pairs = (*vm)["pairs"].as<bool>();
  if (pairs && (format != "tmx" || (*vm)["output"].as<std::string>() == "-")) {
    throw UsageError("--pairs needs --format tmx and -o FILE.tmx (it names OUT-en-kk.tmx after it)");
  }
  align::AlignOptions o;
  for (auto [flag, on] : {std::pair{"no-length", &o.use_length}, {"no-anchors", &o.use_anchors},
                          {"no-cognates", &o.use_cognates}, {"no-lexical", &o.use_lexical},
                          {"no-priors", &o.use_priors}, {"no-joint", &o.joint_training}}) {
    *on = !(*vm)[flag].as<bool>();
  }
  if ((*vm)["no-cross-fit"].as<bool>()) o.lexical_self_weight = 1.0;
  o.max_side = (*vm)["max-side"].as<int>();
  if (o.max_side < 2 || o.max_side > 3) throw UsageError("--max-side must be 2 or 3");
  if (vm->count("dictionary") != 0u) o.dictionary = read_dictionary((*vm)["dictionary"].as<std::string>());
  const bool segmented = (*vm)["segmented"].as<bool>();
  const auto& files = (*vm)["files"].as<std::vector<std::string>>();

  if (vm->count("batch") != 0u) {
    if (langs.size() != 2 || !files.empty() || vm->count("out-dir") == 0u) {
      throw UsageError("--batch takes two --langs, no FILE arguments and --out-dir");
    }
    std::vector<std::vector<std::vector<core::Segment>>> texts;
    for (const std::string& line : io::read_lines((*vm)["batch"].as<std::string>())) {
      std::istringstream ls(line);
      std::string a, b, extra;
      if (!(ls >> a >> b) || (ls >> extra)) {
        throw UsageError("--batch: each line must name two files, got '" + line + "'");
      }
      texts.push_back({read_sentences(a, langs[0], segmented), read_sentences(b, langs[1], segmented)});
    }
    std::vector<align::DocPair> docs;
    for (const auto& t : texts) docs.push_back({t[0], t[1]});
    auto result = align::align_batch(docs, o);
    const std::string dir = (*vm)["out-dir"].as<std::string>();
    for (std::size_t d = 0; d < result.size(); ++d) {
      write_alignment(dir + "/" + std::to_string(d) + "." + format, format, false, langs, texts[d],
                      result[d], "");
    }
    return Exit::kOk;
  }

  if (files.size() != langs.size()) {
    throw UsageError("--langs lists " + std::to_string(langs.size()) + " languages but " +
                     std::to_string(files.size()) + " files were given");
  }
  std::vector<std::vector<core::Segment>> docs;
  for (std::size_t k = 0; k < files.size(); ++k) {
    docs.push_back(read_sentences(files[k], langs[k], segmented));
  }
  align::Alignment a = docs.size() == 2 ? align::align(docs[0], docs[1], o)
                                        : align::align3(docs[0], docs[1], docs[2], o);
  write_alignment((*vm)["output"].as<std::string>(), format, pairs, langs, docs, a,
                  std::filesystem::path(files[0]).filename().string());
  return Exit::kOk;
}

}  // namespace tilmash::cli
