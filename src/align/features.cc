// Feature extraction for the aligner. Anchors follow the observation of Simard, Foster & Isabelle
// (1992, "Using cognates to align sentences in bilingual corpora") that numbers, names and
// punctuation survive translation; cognates are compared after ICU transliteration to Latin
// (`Any-Latin; Latin-ASCII`) so that Sauytbay and Сауытбай meet.
#include "align/features.h"

#include <algorithm>
#include <cassert>
#include <memory>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/kazakh_letters.h"
#include "core/numbers.h"
#include "core/text.h"
#include "core/utf8.h"

namespace tilmash::align::detail {
namespace {

struct Token {
  std::string lower;
  bool capitalised = false;
  bool has_letter = false;
};

// Anchor key: a one-byte kind tag, then the text (avoids GCC 12's -Wrestrict false positive on
// `"x" + std::string`).
std::string tagged(char kind, std::string_view text) {
  std::string key;
  key.reserve(text.size() + 1);
  key.push_back(kind);
  key.append(text);
  return key;
}

int punct_class(char32_t c) {
  switch (c) {
    case U'?': case U'¿': return static_cast<int>(Punct::kQuestion);
    case U'!': case U'¡': return static_cast<int>(Punct::kExclaim);
    case U'(': case U'[': return static_cast<int>(Punct::kOpen);
    case U')': case U']': return static_cast<int>(Punct::kClose);
    case U'"': case U'«': case U'»': case U'„': case U'“': case U'”': case U'‹': case U'›':
      return static_cast<int>(Punct::kQuote);
    default: return -1;
  }
}

// What scan needs to know of a code point: whether it belongs in a word (a letter, digit or
// combining mark), whether it is an upper-case letter or a digit, and its lower case. ASCII is
// answered here (ICU gives the same answers; most text of Latin-script languages is ASCII), the
// rest by ICU.
struct CharInfo {
  bool word = false, upper = false, digit = false;
  char32_t lower = 0;
};
CharInfo char_info(char32_t c) {
  if (c < 0x80) {
    const bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z';
    return {digit || upper || (c >= 'a' && c <= 'z'), upper, digit, upper ? c + ('a' - 'A') : c};
  }
  const auto u = static_cast<UChar32>(c);
  if (!u_isalnum(u) && !(u_getIntPropertyValue(u, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK)) {
    return {false, false, false, c};
  }
  return {true, u_isupper(u) != 0, u_isdigit(u) != 0, static_cast<char32_t>(u_tolower(u))};
}

// Splits into tokens of letters/digits; everything else separates. Also counts punctuation.
void scan(std::string_view text, std::vector<Token>& tokens,
          std::array<std::uint8_t, kPunctCount>& punct) {
  tokens.clear();
  Token cur;
  bool in_token = false;
  auto flush = [&] {
    if (in_token) tokens.push_back(std::move(cur));
    cur = Token{};
    in_token = false;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::next_code_point(text, pos);
    const CharInfo info = char_info(c);
    if (info.word) {
      if (!in_token) {
        in_token = true;
        cur.capitalised = info.upper;
      }
      cur.has_letter = cur.has_letter || !info.digit;
      core::append_utf8(cur.lower, info.lower);
    } else {
      flush();
      int p = punct_class(c);
      if (p >= 0 && punct[static_cast<std::size_t>(p)] < 255) ++punct[static_cast<std::size_t>(p)];
    }
  }
  flush();
}

// URLs and e-mail-like chunks: whitespace-separated pieces with "://", "www." or '@'.
void add_urls(std::string_view text, Vocab& anchors, std::vector<int>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    std::string_view chunk = text.substr(i, j - i);
    if (chunk.find("://") != std::string_view::npos || chunk.starts_with("www.") ||
        (chunk.find('@') != std::string_view::npos && chunk.find('.') != std::string_view::npos)) {
      while (!chunk.empty() && (chunk.back() == '.' || chunk.back() == ',' ||
                                chunk.back() == ')' || chunk.back() == ';')) {
        chunk.remove_suffix(1);
      }
      out.push_back(anchors.id(tagged('u', chunk)));
    }
    i = j;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Number anchors: the values of core::read_numbers, so that "200,000", «200 тысяч» and
// «200 мың» give one anchor, as do "1,200", "1 200" and "1'200", and "January" and «января».
// Of the `spelled` readings, number words count unless their value is 1 ("one", «один» and
// «бір» are articles and pronouns as often as numbers); month names away from a number
// ("may", «маусым» "season") do not. Digits glued to a letter ("2fr", "1990s", "A4") belong
// to a word, which the word and cognate features already compare. A number counts once per
// run of digits written ("1 200" twice, "200 тысяч" once): a figure of several groups is
// rarer by chance than a single one. A number with decimals gives its runs of digits instead
// ("4.45" gives 4 and 45): a decimal mark also separates hours from minutes, and "4.45 Uhr"
// is «4 h 45» in French; with a scale word it is a value again ("2.5 million" = «2,5 млн»).
void add_numbers(std::string_view text, std::string_view lang, Vocab& anchors,
                 std::vector<int>& out) {
  auto letter_before = [&](std::size_t at) {
    if (at == 0) return false;
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t pos = start;
    return u_isalpha(static_cast<UChar32>(core::next_code_point(text, pos))) != 0;
  };
  auto letter_at = [&](std::size_t at) {
    if (at >= text.size()) return false;
    return u_isalpha(static_cast<UChar32>(core::next_code_point(text, at))) != 0;
  };
  for (const core::NumberToken& n : core::read_numbers(text, lang)) {
    if (n.spelled && (n.value == "1" || n.value.starts_with("month:"))) continue;
    if (!n.spelled && (letter_before(n.span.begin) || letter_at(n.span.end))) continue;
    if (n.value.starts_with("time:")) {
      // A time of day ("time:06:00" from "6 a.m.", "time:14:30" from "2:30 pm") gives its
      // 24-hour hour and its minutes and seconds other than 00, each as a number, as a decimal
      // does: «таңғы 6-да» and «в 14.30» write the same time as plain numbers.
      std::string_view part = std::string_view(n.value).substr(5);
      for (bool hour = true; !part.empty(); hour = false) {
        const std::size_t colon = part.find(':');
        std::string_view run = part.substr(0, colon);
        part = colon == std::string_view::npos ? std::string_view() : part.substr(colon + 1);
        while (run.size() > 1 && run.front() == '0') run.remove_prefix(1);
        if (hour || run != "0") out.push_back(anchors.id(tagged('#', run)));
      }
      continue;
    }
    const bool decimals = n.value.find('.') != std::string::npos;
    const int value_id = decimals ? -1 : anchors.id(tagged('#', n.value));
    int runs = 0;
    for (std::size_t i = n.span.begin; i < n.span.end; ++i) {
      if (!is_digit(text[i]) || (i > n.span.begin && is_digit(text[i - 1]))) continue;
      ++runs;
      if (!decimals) continue;
      std::size_t end = i;
      while (end < n.span.end && is_digit(text[end])) ++end;
      std::string_view run = text.substr(i, end - i);
      while (run.size() > 1 && run.front() == '0') run.remove_prefix(1);
      out.push_back(anchors.id(tagged('#', run)));
    }
    if (!decimals) {
      for (int k = 0; k < std::max(runs, 1); ++k) out.push_back(value_id);
    }
  }
}

SentFeat features_of(const core::Segment& seg, std::string_view lang, Vocab& words, Vocab& stems,
                     int prefix, Vocab& anchors, std::vector<Token>& scratch) {
  SentFeat f;
  f.paragraph = seg.paragraph;
  f.length = static_cast<int>(core::count_code_points(seg.text));
  f.aside = core::is_bracketed_sentence(seg.text);
  scan(seg.text, scratch, f.punct);
  for (std::size_t k = 0; k < scratch.size(); ++k) {
    const Token& t = scratch[k];
    if (!t.has_letter) continue;  // digits: add_numbers
    if (static_cast<int>(f.words.size()) < kMaxWords) {
      f.words.push_back(words.id(t.lower));
      f.stems.push_back(stems.id(truncate(t.lower, prefix)));
    }
    // Identical capitalised tokens (names, acronyms), not the sentence-initial word.
    if (k > 0 && t.capitalised && t.lower.size() >= 2) {
      f.anchors.push_back(anchors.id(tagged('C', t.lower)));
    }
  }
  add_numbers(seg.text, lang, anchors, f.anchors);
  add_urls(seg.text, anchors, f.anchors);
  std::sort(f.anchors.begin(), f.anchors.end());
  return f;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
}

// Latin-ASCII form of every word of a vocabulary ("" for words shorter than 4 code points).
std::vector<std::string> latin_forms(const Vocab& vocab, icu::Transliterator* translit) {
  std::vector<std::string> out(static_cast<std::size_t>(vocab.size()));
  for (int w = 0; w < vocab.size(); ++w) {
    const std::string& word = vocab.word(w);
    if (core::count_code_points(word) < 4) continue;
    std::string latin;
    if (is_ascii(word) || translit == nullptr) {
      latin = word;
    } else {
      // ICU's Cyrillic-Latin covers Russian letters only (it leaves ә ғ қ ң ө ұ ү һ і as they
      // are), so the Kazakh-specific letters of the lower-cased word go to their Russian ones.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(core::kazakh_to_russian_letters(word));
      translit->transliterate(u);
      u.toLower();
      u.toUTF8String(latin);
    }
    std::string clean;
    for (char c : latin) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) clean += c;
    }
    if (clean.size() >= 4) out[static_cast<std::size_t>(w)] = std::move(clean);
  }
  return out;
}

// Whether most words of a vocabulary are written in a script other than Latin (their first code
// point is beyond the Latin blocks, U+024F).
bool mostly_non_latin(const Vocab& vocab) {
  int non_latin = 0, letters = 0;
  for (int w = 0; w < vocab.size(); ++w) {
    const std::string& word = vocab.word(w);
    std::size_t pos = 0;
    const char32_t c = core::next_code_point(word, pos);
    if (c < 'A') continue;  // digits and symbols
    ++letters;
    non_latin += c > 0x24F;
  }
  return 2 * non_latin > letters;
}

// English writes Russian and Kazakh names in the BGN/PCGN romanisation (Zhanar, Shymkent,
// Abdrakhman, Abay, Tacheng); ICU's Cyrillic-Latin is ISO 9 (Жанар -> zanar, Шымкент ->
// symkent, Абай -> abaj, Тачэн -> tacen). Between a Latin and a Cyrillic document both Latin
// forms are folded to what the two schemes share: zh kh sh ch ts to one letter each (z h s c c,
// as ISO 9's ž h š č c lose their marks), y and j to i (й, ы, и), and a y that starts a word or
// follows a vowel before another vowel is dropped (ye ya yu against ISO 9's e â û). Without it most transliterated
// names were no cognates (Abay/Абай 0.75, Zhanar/Жанар 0.6).
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string fold_romanisation(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    const char next = k + 1 < s.size() ? s[k + 1] : '\0';
    if (next == 'h' && (c == 'z' || c == 'k' || c == 's' || c == 'c')) {
      out += c == 'k' ? 'h' : c;
      ++k;
    } else if (c == 't' && next == 's') {
      out += 'c';
      ++k;
    } else if (c == 'y' && is_vowel(next) && (k == 0 || is_vowel(s[k - 1]))) {
      // BGN/PCGN's ye ya yu for е я ю at the start of a word and after a vowel (Yerlan/Ерлан,
      // Tokayev/Тоқаев), which ISO 9 writes e â û: the y goes.
    } else if (c == 'y' || c == 'j') {
      out += 'i';
    } else {
      out += c;
    }
  }
  return out;
}

// How many sentences of one side's documents each word of its vocabulary occurs in.
std::vector<int> sentence_frequency(const std::vector<std::vector<SentFeat>>& side,
                                    int vocab_size) {
  std::vector<int> n(static_cast<std::size_t>(vocab_size), 0), last(n.size(), -1);
  int sentence = 0;
  for (const auto& doc : side) {
    for (const SentFeat& f : doc) {
      for (int w : f.words) {
        const auto k = static_cast<std::size_t>(w);
        if (last[k] != sentence) ++n[k];
        last[k] = sentence;
      }
      ++sentence;
    }
  }
  return n;
}

// cognates_of[source word] = target words alike after transliteration (bucketed by the first
// two letters, so the comparison stays near linear in the vocabulary) whose sentence
// frequencies (src_freq, tgt_freq) agree (frequencies_agree).
std::vector<std::vector<int>> cognate_table(const Vocab& src, const Vocab& tgt,
                                            const std::vector<int>& src_freq,
                                            const std::vector<int>& tgt_freq) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> translit(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) translit.reset();  // no ICU data: only same-script cognates
  std::vector<std::string> s = latin_forms(src, translit.get());
  std::vector<std::string> t = latin_forms(tgt, translit.get());
  if (translit != nullptr && mostly_non_latin(src) != mostly_non_latin(tgt)) {
    for (auto* forms : {&s, &t}) {
      for (std::string& f : *forms) f = fold_romanisation(f);
    }
  }
  std::unordered_map<std::string, std::vector<int>> buckets;
  for (std::size_t w = 0; w < t.size(); ++w) {
    if (!t[w].empty()) buckets[t[w].substr(0, 2)].push_back(static_cast<int>(w));
  }
  std::vector<std::vector<int>> out(s.size());
  for (std::size_t w = 0; w < s.size(); ++w) {
    if (s[w].empty()) continue;
    auto it = buckets.find(s[w].substr(0, 2));
    if (it == buckets.end()) continue;
    for (int v : it->second) {
      if (cognate_similarity(s[w], t[static_cast<std::size_t>(v)]) >= 0.8 &&
          frequencies_agree(src_freq[w], tgt_freq[static_cast<std::size_t>(v)])) {
        out[w].push_back(v);
      }
    }
  }
  return out;
}

std::vector<double> unigram(const std::vector<std::vector<SentFeat>>& docs, int vocab_size) {
  std::vector<double> p(static_cast<std::size_t>(vocab_size), 0.0);
  double total = 0;
  for (const auto& doc : docs) {
    for (const SentFeat& f : doc) {
      for (int w : f.stems) p[static_cast<std::size_t>(w)] += 1;
      total += static_cast<double>(f.stems.size());
    }
  }
  for (double& x : p) x = (x + 0.5) / (total + 0.5 * vocab_size);
  return p;
}

}  // namespace

int Vocab::id(std::string_view word) {
  if (auto it = ids_.find(word); it != ids_.end()) return it->second;
  ids_.emplace(std::string(word), size());
  words_.emplace_back(word);
  return size() - 1;
}

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<Token> tokens;
  std::array<std::uint8_t, kPunctCount> punct{};
  scan(text, tokens, punct);
  std::vector<std::string> out;
  for (Token& t : tokens) {
    if (t.has_letter) out.push_back(std::move(t.lower));
  }
  return out;
}

bool frequencies_agree(int a, int b) {
  return std::max(a, b) <= kCognateFrequencyRatio * std::min(a, b);
}

double cognate_similarity(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty() || b.size() > 2 * a.size()) return 0.0;
  b = b.substr(0, a.size());
  // Levenshtein distance, one row (on the stack for words of usual length: this runs for
  // millions of word pairs).
  std::array<int, 64> small;
  std::vector<int> large;
  int* row = small.data();
  if (b.size() + 1 > small.size()) {
    large.resize(b.size() + 1);
    row = large.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  double sim = 1.0 - static_cast<double>(row[b.size()]) / static_cast<double>(a.size());
  // Five shared initial letters mark a shared stem across inflection (intern-ment,
  // intern-irovannyh): counted as similar enough.
  if (a.size() >= 5 && a.substr(0, 5) == b.substr(0, 5)) sim = std::max(sim, 0.8);
  return sim;
}

std::string truncate(std::string_view word, int prefix) {
  if (prefix <= 0) return std::string(word);
  std::size_t pos = 0;
  for (int k = 0; k < prefix && pos < word.size(); ++k) core::next_code_point(word, pos);
  return std::string(word.substr(0, pos));
}

// Whether `rest` opens with an English copula and an article: "is a …", "was the …".
bool english_copula(std::string_view rest) {
  const std::size_t space = rest.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view verb = rest.substr(0, space), next = rest.substr(space + 1);
  return (verb == "is" || verb == "was" || verb == "are" || verb == "were") &&
         (next.starts_with("a ") || next.starts_with("an ") || next.starts_with("the "));
}

// Whether `text` glosses a name of the sentences before it (`before`): "Kulja is
// the centre of Ili.", «Құлжа – Іле облысының орталығы.», «Кульджа (кит. Инин) — город на …»
// right after a sentence that names Kulja. A translator adds such a sentence to explain a
// place or a term (a 0-1 bead), as they add a note in brackets; like a bracketed sentence it
// is an aside (SentFeat::aside). The name: at most four words before a spaced dash (a bracket
// may follow it) or before "is/was/are/were a/an/the", its first word capitalised and, cut to
// `prefix` letters (inflection: «Құлжаның»), a capitalised word of one of the two sentences
// before, not their first word.
bool glosses_name_before(std::string_view text, std::span<const core::Segment> before, int prefix,
                         std::vector<Token>& scratch) {
  constexpr int kMaxNameWords = 4;
  if (before.empty()) return false;
  // The name's end: a spaced dash, or an English copula and article.
  std::size_t name_end = std::string_view::npos;
  int words = 0, depth = 0;
  for (std::size_t at = 0; at < text.size() && words <= kMaxNameWords;) {
    const std::size_t space = text.find(' ', at);
    if (space == std::string_view::npos) break;
    const std::string_view word = text.substr(at, space - at);
    for (char c : word) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth == 0) ++words;
    const std::string_view rest = text.substr(space + 1);
    if (depth == 0 && words >= 1 &&
        (rest.starts_with("\u2013 ") || rest.starts_with("\u2014 ") || english_copula(rest))) {
      name_end = space;
      break;
    }
    at = space + 1;
  }
  if (name_end == std::string_view::npos) return false;
  std::array<std::uint8_t, kPunctCount> punct{};
  scan(text.substr(0, name_end), scratch, punct);
  if (scratch.empty() || !scratch.front().capitalised || !scratch.front().has_letter) return false;
  const std::string name = truncate(scratch.front().lower, prefix);
  for (const core::Segment& seg : before) {
    scan(seg.text, scratch, punct);
    for (std::size_t t = 1; t < scratch.size(); ++t) {
      if (scratch[t].capitalised && truncate(scratch[t].lower, prefix) == name) return true;
    }
  }
  return false;
}

// Whether a capital letter inside a sentence of language langs[k] marks a name: not in German
// or Luxembourgish, which capitalise every noun (nor when the language is not given).
bool names_capitalised(std::span<const std::string> langs, std::size_t k) {
  if (k >= langs.size()) return false;
  const std::string_view primary = std::string_view(langs[k]).substr(0, langs[k].find_first_of("-_"));
  return !primary.empty() && primary != "de" && primary != "lb" && primary != "gsw";
}

// Marks the sentences of a document that gloss a name just before them as asides.
void mark_glosses(std::span<const core::Segment> segs, std::vector<SentFeat>& side, int prefix,
                  std::vector<Token>& scratch) {
  constexpr std::size_t kLookBack = 2;  // sentences before a gloss that may hold its name
  for (std::size_t i = 0; i < segs.size() && i < side.size(); ++i) {
    const std::size_t back = std::min(i, kLookBack);
    if (!side[i].aside && glosses_name_before(segs[i].text, segs.subspan(i - back, back), prefix, scratch)) {
      side[i].aside = true;
      side[i].gloss = true;
    }
  }
}

Corpus extract(std::span<const DocPair> docs, bool cognates, int stem_prefix,
               std::span<const std::string> langs) {
  Corpus c;
  // Number words only when the reader knows both languages ("2 million" against
  // "2 Millionen" must stay 2 = 2).
  const bool words = langs.size() == 2 && core::reads_number_words(langs[0]) &&
                     core::reads_number_words(langs[1]);
  const std::string_view src_lang = words ? std::string_view(langs[0]) : "";
  const std::string_view tgt_lang = words ? std::string_view(langs[1]) : "";
  std::vector<Token> scratch;
  // Glossary entries are given by the caller; sorted here so beads can intersect them.
  auto add_terms = [](std::vector<SentFeat>& side, SentenceTerms terms) {
    assert(terms.empty() || terms.size() == side.size());
    for (std::size_t i = 0; i < terms.size() && i < side.size(); ++i) {
      side[i].terms = terms[i];
      std::sort(side[i].terms.begin(), side[i].terms.end());
    }
  };
  for (const DocPair& d : docs) {
    auto& s = c.src.emplace_back();
    s.reserve(d.src.size());
    for (const core::Segment& seg : d.src) {
      s.push_back(features_of(seg, src_lang, c.src_vocab, c.src_stems, stem_prefix, c.anchor_vocab,
                              scratch));
    }
    add_terms(s, d.src_terms);
    auto& t = c.tgt.emplace_back();
    t.reserve(d.tgt.size());
    for (const core::Segment& seg : d.tgt) {
      t.push_back(features_of(seg, tgt_lang, c.tgt_vocab, c.tgt_stems, stem_prefix, c.anchor_vocab,
                              scratch));
    }
    add_terms(t, d.tgt_terms);
    if (names_capitalised(langs, 0)) mark_glosses(d.src, s, stem_prefix, scratch);
    if (names_capitalised(langs, 1)) mark_glosses(d.tgt, t, stem_prefix, scratch);
  }
  c.src_unigram = unigram(c.src, c.src_stems.size());
  c.tgt_unigram = unigram(c.tgt, c.tgt_stems.size());
  if (cognates) {
    std::vector<std::vector<int>> table =
        cognate_table(c.src_vocab, c.tgt_vocab, sentence_frequency(c.src, c.src_vocab.size()),
                      sentence_frequency(c.tgt, c.tgt_vocab.size()));
    for (auto& doc : c.src) {
      for (SentFeat& f : doc) {
        for (int w : f.words) {
          const auto& list = table[static_cast<std::size_t>(w)];
          f.cognates.insert(f.cognates.end(), list.begin(), list.end());
        }
        std::sort(f.cognates.begin(), f.cognates.end());
        f.cognates.erase(std::unique(f.cognates.begin(), f.cognates.end()), f.cognates.end());
      }
    }
    // Target lists keep only words that are some source word's cognate: nothing else can
    // match, and shorter lists make the aligner's intersections cheaper.
    std::vector<char> is_cognate(static_cast<std::size_t>(c.tgt_vocab.size()), 0);
    for (const auto& list : table) {
      for (int v : list) is_cognate[static_cast<std::size_t>(v)] = 1;
    }
    for (auto& doc : c.tgt) {
      for (SentFeat& f : doc) {
        f.cognates.clear();
        for (int w : f.words) {
          if (is_cognate[static_cast<std::size_t>(w)] != 0) f.cognates.push_back(w);
        }
        std::sort(f.cognates.begin(), f.cognates.end());
        f.cognates.erase(std::unique(f.cognates.begin(), f.cognates.end()), f.cognates.end());
      }
    }
    // cognates_shared, per document pair: a source sentence counts its distinct words with a
    // cognate in the target document, a target sentence its words cognate with a word of the
    // source document.
    std::vector<char> in_tgt(static_cast<std::size_t>(c.tgt_vocab.size()), 0);
    std::vector<char> of_src(in_tgt.size(), 0);
    for (std::size_t d = 0; d < c.src.size(); ++d) {
      std::fill(in_tgt.begin(), in_tgt.end(), 0);
      std::fill(of_src.begin(), of_src.end(), 0);
      for (const SentFeat& f : c.tgt[d]) {
        for (int w : f.words) in_tgt[static_cast<std::size_t>(w)] = 1;
      }
      for (const SentFeat& f : c.src[d]) {
        for (int v : f.cognates) of_src[static_cast<std::size_t>(v)] = 1;
      }
      for (SentFeat& f : c.src[d]) {
        std::vector<int> seen;
        for (int w : f.words) {
          const auto& list = table[static_cast<std::size_t>(w)];
          if (std::any_of(list.begin(), list.end(),
                          [&](int v) { return in_tgt[static_cast<std::size_t>(v)] != 0; })) {
            seen.push_back(w);
          }
        }
        std::sort(seen.begin(), seen.end());
        f.cognates_shared = static_cast<int>(std::unique(seen.begin(), seen.end()) - seen.begin());
      }
      for (SentFeat& f : c.tgt[d]) {
        f.cognates_shared = static_cast<int>(std::count_if(
            f.cognates.begin(), f.cognates.end(),
            [&](int v) { return of_src[static_cast<std::size_t>(v)] != 0; }));
      }
    }
  }
  return c;
}

}  // namespace tilmash::align::detail
