#include "app/align.h"

#include <array>
#include <filesystem>
#include <optional>
#include <sstream>

#include "align/units.h"
#include "app/align_dictionary.h"
#include "app/align_tm.h"
#include "app/glossary.h"
#include "app/option_error.h"
#include "app/review.h"
#include "core/bead_unit.h"
#include "io/alignment_reader.h"
#include "io/alignment_writer.h"
#include "io/atomic_file.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/html_review.h"
#include "qa/term_check.h"
#include "segment/segmenter.h"
#include "term/glossary.h"

namespace tilmash::app {
namespace {

using LeftOut = std::function<void(const std::string&, const io::TmxWriteStats&)>;

std::vector<core::Segment> read_sentences(const std::string& path, const std::string& lang,
                                          bool segmented, bool headers) {
  std::vector<core::Segment> out;
  if (segmented) {
    for (std::string& line : io::read_lines(path)) out.push_back({std::move(line), 0});
    return out;
  }
  auto segmenter = segment::Segmenter::create(lang, "");
  if (!segmenter) throw OptionError("--langs " + lang + ": " + segmenter.error().message);
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
  std::vector<core::TranslationUnit> tus;
  for (std::size_t n = 0; n < units.size(); ++n) {
    tus.push_back(core::bead_unit(units[n], n, langs, {}, &a.beads[n]));  // with Bead::alone
  }
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
                     const LeftOut& left_out, std::span<const io::BeadMark> marks = {}) {
  for (std::size_t k = 1; pairs && k < langs.size(); ++k) {
    align::Alignment pair{a.pairwise.size() >= k ? a.pairwise[k - 1] : a.beads, {}};
    write_alignment(io::alignment_pair_path(path, format, langs[0], langs[k]), format, false,
                    {langs[0], langs[k]}, {docs[0], docs[k]}, pair, document, matcher, left_out);
  }
  const std::vector<core::AlignedUnit> units = align::to_units(a, docs, langs);
  if (format == "html") {
    write_html(path, langs, a, units, matcher, document, docs, marks);
    return;
  }
  const io::TmxWriteStats st = io::write_alignment(path, format, langs, a.beads, units, document, marks);
  if (st.units_skipped + st.units_no_source + st.units_duplicate != 0 && left_out) left_out(path, st);
}

// Appends chosen[k - 1], the pairs for target language k, to the aligner's lexicon of that pair
// (two languages: o.dictionary; three: o.pair_dictionary): each pair learns from its own.
void add_pairs(std::size_t langs, std::vector<std::vector<std::pair<std::string, std::string>>> chosen,
               align::AlignOptions& o) {
  for (std::size_t k = 1; k < langs; ++k) {
    auto& found = chosen[k - 1];
    auto& to = langs == 2 ? o.dictionary : o.pair_dictionary[k - 1];
    to.insert(to.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
}

// Adds the pairs of request.dictionaries to every language pair's lexicon; without any (and
// with find_dictionaries), those of the FreeDict dictionaries found for each pair, telling
// request.notice which.
void add_dictionaries(const AlignRequest& r, align::AlignOptions& o) {
  for (const std::string& path : r.dictionaries) {
    WordPairs pairs = read_dictionary_pairs({path, false});
    o.dictionary.insert(o.dictionary.end(), std::make_move_iterator(pairs.begin()),
                        std::make_move_iterator(pairs.end()));
  }
  if (!r.dictionaries.empty() || !r.find_dictionaries) return;
  const std::vector<std::string> dirs = freedict_dirs();
  std::vector<WordPairs> found(r.langs.size() - 1);
  for (std::size_t k = 1; k < r.langs.size(); ++k) {
    for (const DictionaryFile& f : find_freedict(r.langs[0], r.langs[k], dirs)) {
      WordPairs pairs = read_dictionary_pairs(f);
      if (r.notice) {
        r.notice(std::to_string(pairs.size()) + " word pairs of " + f.path +
                 (f.reversed ? " (reversed)" : "") + " train the lexical model (" + r.langs[0] +
                 "-" + r.langs[k] + "; --no-dictionary: without)");
      }
      found[k - 1].insert(found[k - 1].end(), std::make_move_iterator(pairs.begin()),
                          std::make_move_iterator(pairs.end()));
    }
  }
  add_pairs(r.langs.size(), std::move(found), o);
}

// Adds the pairs of the dictionaries, then of request.lexicons and then of request.tm chosen
// for the source documents (texts[g][0]) to the aligner's lexicon, and tells request.notice
// how many units of the TM.
void add_training_pairs(const AlignRequest& r,
                        const std::vector<std::vector<std::vector<core::Segment>>>& texts,
                        align::AlignOptions& o) {
  add_dictionaries(r, o);
  std::vector<std::string_view> source;
  for (const auto& group : texts) {
    for (const core::Segment& s : group[0]) source.push_back(s.text);
  }
  const std::vector<std::string_view> targets(r.langs.begin() + 1, r.langs.end());
  if (!r.lexicons.empty()) {
    add_pairs(r.langs.size(),
              lexicon_training_pairs(r.lexicons, r.langs[0], targets, source, r.tm_units), o);
  }
  if (r.tm.empty()) return;
  const auto tm = store::open_tm(r.tm, store::OpenMode::kReadOnly);
  auto chosen = tm_training_pairs(*tm, r.langs[0], targets, source, r.tm_units);
  for (std::size_t k = 1; k < r.langs.size() && r.notice; ++k) {
    const std::string of_tm = " of " + tm->location() + " (" + r.langs[0] + "-" + r.langs[k] + ")";
    const std::size_t n = chosen[k - 1].size();
    r.notice(n == 0   ? "no unit" + of_tm + " shares a word with the documents; aligning without it"
             : n == 1 ? "1 unit" + of_tm + " trains the lexical model"
                      : std::to_string(n) + " units" + of_tm + " train the lexical model");
  }
  add_pairs(r.langs.size(), std::move(chosen), o);
}

}  // namespace

void align_documents(const AlignRequest& r) {
  const std::vector<std::string>& langs = r.langs;
  const std::string& format = r.format;
  const bool pairs = r.pairs;
  align::AlignOptions o = r.options;
  const std::vector<std::string>& files = r.files;
  const bool batch = !r.batch_list.empty();
  // Document groups, one file per language: each line of the batch list, else the files.
  std::vector<std::vector<std::string>> groups;
  if (batch) {
    if (!files.empty() || r.out_dir.empty()) {
      throw OptionError("--batch takes no FILE arguments and needs --out-dir");
    }
    for (const std::string& line : io::read_lines(r.batch_list)) {
      std::istringstream ls(line);
      auto& g = groups.emplace_back();
      for (std::string f; ls >> f;) g.push_back(f);
      if (g.size() != langs.size()) {
        throw OptionError("--batch: each line must name " + std::to_string(langs.size()) +
                          " files (one per --langs language), got '" + line + "'");
      }
    }
  } else if (files.size() != langs.size()) {
    throw OptionError("--langs lists " + std::to_string(langs.size()) + " languages but " +
                      std::to_string(files.size()) + " files were given");
  } else {
    groups.push_back(files);
  }
  const std::optional<term::Matcher> matcher =
      o.use_terms ? optional_matcher(r.glossaries, langs) : std::nullopt;
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
      texts[g].push_back(read_sentences(groups[g][k], langs[k], r.segmented, r.headers));
      terms[g].push_back(matcher ? sentence_terms(*matcher, texts[g][k], langs[k])
                                 : std::vector<std::vector<int>>{});
    }
    triples.push_back({});
    for (std::size_t k = 0; k < langs.size(); ++k) triples.back()[k] = {texts[g][k], terms[g][k]};
  }
  if (r.from_json.empty()) add_training_pairs(r, texts, o);
  std::vector<align::Alignment> result;
  std::vector<io::BeadMark> marks;
  if (!r.from_json.empty()) {
    if (batch || pairs || !r.tm.empty()) {
      throw OptionError("--from-json takes FILE arguments, without --batch, --pairs or --tm");
    }
    const std::string& json = r.from_json;
    io::AlignmentFile f = io::read_alignment_json(json);
    if (f.langs != langs) throw OptionError("--from-json " + json + " is not an alignment of --langs " + r.langs_text);
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
    if (batch) {
      write_alignment(r.out_dir + "/" + std::to_string(g) + "." + format, format, pairs, langs,
                      texts[g], result[g], std::string("document ").append(std::to_string(g)),
                      *page_matcher, r.left_out);
    } else {
      write_alignment(r.output, format, pairs, langs, texts[g], result[g],
                      std::filesystem::path(files[0]).filename().string(), *page_matcher,
                      r.left_out, marks);
    }
  }
}

}  // namespace tilmash::app
