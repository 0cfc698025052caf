// tilmash align: parses the options and calls app::align_documents (read and segment each
// language's document, glossary anchors, align::align_batch / align3_batch, write beads, TSV,
// JSON, TMX, XLIFF or the review page); reports beads left out of TMX/XLIFF.
#include <iostream>

#include "app/align.h"
#include "app/align_tm.h"
#include "cli/command.h"

namespace tilmash::cli {
namespace {

constexpr const char* kHelp =
    "Links the sentences of a document with those of its translation(s): beads 1-1, 1-0, 0-1,\n"
    "2-1, 1-2, 2-2, 3-1, 1-3, each with a confidence (the bead's posterior probability). Files\n"
    "are given in --langs order; the first is the source. With three languages both\n"
    "translations are aligned to the source and joined on it; where they group the source\n"
    "differently, that stretch is aligned again in all three under both pairs' costs.\n"
    "--batch aligns many document pairs with one model learned from all of them (more accurate\n"
    "than one at a time): LIST has one pair per line, 'SRC_FILE TGT_FILE'; output N (0-based\n"
    "line number) goes to OUT_DIR/N.FORMAT.\n\n"
    "formats: beads (0,1:0 per line), tsv (confidence, then each side's text), json, tmx (one\n"
    "<tu> per bead that has text in every language, prop x-tilmash-confidence), xliff (XLIFF\n"
    "1.2, one <trans-unit> per bead, id = bead number, tilmash:confidence; one <file> per\n"
    "target language), html (a review page: languages side by side, weakest beads listed on top\n"
    "and highlighted, glossary terms with their approved renderings, check's findings).\n"
    "--pairs also writes OUT-en-kk.FORMAT etc., one per source-target pair, each from that\n"
    "pair's own alignment (finer than the joined beads where the translations group sentences\n"
    "differently).\n"
    "Glossary terms found on both sides anchor a bead; a term on one side only counts against\n"
    "it: --glossary, else $TILMASH_GLOSSARY, else the shipped glossaries (--no-glossary: none).\n"
    "--tm DB: the units of a TM (as tm --db takes it) that share the most words with the source\n"
    "document(s), at most --tm-units per language pair, teach the lexical model their\n"
    "translations (one pass over the TM: about 0.2 s per 60,000 units). The lexicon does the\n"
    "same before it: translated sentences of the field (TMX), --lexicon, else $TILMASH_LEXICON,\n"
    "else the shipped lexicon/ (en-kk, en-ru news and testimony); --no-lexicon: none. So do\n"
    "word pairs: --dictionary (TSV, or FreeDict's NAME.index), else the FreeDict dictionaries of\n"
    "the languages in /usr/share/dictd (Debian: dict-freedict-deu-fra …); --no-dictionary: none.\n\n"
    "examples:\n"
    "  tilmash align --langs en,kk article.en.txt article.kk.txt\n"
    "  tilmash align --langs en,kk,ru --segmented a.en a.kk a.ru --format beads\n"
    "  tilmash align --langs en,kk,ru a.en.txt a.kk.txt a.ru.txt --format html -o review.html\n"
    "  tilmash align --langs en,kk a.en a.kk --from-json a.aligned.json --format html -o a.html\n"
    "  tilmash align --langs de,fr --segmented --batch pairs.txt --out-dir out --format beads\n"
    "  tilmash align --langs en,kk a.en.txt a.kk.txt --tm ~/tm.db --format tmx -o a.tmx";

}  // namespace

Exit run_align(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("langs", po::value<std::string>()->required(), "languages in file order: en,kk[,ru]")
      ("segmented", po::bool_switch(), "inputs are one sentence per line already")
      ("headers", po::bool_switch(), "DOCX/ODT: also page headers and footers")
      ("format", po::value<std::string>()->default_value("tsv"), "beads | tsv | json | tmx | xliff | html")
      ("pairs", po::bool_switch(), "also OUT-en-kk.FORMAT … per pair (its own alignment)")
      ("output,o", po::value<std::string>()->default_value("-"), "output file (- = stdout)")
      ("batch", po::value<std::string>(), "LIST of 'SRC TGT' file pairs, aligned with one model")
      ("out-dir", po::value<std::string>(), "with --batch: directory for the outputs")
      ("dictionary", po::value<std::vector<std::string>>(), "word pairs: TSV or FreeDict .index")
      ("no-dictionary", po::bool_switch(), "no FreeDict dictionary of the languages")
      ("tm", po::value<std::string>(), "DB: TM (file or postgresql:// URI) training the lexical model")
      ("tm-units", po::value<int>()->default_value(2000), "at most N units of the TM, and of the "
                                                          "lexicon (those sharing most words)")
      ("lexicon", po::value<std::vector<std::string>>(), "TMX training the lexical model (repeatable)")
      ("no-lexicon", po::bool_switch(), "no lexicon: the documents (and --tm) teach it alone")
      ("no-glossary", po::bool_switch(), "no glossary anchors (also the ablation switch)")
      ("no-length", po::bool_switch(), "ablation: no length model")
      ("no-anchors", po::bool_switch(), "ablation: no numbers/names/punctuation anchors")
      ("no-cognates", po::bool_switch(), "ablation: no cognates")
      ("no-lexical", po::bool_switch(), "ablation: no IBM Model 1 second pass")
      ("no-priors", po::bool_switch(), "ablation: all bead types equally likely")
      ("no-cross-fit", po::bool_switch(), "ablation: Model 1 scores the pairs it was trained on")
      ("no-joint", po::bool_switch(), "with --batch: learn the models per document")
      ("max-side", po::value<int>()->default_value(3), "largest bead side (2: up to 2-2)")
      ("from-json", po::value<std::string>(), "take the beads from FILE (align --format json, e.g. "
                                              "saved by the review page's editor); no aligning")
      ("files", po::value<std::vector<std::string>>()->default_value({}, ""), "input files");
  add_glossary_option(options);
  po::positional_options_description positional;
  positional.add("files", -1);
  auto vm = parse_options(
      args, options, positional,
      "tilmash align --langs en,kk[,ru] FILE FILE [FILE] [--segmented] [--format F] [-o OUT]\n"
      "       tilmash align --langs L1,L2 --batch LIST --out-dir DIR [--segmented] [--format F]",
      kHelp);
  if (!vm) return Exit::kOk;

  const std::vector<std::string> langs = lang_list_option(*vm, "langs");
  if (langs.size() < 2 || langs.size() > 3) {
    throw UsageError("--langs needs 2 or 3 languages, got " + std::to_string(langs.size()));
  }
  const std::string format = (*vm)["format"].as<std::string>();
  if (format != "beads" && format != "tsv" && format != "json" && format != "tmx" &&
      format != "html" && format != "xliff") {
    throw UsageError("--format must be beads, tsv, json, tmx, xliff or html, not '" + format + "'");
  }
  const bool pairs = (*vm)["pairs"].as<bool>();
  if (pairs && vm->count("batch") == 0u && (*vm)["output"].as<std::string>() == "-") {
    throw UsageError("--pairs needs -o FILE or --batch (it names OUT-en-kk.tmx … after it)");
  }
  app::AlignRequest r;
  align::AlignOptions& o = r.options;
  o.langs = langs;  // for the number reader of the anchors
  for (auto [flag, on] : {std::pair{"no-length", &o.use_length}, {"no-anchors", &o.use_anchors},
                          {"no-cognates", &o.use_cognates}, {"no-lexical", &o.use_lexical},
                          {"no-priors", &o.use_priors}, {"no-joint", &o.joint_training}}) {
    *on = !(*vm)[flag].as<bool>();
  }
  if ((*vm)["no-cross-fit"].as<bool>()) o.lexical_self_weight = 1.0;
  o.use_terms = !(*vm)["no-glossary"].as<bool>();
  o.max_side = (*vm)["max-side"].as<int>();
  if (o.max_side < 2 || o.max_side > 3) throw UsageError("--max-side must be 2 or 3");
  r.dictionaries = strings_option(*vm, "dictionary");
  r.find_dictionaries = !(*vm)["no-dictionary"].as<bool>();
  if (vm->count("tm") != 0u) r.tm = (*vm)["tm"].as<std::string>();
  if ((*vm)["tm-units"].as<int>() < 1) throw UsageError("--tm-units must be at least 1");
  r.tm_units = static_cast<std::size_t>((*vm)["tm-units"].as<int>());
  r.langs = langs;
  r.langs_text = (*vm)["langs"].as<std::string>();
  r.segmented = (*vm)["segmented"].as<bool>();
  r.headers = (*vm)["headers"].as<bool>();
  r.files = (*vm)["files"].as<std::vector<std::string>>();
  if (vm->count("batch") != 0u) r.batch_list = (*vm)["batch"].as<std::string>();
  if (vm->count("out-dir") != 0u) r.out_dir = (*vm)["out-dir"].as<std::string>();
  r.output = (*vm)["output"].as<std::string>();
  r.format = format;
  r.pairs = pairs;
  r.glossaries = strings_option(*vm, "glossary");
  if (vm->count("from-json") != 0u) r.from_json = (*vm)["from-json"].as<std::string>();
  if (!(*vm)["no-lexicon"].as<bool>()) r.lexicons = app::lexicon_paths(strings_option(*vm, "lexicon"));
  r.left_out = [](const std::string& path, const io::TmxWriteStats& st) {
    const std::size_t empty = st.units_skipped + st.units_no_source;
    std::cerr << "tilmash align: " << path << ": " << st.units_written << " units; left out "
              << empty << (empty == 1 ? " bead" : " beads") << " without text in every language"
              << " and " << st.units_duplicate
              << (st.units_duplicate == 1 ? " duplicate\n" : " duplicates\n");
  };
  r.notice = [](const std::string& message) { std::cerr << "tilmash align: " << message << "\n"; };
  app::align_documents(r);
  return Exit::kOk;
}

}  // namespace tilmash::cli
