// Term matching. Kazakh follows the generate-and-index approach of MORPHOLOGY.md §7a
// (paradigms generated per lemma, analysis by synthesis); Russian and English compare Snowball
// stems by prefix (§7b). Typos use Levenshtein distance (V. I. Levenshtein, "Binary codes
// capable of correcting deletions, insertions and reversals", 1966).
#include "term/matcher.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/lang.h"
#include "core/utf8.h"
#include "term/match_index.h"
#include "term/normalize.h"
#include "term/snowball.h"
#include "term/stem_kk.h"

namespace tilmash::term {

std::string_view kind_name(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kInflected: return "inflected";
    case MatchKind::kStem: return "stem";
    case MatchKind::kContains: return "contains";
    case MatchKind::kTypo: return "typo";
    case MatchKind::kPartial: return "partial";
    case MatchKind::kDescriptive: return "descriptive";
  }
  return "exact";
}

namespace {

using Lang = IndexLang;

// First `n` code points of `s` (all of it when shorter).
std::string_view prefix_cp(std::string_view s, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos < s.size(); ++i) core::next_code_point(s, pos);
  return s.substr(0, pos);
}

// Buckets a word of text can share with a term word: its 4-code-point prefix, and its 2- and
// 3-code-point prefixes (for short term words, bucketed whole).
std::vector<std::string> probe_buckets(std::string_view key) {
  std::vector<std::string> out;
  for (std::size_t n = 2; n <= 4; ++n) {
    std::string_view p = prefix_cp(key, n);
    if (out.empty() || out.back() != p) out.emplace_back(p);
    if (p.size() == key.size()) break;
  }
  return out;
}

int kind_rank(MatchKind k) { return static_cast<int>(k); }

// A Russian noun in -ец, -ок or -ек loses that vowel when an ending follows (переселенец ->
// переселенцами, кусок -> куска): the term word without it, or "" when it has no such ending
// or would keep fewer than 4 code points.
std::string without_fleeting_vowel(std::string_view w) {
  for (std::string_view end : {"ец", "ок", "ек"}) {
    if (w.ends_with(end) && core::count_code_points(w) >= 6) {
      std::string out(w.substr(0, w.size() - end.size()));
      out.append(end.substr(end.size() / 2));  // the consonant (both letters take 2 bytes)
      return out;
    }
  }
  return "";
}

struct QueryToken {
  core::Span span;
  std::string key;     // normalize_word
  std::string kk_key;  // kazakh_key(key)
};

std::vector<QueryToken> query_tokens(std::string_view text) {
  std::vector<QueryToken> out;
  for (Token& t : tokenize(text)) {
    std::string kk = kazakh_key(t.key);
    if (kk.empty()) continue;
    out.push_back({t.span, std::move(t.key), std::move(kk)});
  }
  return out;
}

}  // namespace

struct Matcher::Impl {
  using IndexedTerm = MatchIndex::TermRecord;
  struct TokenMatch {
    MatchKind kind;
    std::string analysis;
  };
  // Hash and equality that accept std::string_view without building a std::string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Cache = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  Glossary glossary;  // empty for a matcher created from an index alone
  MatchIndex index;
  std::unique_ptr<SnowballStemmer> ru;
  std::unique_ptr<SnowballStemmer> en;

  mutable std::mutex mu;
  mutable Cache<std::string> ru_stems;
  mutable Cache<std::string> en_stems;
  mutable Cache<std::unordered_map<std::string, std::string>> kk_paradigms;

  Lang kind(const IndexedTerm& t) const { return static_cast<Lang>(t.kind); }
  const std::string& lang(const IndexedTerm& t) const { return index.langs()[t.lang]; }
  std::string_view key(const IndexedTerm& t, std::size_t p) const { return index.key(t, p); }

  const std::string& stem(Lang lang, std::string_view key) const {
    auto& cache = lang == Lang::kRussian ? ru_stems : en_stems;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    const SnowballStemmer& s = lang == Lang::kRussian ? *ru : *en;
    // Index keys may come from a cache file: only valid UTF-8 reaches Snowball. An invalid key
    // gets a stem no valid word has (a lone 0xFF byte), so it matches nothing.
    if (core::find_invalid_utf8(key)) return cache.emplace(std::string(key), "\xFF").first->second;
    return cache.emplace(std::string(key), s.stem(key)).first->second;
  }

  // Generated forms of the Kazakh term word `word` and of its izafet heads: form -> label.
  const std::unordered_map<std::string, std::string>& paradigm(std::string_view word) const {
    auto it = kk_paradigms.find(word);
    if (it != kk_paradigms.end()) return it->second;
    std::unordered_map<std::string, std::string> forms;
    if (core::find_invalid_utf8(word)) {  // as in stem(): only valid UTF-8 reaches ICU
      return kk_paradigms.emplace(std::string(word), std::move(forms)).first->second;
    }
    for (KazakhForm& f : kazakh_forms(word)) forms.emplace(std::move(f.form), std::move(f.label));
    for (const std::string& head : kazakh_izafet_heads(word)) {
      for (KazakhForm& f : kazakh_forms(head)) forms.emplace(std::move(f.form), std::move(f.label));
    }
    return kk_paradigms.emplace(std::string(word), std::move(forms)).first->second;
  }

  // How query word `q` matches word `p` of term `t`; `last` when p is the term's last word (the
  // only one a Kazakh phrase inflects).
  std::optional<TokenMatch> match_word(const IndexedTerm& t, std::size_t p, const QueryToken& q,
                                       bool typos, bool inflects = false) const {
    const std::string_view w = key(t, p);
    const bool last = inflects || p + 1 == t.key_count;
    switch (kind(t)) {
      case Lang::kKazakh: {
        if (q.kk_key == w) return TokenMatch{MatchKind::kExact, ""};
        if (last) {
          const auto& forms = paradigm(w);
          auto f = forms.find(q.kk_key);
          if (f != forms.end()) return TokenMatch{MatchKind::kInflected, f->second};
        } else if (q.kk_key == kazakh_adjective_alternate(w)) {
          // A modifier with the other adjective suffix of the same stem (автономиялы for
          // автономиялық): the same word derived another way, like Russian derived adjectives.
          return TokenMatch{MatchKind::kStem, std::string(kDerivedAdjective)};
        }
        break;
      }
      case Lang::kRussian:
      case Lang::kEnglish: {
        if (q.key == w) return TokenMatch{MatchKind::kExact, ""};
        const std::string& a = stem(kind(t), q.key);
        const std::string& b = stem(kind(t), w);
        // A term word is in its citation form, itself a stem of its inflected forms: Snowball
        // over-stems some citation forms (казах -> каз, as if it were a plural locative) but
        // not their inflections (казахами -> казах).
        if (a == b || a == w) return TokenMatch{MatchKind::kInflected, "stem"};
        if (kind(t) == Lang::kRussian && a == without_fleeting_vowel(w)) {
          return TokenMatch{MatchKind::kInflected, "stem, fleeting vowel"};
        }
        if (stems_compatible(a, b)) return TokenMatch{MatchKind::kStem, "stem prefix"};
        break;
      }
      case Lang::kOther:
        if (q.key == w) return TokenMatch{MatchKind::kExact, ""};
        break;
    }
    if (typos && t.key_count == 1) {
      const std::string& k = kind(t) == Lang::kKazakh ? q.kk_key : q.key;
      const std::size_t n = core::count_code_points(w);
      const std::size_t limit = n <= 6 ? 1 : 2;
      if (n >= 4 && edit_distance(k, w, limit) <= limit) return TokenMatch{MatchKind::kTypo, "typo"};
    }
    return std::nullopt;
  }

  // True when query word `q` and word `w` of a term in language `kind` are forms of one word:
  // Kazakh, both in the paradigm of a shared prefix of at least 3 code points (қырғыздарын and
  // қырғыздарды: қырғыз; Қытай and Қытайдағы); Russian and English, compatible Snowball stems.
  bool same_word(Lang kind, const QueryToken& q, std::string_view w) const {
    switch (kind) {
      case Lang::kKazakh: {
        if (q.kk_key == w) return true;
        std::size_t n = 0;
        while (n < q.kk_key.size() && n < w.size() && q.kk_key[n] == w[n]) ++n;
        while (n > 0 && n < w.size() && (static_cast<unsigned char>(w[n]) & 0xC0) == 0x80) --n;
        for (std::size_t cp = core::count_code_points(w.substr(0, n)); cp >= 3; --cp) {
          const std::string_view lemma = prefix_cp(w, cp);
          const auto& forms = paradigm(lemma);
          if ((q.kk_key == lemma || forms.count(q.kk_key) != 0) &&
              (w == lemma || forms.count(std::string(w)) != 0)) {
            return true;
          }
        }
        return false;
      }
      case Lang::kRussian:
      case Lang::kEnglish: {
        if (q.key == w) return true;
        const std::string& a = stem(kind, q.key);
        const std::string& b = stem(kind, w);
        return a == b || a == w || stems_compatible(a, b);
      }
      case Lang::kOther: return q.key == w;
    }
    return false;
  }

  // True when query word `q` is a form of a content word of term `t`.
  bool same_word_any(const IndexedTerm& t, const QueryToken& q) const {
    for (std::size_t p = 0; p < t.key_count; ++p) {
      const std::string_view w = key(t, p);
      if (!is_function_word(w, lang(t)) && same_word(kind(t), q, w)) return true;
    }
    return false;
  }

  // Content words of term `t` that the query words [begin, end) hold, each query word used
  // once; and how many content words the term and the query run have.
  struct Overlap {
    std::size_t shared = 0, term_words = 0, query_words = 0;
  };
  Overlap overlap(const IndexedTerm& t, const std::vector<QueryToken>& q, std::size_t begin,
                  std::size_t end) const {
    Overlap o;
    const std::string& l = lang(t);
    std::vector<bool> used(end - begin, false);
    for (std::size_t i = begin; i < end; ++i) o.query_words += !is_function_word(q[i].key, l);
    for (std::size_t p = 0; p < t.key_count; ++p) {
      const std::string_view w = key(t, p);
      if (is_function_word(w, l)) continue;
      ++o.term_words;
      for (std::size_t i = begin; i < end; ++i) {
        if (used[i - begin] || is_function_word(q[i].key, l) || !same_word(kind(t), q[i], w)) {
          continue;
        }
        used[i - begin] = true;
        ++o.shared;
        break;
      }
    }
    return o;
  }

  // A descriptive rendering needs two shared content words, and half of each side's.
  static bool descriptive(const Overlap& o) {
    return o.term_words >= 2 && o.shared >= 2 && 2 * o.shared >= o.term_words &&
           2 * o.shared >= o.query_words;
  }

  // Matches term `t` from its word `p` against query words [i, i + n); the worst word match.
  // A Kazakh phrase inflects on its last word only; when the query ends inside the term (a
  // partial lookup such as Баркөлде for Баркөл Қазақ автономиялық ауданы), the query's last
  // word may inflect too.
  std::optional<TokenMatch> match_run(const IndexedTerm& t, std::size_t p,
                                      const std::vector<QueryToken>& q, std::size_t i,
                                      std::size_t n, bool typos) const {
    if (p + n > t.key_count || i + n > q.size()) return std::nullopt;
    TokenMatch worst{MatchKind::kExact, ""};
    for (std::size_t k = 0; k < n; ++k) {
      auto m = match_word(t, p + k, q[i + k], typos && n == 1, i + k + 1 == q.size());
      if (!m) return std::nullopt;
      if (kind_rank(m->kind) > kind_rank(worst.kind)) worst = *m;
      if (worst.analysis.empty()) worst.analysis = m->analysis;
    }
    return worst;
  }

  // Candidate (term, word position) pairs sharing a bucket with query word `q`.
  template <typename F>
  void for_candidates(const QueryToken& q, F&& f) const {
    std::vector<std::string> probes = probe_buckets(q.key);
    if (q.kk_key != q.key) {
      for (std::string& b : probe_buckets(q.kk_key)) probes.push_back(std::move(b));
    }
    std::sort(probes.begin(), probes.end());
    probes.erase(std::unique(probes.begin(), probes.end()), probes.end());
    for (const std::string& b : probes) {
      for (const MatchIndex::Posting& p : index.bucket(b)) {
        if (const IndexedTerm* t = index.term_at(p)) f(*t, p.pos);
      }
    }
  }

  std::vector<Occurrence> find(const std::vector<QueryToken>& q, std::string_view lang,
                               bool typos) const {
    std::vector<Occurrence> out;
    for (std::size_t i = 0; i < q.size(); ++i) {
      for_candidates(q[i], [&](const IndexedTerm& t, std::uint32_t pos) {
        if (pos != 0) return;
        if (!lang.empty() &&
            core::primary_language(this->lang(t)) != core::primary_language(lang)) {
          return;
        }
        auto m = match_run(t, 0, q, i, t.key_count, typos);
        if (!m) return;
        out.push_back({{q[i].span.begin, q[i + t.key_count - 1].span.end},
                       t.entry, this->lang(t), t.term, m->kind, m->analysis});
      });
    }
    std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
      if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
      if (a.span.end != b.span.end) return a.span.end > b.span.end;
      if (a.entry != b.entry) return a.entry < b.entry;
      if (a.kind != b.kind) return kind_rank(a.kind) < kind_rank(b.kind);
      return a.term < b.term;
    });
    std::vector<Occurrence> kept;
    for (Occurrence& o : out) {
      const bool inside = std::any_of(kept.begin(), kept.end(), [&](const Occurrence& k) {
        return k.entry == o.entry && k.span.begin <= o.span.begin && o.span.end <= k.span.end;
      });
      if (!inside) kept.push_back(std::move(o));
    }
    return kept;
  }
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

core::Result<Matcher> Matcher::create(Glossary glossary) {
  auto impl = std::make_unique<Impl>();
  impl->index = MatchIndex::build(glossary);
  impl->glossary = std::move(glossary);
  impl->ru = std::make_unique<SnowballStemmer>("ru");
  impl->en = std::make_unique<SnowballStemmer>("en");
  return Matcher(std::move(impl));
}

core::Result<Matcher> Matcher::create(MatchIndex index) {
  auto impl = std::make_unique<Impl>();
  impl->index = std::move(index);
  impl->ru = std::make_unique<SnowballStemmer>("ru");
  impl->en = std::make_unique<SnowballStemmer>("en");
  return Matcher(std::move(impl));
}

const Glossary& Matcher::glossary() const { return impl_->glossary; }

const MatchIndex& Matcher::index() const { return impl_->index; }

std::vector<LookupHit> Matcher::lookup(std::string_view text, const LookupOptions& options) const {
  const Impl& m = *impl_;
  std::lock_guard lock(m.mu);
  const std::vector<QueryToken> q = query_tokens(text);
  if (q.empty()) return {};
  auto lang_ok = [&](const Impl::IndexedTerm& t) {
    return options.lang.empty() ||
           core::primary_language(m.lang(t)) == core::primary_language(options.lang);
  };
  std::unordered_map<std::size_t, LookupHit> best;  // entry -> best hit
  std::unordered_map<std::size_t, int> best_status;
  auto offer = [&](const Impl::IndexedTerm& t, MatchKind kind, double score, std::string analysis) {
    score -= 0.01 * t.status;
    auto it = best.find(t.entry);
    if (it != best.end() && it->second.score >= score) return;
    best[t.entry] = {t.entry, m.lang(t), t.term, kind, score, std::move(analysis)};
    best_status[t.entry] = t.status;
  };
  auto kind_score = [](MatchKind k) {
    return k == MatchKind::kExact ? 1.0 : k == MatchKind::kInflected ? 0.95 : 0.9;
  };

  // The query as a whole term, or as part of a longer term.
  m.for_candidates(q[0], [&](const Impl::IndexedTerm& t, std::uint32_t pos) {
    if (!lang_ok(t)) return;
    auto r = m.match_run(t, pos, q, 0, q.size(), false);
    if (!r) return;
    if (pos == 0 && q.size() == t.key_count) {
      offer(t, r->kind, kind_score(r->kind), r->analysis);
    } else {
      const double coverage = static_cast<double>(q.size()) / static_cast<double>(t.key_count);
      // Every query word is explained by the term (exactly or by inflection): stronger
      // evidence than a two-edit typo (0.7) when it covers half the term or more.
      offer(t, MatchKind::kPartial, 0.6 + 0.25 * coverage, r->analysis);
    }
  });
  // Terms inside a longer query.
  if (q.size() > 1) {
    for (const Occurrence& o : m.find(q, options.lang, false)) {
      std::size_t words = 0;
      for (const QueryToken& t : q) words += o.span.begin <= t.span.begin && t.span.end <= o.span.end;
      if (words == q.size()) continue;  // the whole query: handled above
      const double coverage = static_cast<double>(words) / static_cast<double>(q.size());
      for (const Impl::IndexedTerm& t : m.index.terms()) {
        if (t.entry == o.entry && t.term == o.term && m.index.valid(t) && m.lang(t) == o.lang) {
          offer(t, MatchKind::kContains, 0.6 + 0.25 * coverage, o.analysis);
          break;
        }
      }
    }
  }
  // A descriptive rendering: the query shares most content words with a multi-word term, in
  // any order and form. Below every exact or inflected hit (at most 0.8).
  if (options.descriptive && q.size() > 1) {
    for (const Impl::IndexedTerm& t : m.index.terms()) {
      if (t.key_count < 2 || !m.index.valid(t) || !lang_ok(t)) continue;
      const Impl::Overlap o = m.overlap(t, q, 0, q.size());
      if (!Impl::descriptive(o)) continue;
      const double cover = (static_cast<double>(o.shared) / static_cast<double>(o.term_words) +
                            static_cast<double>(o.shared) / static_cast<double>(o.query_words)) /
                           2;
      offer(t, MatchKind::kDescriptive, 0.5 + 0.3 * cover,
            std::to_string(o.shared) + " of " + std::to_string(o.term_words) + " content words");
    }
  }
  // Typos, when nothing matched well: the whole query against each whole term.
  const bool good = std::any_of(best.begin(), best.end(),
                                [](const auto& b) { return b.second.score >= 0.85; });
  if (options.typos && !good) {
    std::string phrase;
    std::string kk_phrase;
    for (const QueryToken& t : q) {
      phrase += (phrase.empty() ? "" : " ") + t.key;
      kk_phrase += (kk_phrase.empty() ? "" : " ") + t.kk_key;
    }
    std::u32string cps;
    std::u32string kk_cps;
    std::u32string term_cps;
    core::decode_utf8(phrase, cps);
    core::decode_utf8(kk_phrase, kk_cps);
    const std::size_t n = cps.size();
    const std::size_t limit = n <= 6 ? 1 : 2;
    for (const Impl::IndexedTerm& t : m.index.terms()) {
      if (t.phrase_cps < 4 || t.phrase_cps + limit < n || n + limit < t.phrase_cps) continue;
      if (!m.index.valid(t) || !lang_ok(t)) continue;
      core::decode_utf8(m.index.phrase(t), term_cps);
      const std::u32string_view p = m.kind(t) == Lang::kKazakh ? kk_cps : cps;
      const std::size_t d = edit_distance(p, std::u32string_view(term_cps), limit);
      if (d == 0 || d > limit) continue;
      offer(t, MatchKind::kTypo, 0.8 - 0.1 * static_cast<double>(d - 1), "edit distance " +
                                                                           std::to_string(d));
    }
    // An inflected misspelling or spelling variant of a one-word Kazakh term (қайырылмандар
    // for кайрылман): split the word into a stem and an ending the term's paradigm has, and
    // compare the stem with the term. Lookups only: check never tolerates typos.
    if (q.size() == 1) {
      const std::u32string_view word(kk_cps);
      for (const Impl::IndexedTerm& t : m.index.terms()) {
        if (t.key_count != 1 || m.kind(t) != Lang::kKazakh || !m.index.valid(t) || !lang_ok(t)) {
          continue;
        }
        const std::string_view w = m.key(t, 0);
        core::decode_utf8(w, term_cps);
        const std::size_t tn = term_cps.size();
        const std::size_t lim = tn <= 6 ? 1 : 2;
        if (tn < 4 || word.size() + lim <= tn) continue;
        for (std::size_t cut = tn > lim ? tn - lim : 1; cut <= tn + lim && cut < word.size(); ++cut) {
          const std::size_t d = edit_distance(word.substr(0, cut), std::u32string_view(term_cps), lim);
          if (d == 0 || d > lim) continue;
          // Only now the paradigm: generating one for every term would cost seconds.
          const auto& forms = m.paradigm(w);
          std::string form(w);
          std::string ending;
          for (char32_t c : word.substr(cut)) core::append_utf8(ending, c);
          if (forms.count(form + ending) == 0) continue;
          offer(t, MatchKind::kTypo, 0.75 - 0.1 * static_cast<double>(d - 1),
                "edit distance " + std::to_string(d) + " + " + forms.at(form + ending));
          break;
        }
      }
    }
  }

  std::vector<LookupHit> hits;
  hits.reserve(best.size());
  for (auto& [e, h] : best) hits.push_back(std::move(h));
  std::sort(hits.begin(), hits.end(), [&](const LookupHit& a, const LookupHit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (best_status[a.entry] != best_status[b.entry]) {
      return best_status[a.entry] < best_status[b.entry];
    }
    return a.entry < b.entry;
  });
  if (hits.size() > options.max_hits) hits.resize(options.max_hits);
  return hits;
}

std::vector<Occurrence> Matcher::find_in_text(std::string_view sentence, std::string_view lang,
                                              const FindOptions& options) const {
  const Impl& m = *impl_;
  std::lock_guard lock(m.mu);
  return m.find(query_tokens(sentence), lang, options.typos);
}

std::optional<DescriptiveMatch> Matcher::find_descriptive(std::string_view sentence,
                                                          std::string_view lang,
                                                          std::size_t entry) const {
  const Impl& m = *impl_;
  std::lock_guard lock(m.mu);
  const std::vector<QueryToken> q = query_tokens(sentence);
  std::optional<DescriptiveMatch> best;
  for (const Impl::IndexedTerm& t : m.index.terms()) {
    if (t.entry != entry || t.key_count < 2 || t.status > 1 || !m.index.valid(t) ||
        core::primary_language(m.lang(t)) != core::primary_language(lang)) {
      continue;
    }
    const std::size_t width = 2 * t.key_count;
    for (std::size_t i = 0; i < q.size(); ++i) {
      if (is_function_word(q[i].key, m.lang(t))) continue;
      for (std::size_t j = i + 1; j <= q.size() && j - i <= width; ++j) {
        if (is_function_word(q[j - 1].key, m.lang(t))) continue;
        Impl::Overlap o = m.overlap(t, q, i, j);
        o.query_words = o.shared;  // the run's other words are the sentence's, not the name's
        if (!Impl::descriptive(o) || !m.same_word_any(t, q[i]) || !m.same_word_any(t, q[j - 1])) {
          continue;
        }
        const bool better = !best || o.shared > best->shared ||
                            (o.shared == best->shared &&
                             q[j - 1].span.end - q[i].span.begin < best->span.size());
        if (better) {
          best = DescriptiveMatch{{q[i].span.begin, q[j - 1].span.end}, t.term, o.shared,
                                  o.term_words};
        }
      }
    }
  }
  return best;
}

}  // namespace tilmash::term
