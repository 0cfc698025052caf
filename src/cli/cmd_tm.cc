// tilmash tm import|lookup|concordance|export: the TM (store::open_tm) with fuzzy keys
// from tm::Tokenizer, concordance keys from term (Snowball for en/ru, Kazakh keys), fuzzy
// search by tm::search + tm::rank, TMX in and out through io.
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/command.h"
#include "cli/unit_pipeline.h"
#include "core/lang.h"
#include "core/text.h"
#include "io/atomic_file.h"
#include "io/alignment_reader.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/json.h"
#include "io/tmx_reader.h"
#include "io/tmx_writer.h"
#include "io/xliff_reader.h"
#include "store/tm_backend.h"
#include "term/normalize.h"
#include "term/snowball.h"
#include "term/stem_kk.h"
#include "tm/fuzzy_match.h"

namespace tilmash::cli {
namespace {

// StoreError -> the io exceptions main.cc maps to exits 4 and 3.
template <typename F>
auto guarded(F&& f) {
  try {
    return f();
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreError::Kind::kBadInput) {
      throw io::InputError(e.path(), 0, 0, e.message());
    }
    throw io::IoError(e.path(), e.message());
  }
}

tm::Tokenizer make_tokenizer() {
  auto t = tm::Tokenizer::create();
  if (!t) throw std::runtime_error(t.error().message);
  return std::move(*t);
}

// Inflection-aware concordance keys: Snowball stems for en/ru, Kazakh keys (ь/ъ dropped)
// for kk, normalised words otherwise.
class SearchKeys {
 public:
  SearchKeys() : en_("en"), ru_("ru") {}
  std::string key(std::string_view lang, std::string_view word_key) const {
    const std::string_view p = core::primary_language(lang);
    if (p == "en") return en_.stem(word_key);
    if (p == "ru") return ru_.stem(word_key);
    if (p == "kk") return term::kazakh_key(word_key);
    return std::string(word_key);
  }
  std::string text(std::string_view lang, std::string_view text) const {
    std::string out;
    for (const term::Token& t : term::tokenize(text)) {
      if (!out.empty()) out += ' ';
      out += key(lang, t.key);
    }
    return out;
  }

 private:
  term::SnowballStemmer en_;
  term::SnowballStemmer ru_;
};

// The concordance phrase for `words` in language `lang`: stems; Kazakh words become
// prefixes of their lemma (лагерлерінде -> лагер*), since suffixes only follow the stem.
std::vector<store::ConcordanceTerm> phrase_query(const SearchKeys& keys, std::string_view lang,
                                                 std::string_view words) {
  std::vector<store::ConcordanceTerm> q;
  for (const term::Token& t : term::tokenize(words)) {
    std::string k = keys.key(lang, t.key);
    bool prefix = false;
    if (core::primary_language(lang) == "kk") {
      for (const std::string& lemma : term::kazakh_lemma_candidates(k)) {
        bool found = false;
        for (const term::KazakhForm& f : term::kazakh_forms(lemma)) found |= f.form == k;
        if (found) {
          k = lemma;
          break;
        }
      }
      prefix = true;
    }
    q.push_back({std::move(k), prefix});
  }
  return q;
}

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

// Provenance of a TMX unit: the file, unless `tilmash align` recorded the document, origin
// and bead confidence as props.
void tmx_provenance(const core::TranslationUnit& tu, store::Provenance& prov,
                    std::optional<double>& confidence, bool origin_given) {
  for (const core::Prop& p : tu.props) {
    if (p.type == "x-document" && !p.value.empty()) {
      prov.document = p.value;
    } else if (p.type == "x-origin" && !p.value.empty() && !origin_given) {
      prov.origin = p.value;
    } else if (p.type == "x-tilmash-confidence") {
      char* end = nullptr;
      const double c = std::strtod(p.value.c_str(), &end);
      if (end != p.value.c_str() && c >= 0 && c <= 1) confidence = c;
    }
  }
}

// Units read so far, on stderr: rewritten in place on a terminal, a line each time otherwise
// (--progress into a log). Checks the clock once every 1,024 units.
class ImportProgress {
 public:
  explicit ImportProgress(bool forced)
      : terminal_(is_terminal(2)), on_(forced || terminal_),
        started_(std::chrono::steady_clock::now()), last_(started_) {}
  void tick() {
    if (!on_ || (++units_ & 1023u) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < (terminal_ ? std::chrono::milliseconds(500) : std::chrono::seconds(5))) {
      return;
    }
    last_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    std::cerr << (terminal_ ? "\r" : "") << "tm import: " << units_ << " units read ("
              << static_cast<long long>(static_cast<double>(units_) / secs) << "/s)"
              << (terminal_ ? "" : "\n") << std::flush;
    shown_ = true;
  }
  void finish(const char* next_step) {
    if (!shown_) return;
    std::cerr << (terminal_ ? "\r" : "") << "tm import: " << units_ << " units read; "
              << next_step << "\n" << std::flush;
  }

 private:
  bool terminal_;
  bool on_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_;
  std::size_t units_ = 0;
  bool shown_ = false;
};

}  // namespace

Exit run_tm_import(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", po::value<std::string>()->required(), "the TM file (SQLite)")
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
  const std::string format = (*vm)["format"].as<std::string>();
  if (format != "tmx" && format != "tsv" && format != "json" && format != "xliff") {
    throw UsageError("--format must be tmx, xliff, json or tsv");
  }
  std::set<std::string> states = io::default_import_states();
  if (vm->count("states") != 0u) {
    try {
      states = io::parse_states((*vm)["states"].as<std::string>());
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--states: ") + e.what());
    }
  }
  std::map<std::string, std::size_t> xliff_skipped;  // reason -> units (written by the worker)
  std::vector<std::string> langs;
  if (format == "tsv") {
    if (vm->count("langs") == 0u) throw UsageError("--format tsv needs --langs en,kk[,ru]");
    std::string l = (*vm)["langs"].as<std::string>();
    for (std::size_t p = 0; p <= l.size();) {
      std::size_t c = std::min(l.find(',', p), l.size());
      auto tag = core::normalize_lang_tag(l.substr(p, c - p));
      if (!tag) throw UsageError("--langs: bad language '" + l.substr(p, c - p) + "'");
      langs.push_back(*tag);
      p = c + 1;
    }
  }
  const bool origin_given = vm->count("origin") != 0u;
  const std::string origin = origin_given       ? (*vm)["origin"].as<std::string>()
                             : format == "tmx" ? "tmx import"
                             : format == "xliff" ? "xliff import"
                                               : "tilmash align";
  // The import's own keyer, for units that come without keys: the pipeline below keys every
  // unit on its thread, so this tokenizer is built only if that ever changes.
  std::optional<tm::Tokenizer> tokenizer;
  const auto keys_of = [](const tm::Tokenizer& t, std::string_view text) {
    store::VariantKeys k;
    // At most one key per two bytes (a letter and a space), of about the text's bytes: one
    // allocation each, where growing by doubling would copy a 20 MB segment's keys again.
    k.words.reserve(text.size() / 2 + 1, text.size());
    t.for_each_word_key(text, [&k](std::string_view key) { k.words.push_back(key); });
    return k;
  };
  const store::Keyer keyer = [&tokenizer, &keys_of](std::string_view, std::string_view text) {
    if (!tokenizer) tokenizer.emplace(make_tokenizer());
    return keys_of(*tokenizer, text);
  };
  const std::vector<std::string> files = (*vm)["file"].as<std::vector<std::string>>();
  // Runs on the pipeline's worker thread, with its own tokenizer (ICU break iterators are not
  // shared between threads): reads every file and keys every variant.
  const auto produce = [&](const UnitPipeline::Emit& emit) {
    const tm::Tokenizer worker_tokenizer = make_tokenizer();
    const auto prepare = [&](core::TranslationUnit tu, store::Provenance prov,
                             std::optional<double> confidence) {
      PreparedUnit p{std::move(tu), std::move(prov), confidence, {}};
      for (const core::Variant& v : p.unit.variants) {
        p.keys.push_back(keys_of(worker_tokenizer, v.text));
      }
      emit(std::move(p));
    };
    for (const std::string& path : files) {
      if (format == "xliff" || (format == "tmx" && io::is_xliff_file(path))) {
        io::XliffSelection sel = io::select_for_import(
            io::read_xliff(path, {(*vm)["target-lang"].as<std::string>()}), states);
        for (const auto& [why, n] : sel.skipped) xliff_skipped[why] += n;
        for (core::TranslationUnit& tu : sel.units) {
          store::Provenance prov{path, origin_given || format == "xliff" ? origin : "xliff import"};
          std::optional<double> confidence;
          tmx_provenance(tu, prov, confidence, origin_given);
          prepare(std::move(tu), std::move(prov), confidence);
        }
        continue;
      }
      if (format == "tmx") {
        io::TmxReader reader(path);
        while (auto tu = reader.next()) {
          store::Provenance prov{path, origin};
          std::optional<double> confidence;
          tmx_provenance(*tu, prov, confidence, origin_given);
          prepare(std::move(*tu), std::move(prov), confidence);
        }
        continue;
      }
      const io::AlignmentFile file =
          format == "json" ? io::read_alignment_json(path) : io::read_alignment_tsv(path, langs);
      for (std::size_t i = 0; i < file.units.size(); ++i) {
        // Bead number (json) or line (tsv): stable names within the document.
        core::TranslationUnit tu = io::alignment_unit(
            file, i, std::string("tu").append(std::to_string(format == "json" ? i + 1 : file.lines[i])));
        prepare(std::move(tu), store::Provenance{path, origin}, file.units[i].confidence);
      }
    }
  };
  const auto started = std::chrono::steady_clock::now();
  const store::ImportStats stats = guarded([&] {
    const auto db = store::open_tm((*vm)["db"].as<std::string>(), store::OpenMode::kReadWrite);
    const auto imp = db->begin_import(keyer, io::tmx_now());
    UnitPipeline units(produce);
    ImportProgress progress((*vm)["progress"].as<bool>());
    while (PreparedUnit* u = units.next()) {
      imp->add(u->unit, u->provenance, u->confidence, &u->keys);
      progress.tick();
    }
    progress.finish("writing the index");
    return imp->commit();
  });
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "tm import: " << stats.units_read << " units read, " << stats.units_added
            << " added, " << stats.units_merged << " merged as duplicates, "
            << stats.units_skipped << " skipped (fewer than two variants) in " << secs << " s\n";
  for (const auto& [why, n] : xliff_skipped) {
    std::cerr << "tm import: XLIFF units not imported: " << n << " " << why << "\n";
  }
  return Exit::kOk;
}

namespace {

// store::FuzzyIndex as a tm::IndexSource. Frequencies come with the token ids
// (ids() looks both up at once), and known keys are remembered for the next queries of a
// --queries batch until another process commits to the TM (sync() at the start of each
// query's snapshot). Unknown keys are asked again each time. (Remembering posting lists as
// well was measured slower: SQLite's page cache already holds the frequent ones.)
class StoreIndex : public tm::IndexSource {
 public:
  StoreIndex(const store::TmBackend& db, const store::FuzzyIndex& index)
      : db_(db), index_(index) {}
  // Call inside each query's read snapshot.
  void sync() {
    const std::int64_t v = db_.data_version();
    if (v != version_) {
      known_.clear();
      freq_.clear();
      version_ = v;
    }
  }
  // Token ids of the query's keys (kUnknownToken for unknown ones).
  std::vector<std::uint32_t> ids(const std::vector<std::string>& keys) {
    std::vector<std::uint32_t> out;
    for (const std::string& k : keys) {
      auto it = known_.find(k);
      if (it == known_.end()) {
        const auto e = index_.entry(k);
        if (!e) {
          out.push_back(tm::kUnknownToken);
          continue;
        }
        it = known_.emplace(k, e->token).first;
        freq_[e->token] = e->frequency;
      }
      out.push_back(it->second);
    }
    return out;
  }
  std::uint64_t frequency(std::uint32_t t) const override {
    const auto it = freq_.find(t);
    return it != freq_.end() ? it->second : index_.frequency(t);
  }
  void postings_range(std::uint32_t t, std::size_t min_len, std::size_t max_len,
                      std::vector<core::Posting>& out) const override {
    index_.postings_range(t, min_len, max_len, out);
  }
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override { return index_.tokens(id); }

 private:
  const store::TmBackend& db_;
  const store::FuzzyIndex& index_;
  std::int64_t version_ = -1;
  std::unordered_map<std::string, std::uint32_t> known_;
  std::unordered_map<std::uint32_t, std::uint64_t> freq_;
};

constexpr const char* kLookupHelp =
    "Fuzzy matches of TEXT in the TM, best first. Score (integer %): word-level edit\n"
    "similarity over ICU word tokens, floor(100 (L - D) / L) with L the longer word count and\n"
    "D the word edit distance (case folded, all numbers alike), minus small penalties for\n"
    "differences only in numbers (2), case (1), punctuation (1 each, 3 at most) and inline\n"
    "tags (1 each, 3 at most). Candidates come from the persisted index with a count-filter\n"
    "bound that loses no match at or above --min.\n\n"
    "examples:\n"
    "  tilmash tm lookup --db tm.db --src en --tgt kk \"Open the file\"\n"
    "  tilmash tm lookup --db tm.db --min 80 --max 3 --json \"Save changes?\"\n"
    "  tilmash tm lookup --db tm.db --queries q.txt --json   (one query per line, JSON lines)";

}  // namespace

Exit run_tm_lookup(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", po::value<std::string>()->required(), "the TM file")
      ("src", po::value<std::string>()->default_value("en"), "language of TEXT")
      ("tgt", po::value<std::string>(), "target language (default: every other variant)")
      ("min", po::value<int>()->default_value(70), "lowest score shown, 1–100")
      ("max", po::value<int>()->default_value(10), "most matches shown (0 = all)")
      ("json", po::bool_switch(), "JSON: [{\"score\", \"tuid\", \"source\", \"target\", "
                                  "\"targets\", \"differs\"}]")
      ("queries", po::value<std::string>(), "file of queries, one per line (JSON lines out)")
      ("brute-force", po::bool_switch(), "score every segment (the reference; slow)")
      ("text", po::value<std::string>(), "the text to look up");
  po::positional_options_description positional;
  positional.add("text", 1);
  auto vm = parse_options(args, options, positional,
                          "tilmash tm lookup TEXT --db DB [--src en] [--tgt kk] [--min 70] "
                          "[--max 10] [--json]",
                          kLookupHelp);
  if (!vm) return Exit::kOk;
  const int min = (*vm)["min"].as<int>();
  const int max = (*vm)["max"].as<int>();
  if (min < 1 || min > 100) throw UsageError("--min must be 1–100");
  if (max < 0) throw UsageError("--max must be >= 0");
  const std::string src = lang_option(*vm, "src");
  const std::string tgt = vm->count("tgt") != 0u ? lang_option(*vm, "tgt") : "";
  std::vector<std::string> queries;
  const bool batch = vm->count("queries") != 0u;
  if (batch) {
    std::istringstream in(io::read_file((*vm)["queries"].as<std::string>()));
    for (std::string line; std::getline(in, line);) queries.push_back(line);
  } else if (vm->count("text") != 0u) {
    queries.push_back((*vm)["text"].as<std::string>());
  } else {
    throw UsageError("give TEXT or --queries FILE");
  }
  const bool json = (*vm)["json"].as<bool>() || batch;
  return guarded([&] {
    const auto db = store::open_tm((*vm)["db"].as<std::string>(), store::OpenMode::kReadOnly);
    const tm::Tokenizer tokenizer = make_tokenizer();
    const auto findex = db->fuzzy_index(src);
    StoreIndex index(*db, *findex);
    // Brute force: every segment of the language in memory, ids mapped back.
    std::vector<std::vector<std::uint32_t>> segs;
    std::vector<std::uint64_t> seg_ids;
    if ((*vm)["brute-force"].as<bool>()) {
      findex->for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> toks) {
        seg_ids.push_back(id);
        segs.push_back(std::move(toks));
      });
    }
    std::map<std::uint64_t, store::StoredUnit> units;  // per query
    const tm::FetchSegment fetch = [&](std::uint64_t id) -> std::optional<tm::TokenizedText> {
      std::optional<store::StoredUnit> u = db->unit_of_variant(static_cast<std::int64_t>(id));
      if (!u) return std::nullopt;
      const core::Variant* self = nullptr;
      bool has_tgt = tgt.empty();
      for (std::size_t k = 0; k < u->unit.variants.size(); ++k) {
        if (u->variant_ids[k] == static_cast<std::int64_t>(id)) self = &u->unit.variants[k];
        if (!tgt.empty() && io::lang_matches(tgt, u->unit.variants[k].lang)) has_tgt = true;
      }
      if (self == nullptr || !has_tgt) return std::nullopt;
      tm::TokenizedText t = tokenizer.analyze(self->text, self->inline_xml);
      units[id] = std::move(*u);
      return t;
    };
    std::ostream& os = std::cout;
    const auto started = std::chrono::steady_clock::now();
    for (const std::string& raw : queries) {
      const auto snapshot = db->read_snapshot();
      index.sync();
      units.clear();
      const tm::TokenizedText q = tokenizer.analyze(core::collapse_space(core::to_nfc(raw)));
      const std::vector<std::uint32_t> ids = index.ids(q.word_keys());
      std::vector<tm::Candidate> cands;
      if (segs.empty() && !(*vm)["brute-force"].as<bool>()) {
        cands = tm::search(index, ids, min);
      } else {
        cands = tm::brute_force(segs, ids, min);
        for (tm::Candidate& c : cands) c.id = seg_ids[c.id];
        std::stable_sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) {
          return a.base != b.base ? a.base > b.base : a.id < b.id;
        });
      }
      const std::vector<tm::FuzzyMatch> matches =
          tm::rank(q, cands, fetch, min, static_cast<std::size_t>(max));
      if (json) os << "[";
      for (std::size_t i = 0; i < matches.size(); ++i) {
        const tm::FuzzyMatch& m = matches[i];
        const store::StoredUnit& u = units.at(m.id);
        std::string target;
        std::string targets;
        for (std::size_t k = 0; k < u.unit.variants.size(); ++k) {
          const core::Variant& v = u.unit.variants[k];
          if (u.variant_ids[k] == static_cast<std::int64_t>(m.id)) continue;
          if (!tgt.empty() && !io::lang_matches(tgt, v.lang)) continue;
          if (target.empty()) target = v.text;
          targets += (targets.empty() ? "" : ", ") + io::json_string(v.lang) + ": "
                     + io::json_string(v.text);
        }
        std::string differs;
        for (const core::Span& s : m.score.differing) {
          differs += (differs.empty() ? "" : ", ")
                     + io::json_string(m.text.text.substr(s.begin, s.size()));
        }
        if (json) {
          os << (i ? ", " : "") << (batch ? "" : "\n  ") << "{\"score\": " << m.score.score
             << ", \"tuid\": " << io::json_string(u.unit.id)
             << ", \"source\": " << io::json_string(m.text.text)
             << ", \"target\": " << io::json_string(target) << ", \"targets\": {" << targets
             << "}, \"differs\": [" << differs << "]}";
        } else {
          os << m.score.score << "%\t" << u.unit.id << "\t" << m.text.text << "\t" << target
             << '\n';
        }
      }
      if (json) os << (batch || matches.empty() ? "]\n" : "\n]\n");
    }
    if (batch) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "tm lookup: " << queries.size() << " queries in " << secs << " s ("
                << static_cast<double>(queries.size()) / std::max(secs, 1e-9)
                << " queries/s)\n";
    }
    return Exit::kOk;
  });
}

Exit run_tm_concordance(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", po::value<std::string>()->required(), "the TM file")
      ("lang", po::value<std::string>(), "language of WORDS (default: any)")
      ("max", po::value<int>()->default_value(50), "most units shown")
      ("json", po::bool_switch(), "JSON: [{\"tuid\", \"lang\", \"text\", \"variants\"}]")
      ("words", po::value<std::string>()->required(), "word or phrase");
  po::positional_options_description positional;
  positional.add("words", 1);
  auto vm = parse_options(
      args, options, positional, "tilmash tm concordance WORDS --db DB [--lang en] [--json]",
      "Units holding WORDS as a phrase, in any inflected form: Snowball stems for English and\n"
      "Russian, Kazakh lemma prefixes (лагер* finds лагерлерінде). The index is built on the\n"
      "first search after an import (that call needs write access).\n\n"
      "examples:\n  tilmash tm concordance --db tm.db --lang ru \"файл\"\n"
      "  tilmash tm concordance --db tm.db \"open file\" --json");
  if (!vm) return Exit::kOk;
  const std::string lang = vm->count("lang") != 0u ? lang_option(*vm, "lang") : "";
  const std::string words = core::to_nfc((*vm)["words"].as<std::string>());
  const SearchKeys keys;
  return guarded([&] {
    const std::string path = (*vm)["db"].as<std::string>();
    {
      const auto probe = store::open_tm(path, store::OpenMode::kReadOnly);
      if (!probe->concordance_current()) {
        const auto rw = store::open_tm(path, store::OpenMode::kReadWrite);
        rw->update_concordance(
            [&](std::string_view l, std::string_view t) { return keys.text(l, t); });
      }
    }
    const auto db = store::open_tm(path, store::OpenMode::kReadOnly);
    std::vector<std::vector<store::ConcordanceTerm>> phrases;
    for (const char* l : {"en", "ru", "kk"}) {
      if (lang.empty() || core::primary_language(lang) == l) {
        auto p = phrase_query(keys, lang.empty() ? l : lang, words);
        if (!p.empty() && std::find(phrases.begin(), phrases.end(), p) == phrases.end()) {
          phrases.push_back(std::move(p));
        }
      }
    }
    if (phrases.empty()) throw UsageError("WORDS has no word");
    // Variants holding any of the phrases, lowest id first, at most --max.
    const auto limit = static_cast<std::size_t>((*vm)["max"].as<int>());
    std::set<std::int64_t> found;
    for (const auto& p : phrases) {
      for (const std::int64_t id : db->concordance(p, lang, limit)) found.insert(id);
    }
    std::vector<std::int64_t> hits(found.begin(), found.end());
    if (hits.size() > limit) hits.resize(limit);
    const bool json = (*vm)["json"].as<bool>();
    std::ostream& os = std::cout;
    if (json) os << "[";
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const std::optional<store::StoredUnit> u = db->unit_of_variant(hits[i]);
      if (!u) continue;
      std::size_t self = 0;
      for (std::size_t k = 0; k < u->variant_ids.size(); ++k) {
        if (u->variant_ids[k] == hits[i]) self = k;
      }
      const core::Variant& v = u->unit.variants[self];
      if (json) {
        os << (i ? "," : "") << "\n  {\"tuid\": " << io::json_string(u->unit.id)
           << ", \"lang\": " << io::json_string(v.lang) << ", \"text\": " << io::json_string(v.text)
           << ", \"variants\": {";
        for (std::size_t k = 0; k < u->unit.variants.size(); ++k) {
          os << (k ? ", " : "") << io::json_string(u->unit.variants[k].lang) << ": "
             << io::json_string(u->unit.variants[k].text);
        }
        os << "}}";
      } else {
        os << u->unit.id << '\t' << v.lang << '\t' << v.text;
        for (std::size_t k = 0; k < u->unit.variants.size(); ++k) {
          if (k != self) os << '\t' << u->unit.variants[k].lang << ": " << u->unit.variants[k].text;
        }
        os << '\n';
      }
    }
    if (json) os << (hits.empty() ? "]\n" : "\n]\n");
    return Exit::kOk;
  });
}

Exit run_tm_export(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", po::value<std::string>()->required(), "the TM file")
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
  io::TmxWriteOptions wopts;
  io::TmxHeader header;
  header.srclang = "en";
  if (vm->count("pair") != 0u) {
    const std::string pair = (*vm)["pair"].as<std::string>();
    const std::size_t dash = pair.find('-');
    auto a = core::normalize_lang_tag(pair.substr(0, dash));
    auto b = dash == std::string::npos ? a : core::normalize_lang_tag(pair.substr(dash + 1));
    if (dash == std::string::npos || !a || !b) throw UsageError("--pair must look like en-kk");
    wopts.langs = {*a, *b};
    wopts.require_all_langs = true;
    header.srclang = *a;
  }
  wopts.dedupe = false;
  return guarded([&] {
    const auto db = store::open_tm((*vm)["db"].as<std::string>(), store::OpenMode::kReadOnly);
    io::AtomicFile out((*vm)["output"].as<std::string>());
    io::TmxWriter writer(out.out(), header, wopts);
    const auto snapshot = db->read_snapshot();
    db->for_each_unit([&](const store::StoredUnit& u) {
      writer.write(u.unit);
      return true;
    });
    writer.finish();
    out.commit();
    std::cerr << "tm export: " << writer.stats().units_written << " units written, "
              << writer.stats().units_skipped + writer.stats().units_no_source
              << " left out\n";
    return Exit::kOk;
  });
}

}  // namespace tilmash::cli
