// tilmash align: read (and segment) each language's document -> align::align / align3 /
// align_batch -> beads, tsv or json through io::AtomicFile.
#include <iomanip>
#include <sstream>

#include "align/aligner.h"
#include "cli/command.h"
#include "core/bead.h"
#include "core/lang.h"
#include "io/atomic_file.h"
#include "io/document.h"
#include "io/json.h"
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
    "formats: beads (0,1:0 per line), tsv (confidence, then each side's text), json.\n\n"
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

std::string side_text(const std::vector<core::Segment>& doc, const std::vector<int>& idx) {
  std::string s;
  for (int i : idx) {
    if (!s.empty()) s += ' ';
    s += doc[static_cast<std::size_t>(i)].text;
  }
  return s;
}

std::string confidence_text(double c) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(3) << c;
  return os.str();
}

void write_alignment(std::ostream& os, const std::string& format,
                     const std::vector<std::string>& langs,
                     const std::vector<std::vector<core::Segment>>& docs,
                     const align::Alignment& a) {
  if (format == "beads") {
    for (const core::Bead& b : a.beads) os << core::format_bead(b) << '\n';
  } else if (format == "tsv") {
    for (const core::Bead& b : a.beads) {
      os << confidence_text(b.confidence);
      for (std::size_t k = 0; k < docs.size(); ++k) os << '\t' << side_text(docs[k], b.sides[k]);
      os << '\n';
    }
  } else {  // json
    os << "[";
    for (std::size_t n = 0; n < a.beads.size(); ++n) {
      const core::Bead& b = a.beads[n];
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
           << io::json_string(side_text(docs[k], b.sides[k]));
      }
      os << "}}";
    }
    os << (a.beads.empty() ? "]\n" : "\n]\n");
  }
}

// Dictionary file: one pair per line, source and target separated by a tab.
std::vector<std::pair<std::string, std::string>> read_dictionary(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& line : io::read_lines(path)) {
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
      ("format", po::value<std::string>()->default_value("tsv"), "beads | tsv | json")
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
  {
    std::stringstream ss((*vm)["langs"].as<std::string>());
    std::string tag;
    while (std::getline(ss, tag, ',')) {
      auto norm = core::normalize_lang_tag(tag);
      if (!norm) throw UsageError("--langs: " + norm.error().message);
      langs.push_back(*norm);
    }
  }
  if (langs.size() < 2 || langs.size() > 3) {
    throw UsageError("--langs needs 2 or 3 languages, got " + std::to_string(langs.size()));
  }
  const std::string format = (*vm)["format"].as<std::string>();
  if (format != "beads" && format != "tsv" && format != "json") {
    throw UsageError("--format must be beads, tsv or json" +
                     std::string(format == "tmx" ? " (tmx output is not available yet)" : "") +
                     ", not '" + format + "'");
  }
  align::AlignOptions o;
  o.use_length = !(*vm)["no-length"].as<bool>();
  o.use_anchors = !(*vm)["no-anchors"].as<bool>();
  o.use_cognates = !(*vm)["no-cognates"].as<bool>();
  o.use_lexical = !(*vm)["no-lexical"].as<bool>();
  o.use_priors = !(*vm)["no-priors"].as<bool>();
  if ((*vm)["no-cross-fit"].as<bool>()) o.lexical_self_weight = 1.0;
  o.joint_training = !(*vm)["no-joint"].as<bool>();
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
      io::AtomicFile out(dir + "/" + std::to_string(d) + "." + format);
      write_alignment(out.out(), format, langs, texts[d], result[d]);
      out.commit();
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
  io::AtomicFile out((*vm)["output"].as<std::string>());
  write_alignment(out.out(), format, langs, docs, a);
  out.commit();
  return Exit::kOk;
}

}  // namespace tilmash::cli
