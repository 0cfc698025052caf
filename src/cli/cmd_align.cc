// tilmash align: read (and segment) each language's document; glossary entries per sentence
// (term::Matcher) -> align::align_batch / align3_batch -> align::to_units -> io::write_alignment.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "align/aligner.h"
#include "align/units.h"
#include "cli/command.h"
#include "cli/glossary_source.h"
#include "core/lang.h"
#include "core/utf8.h"
#include "io/alignment_writer.h"
#include "io/atomic_file.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/html_review.h"
#include "io/location.h"
#include "qa/term_check.h"
#include "segment/segmenter.h"
#include "term/glossary.h"

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
    "<tu> per bead that has text in every language, prop x-tilmash-confidence), xliff (XLIFF\n"
    "1.2, one <trans-unit> per bead, id = bead number, tilmash:confidence; one <file> per\n"
    "target language), html (a review\n"
    "page: languages side by side, weakest beads listed on top and highlighted, glossary terms\n"
    "with their approved renderings, check's findings; keys j/k next/previous weak bead).\n"
    "--pairs also writes OUT-en-kk.FORMAT etc., one per source-target pair, each from that\n"
    "pair's own alignment (finer than the joined beads where the translations group sentences\n"
    "differently).\n"
    "Glossary terms found on both sides anchor a bead; a term on one side only counts against\n"
    "it: --glossary, else $TILMASH_GLOSSARY, else the shipped glossaries (--no-glossary: none).\n\n"
    "examples:\n"
    "  tilmash align --langs en,kk article.en.txt article.kk.txt\n"
    "  tilmash align --langs en,kk,ru --segmented a.en a.kk a.ru --format beads\n"
    "  tilmash align --langs en,kk,ru a.en.txt a.kk.txt a.ru.txt --format html -o review.html\n"
    "  tilmash align --langs en,kk a.en a.kk --from-json a.aligned.json --format html -o a.html\n"
    "  tilmash align --langs de,fr --segmented --batch pairs.txt --out-dir out --format beads";

std::vector<core::Segment> read_sentences(const std::string& path, const std::string& lang,
                                          bool segmented, bool headers) {
  std::vector<core::Segment> out;
  if (segmented) {
    for (std::string& line : io::read_lines(path)) out.push_back({std::move(line), 0});
    return out;
  }
  auto segmenter = segment::Segmenter::create(lang, "");
  if (!segmenter) throw UsageError("--langs " + lang + ": " + segmenter.error().message);
  return segment::segment_document(*segmenter,
                                   io::read_document(path, {io::DocFormat::kAuto, headers}));
}

std::vector<std::vector<std::string>> sentence_texts(const std::vector<std::vector<core::Segment>>& docs) {
  std::vector<std::vector<std::string>> out;
  for (const auto& doc : docs) {
    auto& texts = out.emplace_back();
    for (const core::Segment& s : doc) texts.push_back(s.text);
  }
  return out;
}

// " 3-4" for sentences {2, 3}: 1-based, as the lines of the sentence files.
std::string sentence_numbers(const std::vector<int>& side) {
  if (side.empty()) return " -";
  std::string out = std::string(" ").append(std::to_string(side.front() + 1));
  if (side.size() > 1) out.append("-").append(std::to_string(side.back() + 1));
  return out;
}

// The review page (check's review_page over one unit per bead, empty sides left out): bead N is
// line N of --format beads; terms and findings from `matcher`; the editor over `docs`.
void write_html(const std::string& path, const std::vector<std::string>& langs,
                const align::Alignment& a, const std::vector<core::AlignedUnit>& units,
                const term::Matcher& matcher, const std::string& title,
                const std::vector<std::vector<core::Segment>>& docs,
                std::span<const io::BeadMark> marks) {
  const std::vector<core::TranslationUnit> tus = bead_units(units, langs);
  qa::CheckOptions options;
  options.source_lang = qa::primary_lang(langs[0]);
  std::vector<qa::Finding> findings;
  io::ReviewPage page = review_page(tus, langs, matcher, options, findings);
  page.title = title;
  for (std::size_t k = 0; k < langs.size(); ++k) page.subtitle += (k ? " · " : "") + langs[k];
  page.subtitle = "tilmash align " + page.subtitle + ": bead N is line N of --format beads";
  for (std::size_t n = 0; n < page.rows.size(); ++n) {
    for (std::size_t k = 0; k < langs.size(); ++k) {
      page.rows[n].detail += (k ? " · " : "") + langs[k] + sentence_numbers(a.beads[n].sides[k]);
    }
  }
  page.editor = io::ReviewEditor{sentence_texts(docs), a.beads, {marks.begin(), marks.end()}, title};
  io::AtomicFile file(path);
  io::write_review_html(file.out(), page);
  file.commit();
}

// Writes alignment `a` of `docs` in `format` to `path` ("-" = stdout). With `pairs`, also one
// file per source-target pair, from the pair's own alignment (a.pairwise: finer than the joined
// three-language beads wherever the two translations group the source differently).
void write_alignment(const std::string& path, const std::string& format, bool pairs,
                     const std::vector<std::string>& langs,
                     const std::vector<std::vector<core::Segment>>& docs, const align::Alignment& a,
                     const std::string& document, const term::Matcher& matcher,
                     std::span<const io::BeadMark> marks = {}) {
  for (std::size_t k = 1; pairs && k < langs.size(); ++k) {
    align::Alignment pair{a.pairwise.size() >= k ? a.pairwise[k - 1] : a.beads, {}};
    write_alignment(io::alignment_pair_path(path, format, langs[0], langs[k]), format, false,
                    {langs[0], langs[k]}, {docs[0], docs[k]}, pair, document, matcher);
  }
  const std::vector<core::AlignedUnit> units = align::to_units(a, docs, langs);
  if (format == "html") {
    write_html(path, langs, a, units, matcher, document, docs, marks);
    return;
  }
  const io::TmxWriteStats st = io::write_alignment(path, format, langs, a.beads, units, document, marks);
  if (st.units_skipped + st.units_no_source + st.units_duplicate != 0) {
    const std::size_t empty = st.units_skipped + st.units_no_source;
    std::cerr << "tilmash align: " << path << ": " << st.units_written << " units; left out "
              << empty << (empty == 1 ? " bead" : " beads") << " without text in every language"
              << " and " << st.units_duplicate
              << (st.units_duplicate == 1 ? " duplicate\n" : " duplicates\n");
  }
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
      ("headers", po::bool_switch(), "DOCX/ODT: also page headers and footers")
      ("format", po::value<std::string>()->default_value("tsv"), "beads | tsv | json | tmx | xliff | html")
      ("pairs", po::bool_switch(), "also OUT-en-kk.FORMAT … per pair (its own alignment)")
      ("output,o", po::value<std::string>()->default_value("-"), "output file (- = stdout)")
      ("batch", po::value<std::string>(), "LIST of 'SRC TGT' file pairs, aligned with one model")
      ("out-dir", po::value<std::string>(), "with --batch: directory for the outputs")
      ("dictionary", po::value<std::string>(), "TSV of source<TAB>target word/phrase pairs")
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
  if (format != "beads" && format != "tsv" && format != "json" && format != "tmx" &&
      format != "html" && format != "xliff") {
    throw UsageError("--format must be beads, tsv, json, tmx, xliff or html, not '" + format + "'");
  }
  const bool pairs = (*vm)["pairs"].as<bool>();
  if (pairs && vm->count("batch") == 0u && (*vm)["output"].as<std::string>() == "-") {
    throw UsageError("--pairs needs -o FILE or --batch (it names OUT-en-kk.tmx … after it)");
  }
  align::AlignOptions o;
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
  if (vm->count("dictionary") != 0u) o.dictionary = read_dictionary((*vm)["dictionary"].as<std::string>());
  const bool segmented = (*vm)["segmented"].as<bool>();
  const auto& files = (*vm)["files"].as<std::vector<std::string>>();
  // Document groups, one file per language: each line of --batch LIST, else the FILE arguments.
  std::vector<std::vector<std::string>> groups;
  if (vm->count("batch") != 0u) {
    if (!files.empty() || vm->count("out-dir") == 0u) {
      throw UsageError("--batch takes no FILE arguments and needs --out-dir");
    }
    for (const std::string& line : io::read_lines((*vm)["batch"].as<std::string>())) {
      std::istringstream ls(line);
      auto& g = groups.emplace_back();
      for (std::string f; ls >> f;) g.push_back(f);
      if (g.size() != langs.size()) {
        throw UsageError("--batch: each line must name " + std::to_string(langs.size()) +
                         " files (one per --langs language), got '" + line + "'");
      }
    }
  } else if (files.size() != langs.size()) {
    throw UsageError("--langs lists " + std::to_string(langs.size()) + " languages but " +
                     std::to_string(files.size()) + " files were given");
  } else {
    groups.push_back(files);
  }
  const std::optional<term::Matcher> matcher = (*vm)["no-glossary"].as<bool>()
                                                   ? std::nullopt : optional_matcher(*vm, langs);
  // The review page marks terms with the same matcher (an empty one without a glossary).
  std::optional<term::Matcher> empty;
  if (!matcher) {
    auto m = term::Matcher::create(term::Glossary{});
    if (!m) throw std::runtime_error(m.error().message);
    empty = std::move(*m);
  }
  const term::Matcher* page_matcher = matcher ? &*matcher : &*empty;
  std::vector<std::vector<std::vector<core::Segment>>> texts(groups.size());  // [group][lang]
  std::vector<std::vector<std::vector<std::vector<int>>>> terms(groups.size());
  std::vector<std::array<align::Document, 3>> triples;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (std::size_t k = 0; k < langs.size(); ++k) {
      texts[g].push_back(read_sentences(groups[g][k], langs[k], segmented,
                                        (*vm)["headers"].as<bool>()));
      terms[g].push_back(matcher ? sentence_terms(*matcher, texts[g][k], langs[k])
                                 : std::vector<std::vector<int>>{});
    }
    triples.push_back({});
    for (std::size_t k = 0; k < langs.size(); ++k) triples.back()[k] = {texts[g][k], terms[g][k]};
  }
  std::vector<align::Alignment> result;
  std::vector<io::BeadMark> marks;
  if (vm->count("from-json") != 0u) {
    if (vm->count("batch") != 0u || pairs) throw UsageError("--from-json takes FILE arguments, without --batch or --pairs");
    const std::string json = (*vm)["from-json"].as<std::string>();
    io::AlignmentFile f = io::read_alignment_json(json);
    if (f.langs != langs) throw UsageError("--from-json " + json + " is not an alignment of --langs " + (*vm)["langs"].as<std::string>());
    result.push_back({io::alignment_beads(f, json, sentence_texts(texts[0])), {}});
    marks = std::move(f.marks);
  } else if (langs.size() == 3) {
    result = align::align3_batch(triples, o);
  } else {
    std::vector<align::DocPair> docs;
    for (const auto& t : triples) docs.push_back({t[0].sentences, t[1].sentences, t[0].terms, t[1].terms});
    result = align::align_batch(docs, o);
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (vm->count("batch") != 0u) {
      write_alignment((*vm)["out-dir"].as<std::string>() + "/" + std::to_string(g) + "." + format,
                      format, pairs, langs, texts[g], result[g],
                      std::string("document ").append(std::to_string(g)),
                      *page_matcher);
    } else {
      write_alignment((*vm)["output"].as<std::string>(), format, pairs, langs, texts[g], result[g],
                      std::filesystem::path(files[0]).filename().string(), *page_matcher, marks);
    }
  }
  return Exit::kOk;
}

}  // namespace tilmash::cli
