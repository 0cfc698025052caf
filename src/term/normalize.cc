#include "term/normalize.h"

#include <algorithm>
#include <unordered_set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/kazakh_letters.h"
#include "core/text.h"
#include "core/utf8.h"

namespace tilmash::term {
namespace {

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 ||
         c == 0x0060 || c == 0x00B4 || c == 0xFF07;
}

bool is_word_char(char32_t c) {
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

// Latin letters that look like Cyrillic ones, after case folding.
char32_t cyrillic_lookalike(char32_t c) {
  switch (c) {
    case U'a': return U'а';
    case U'b': return U'в';  // from upper-case B
    case U'c': return U'с';
    case U'e': return U'е';
    case U'h': return U'һ';
    case U'i': return U'і';
    case U'k': return U'к';
    case U'm': return U'м';
    case U'o': return U'о';
    case U'p': return U'р';
    case U't': return U'т';
    case U'x': return U'х';
    case U'y': return U'у';
    default: return c;
  }
}

// True when the text needs no NFC pass: no combining marks and no code point from a block
// where composition happens beyond U+04FF (Cyrillic and Latin-1 precomposed letters are NFC).
bool trivially_nfc(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::next_code_point(text, pos);
    if (c >= 0x0300 && c < 0x0370) return false;
    if (c >= 0x0483 && c <= 0x0489) return false;
    if (c >= 0x0530) return false;
  }
  return true;
}

}  // namespace

std::string normalize_word(std::string_view word) {
  std::string nfc_storage;
  if (!trivially_nfc(word)) {
    nfc_storage = core::to_nfc(word);
    word = nfc_storage;
  }
  std::u32string cps;
  cps.reserve(word.size());
  std::size_t cyrillic = 0;
  std::size_t latin = 0;
  std::size_t pos = 0;
  while (pos < word.size()) {
    char32_t c = core::next_code_point(word, pos);
    if (core::is_hyphen(c)) continue;
    if (is_apostrophe(c)) {
      cps.push_back(U'\'');
      continue;
    }
    if (c == 0x0130 || c == 0x0131) {
      c = U'i';  // Turkic dotted capital I and dotless i
    } else {
      c = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    }
    if (c == U'ё') c = U'е';
    if (core::is_cyrillic(c)) ++cyrillic;
    if (c >= U'a' && c <= U'z') ++latin;
    cps.push_back(c);
  }
  // Drop apostrophes at the ends (quotes that touched the word).
  while (!cps.empty() && cps.back() == U'\'') cps.pop_back();
  std::size_t first = 0;
  while (first < cps.size() && cps[first] == U'\'') ++first;
  std::string out;
  out.reserve(word.size());
  // A Cyrillic word with a few Latin letters typed into it (бiр, Aлматы): map them back.
  // Latin words with a Cyrillic suffix (WhatsApp-та) stay Latin.
  const bool map_latin = cyrillic > latin;
  for (std::size_t i = first; i < cps.size(); ++i) {
    core::append_utf8(out, map_latin ? cyrillic_lookalike(cps[i]) : cps[i]);
  }
  return out;
}

std::string kazakh_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  std::size_t pos = 0;
  while (pos < key.size()) {
    const std::size_t start = pos;
    const char32_t c = core::next_code_point(key, pos);
    if (c == U'ь' || c == U'ъ') continue;
    out.append(key.substr(start, pos - start));
  }
  return out;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  std::size_t begin = std::string_view::npos;  // start of the current word
  std::size_t last_word_end = 0;                // end of its last word character
  auto flush = [&]() {
    if (begin == std::string_view::npos) return;
    std::string key = normalize_word(text.substr(begin, last_word_end - begin));
    if (!key.empty()) tokens.push_back({{begin, last_word_end}, std::move(key)});
    begin = std::string_view::npos;
  };
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = core::next_code_point(text, pos);
    if (is_word_char(c)) {
      if (begin == std::string_view::npos) begin = start;
      last_word_end = pos;
      continue;
    }
    if (begin != std::string_view::npos && last_word_end == start &&
        (core::is_hyphen(c) || is_apostrophe(c)) && pos < text.size()) {
      std::size_t peek = pos;
      const char32_t next = core::next_code_point(text, peek);
      if (is_word_char(next)) continue;  // a joiner inside the word
      // Possessive apostrophe at the end of an English word ("Uyghurs'") is dropped.
    }
    flush();
  }
  flush();
  return tokens;
}

std::string normalize_phrase(std::string_view text) {
  std::string out;
  for (const Token& t : tokenize(text)) {
    if (!out.empty()) out += ' ';
    out += t.key;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  std::u32string x;
  std::u32string y;
  core::decode_utf8(a, x);
  core::decode_utf8(b, y);
  return edit_distance(std::u32string_view(x), std::u32string_view(y), limit);
}

// Only the diagonal band |i - j| <= limit of the dynamic programme can hold a value <= limit,
// so only it is computed (E. Ukkonen, "Algorithms for approximate string matching",
// Information and Control 64, 1985); cells outside hold limit + 1.
std::size_t edit_distance(std::u32string_view x, std::u32string_view y, std::size_t limit) {
  if (x.size() > y.size()) std::swap(x, y);
  const std::size_t n = x.size();
  const std::size_t m = y.size();
  const std::size_t big = limit + 1;
  if (m - n > limit) return big;
  constexpr std::size_t kStack = 64;
  std::size_t stack_rows[2][kStack + 2];
  std::vector<std::size_t> heap;
  std::size_t* prev = stack_rows[0];
  std::size_t* cur = stack_rows[1];
  if (m + 2 > kStack + 2) {
    heap.assign(2 * (m + 2), big);
    prev = heap.data();
    cur = heap.data() + m + 2;
  }
  for (std::size_t j = 0; j <= m + 1; ++j) prev[j] = j <= limit && j <= m ? j : big;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > limit ? i - limit : 1;
    const std::size_t hi = std::min(m, i + limit);
    cur[lo - 1] = lo == 1 && i <= limit ? i : big;
    std::size_t row_min = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub, big});
      row_min = std::min(row_min, cur[j]);
    }
    if (hi + 1 <= m) cur[hi + 1] = big;
    if (row_min > limit) return big;
    std::swap(prev, cur);
  }
  return std::min(prev[m], big);
}

bool is_function_word(std::string_view key, std::string_view lang) {
  // Closed classes only; short lists on purpose (a content word taken for a function word
  // would hide what a name says).
  static const std::unordered_set<std::string_view> kEn{
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
      "as", "into", "against", "about", "its", "their", "his", "her", "this", "that", "these",
      "those", "is", "are", "was", "were", "be", "s"};
  static const std::unordered_set<std::string_view> kRu{
      "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "обо", "от", "до", "из", "за",
      "для", "при", "под", "над", "у", "и", "или", "а", "но", "же", "не", "ли", "что", "как",
      "его", "ее", "их", "этот", "эта", "это", "эти"};
  static const std::unordered_set<std::string_view> kKk{
      "және", "мен", "бен", "пен", "немесе", "да", "де", "та", "те", "үшін", "туралы", "жөніндегі",
      "бойынша", "арқылы", "қарсы", "сияқты", "бұл", "осы", "сол", "оның", "олардың", "ол"};
  const std::string l = std::string(lang.substr(0, lang.find_first_of("-_")));
  const auto& set = l == "ru" ? kRu : l == "kk" ? kKk : kEn;
  return set.count(key) > 0;
}

std::string keyboard_fold(std::string_view key) { return core::kazakh_to_russian_letters(key); }

}  // namespace tilmash::term
