// Match percentage: word-level Levenshtein distance (Levenshtein 1966; Wagner & Fischer 1974)
// over UAX #29 word tokens, normalised to CAT-tool percentages as in OmegaT's FuzzyMatcher
// (100 (L - D) / L with L the longer token count) plus small penalties for differences that a
// translator fixes without retranslating (numbers, case, punctuation, tags). word_distance
// uses Ukkonen's diagonal band (Ukkonen 1985, "Algorithms for approximate string matching"):
// with a distance limit k only cells with |i - j| <= k can stay within the limit.
#include "tm/match_percent.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace tilmash::tm {

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

core::Result<Tokenizer> Tokenizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !bi) {
    return core::unexpected(core::Error{core::ErrorCode::kIcu,
                                        std::string("ICU word break rules: ") + u_errorName(status),
                                        0});
  }
  auto impl = std::make_unique<Impl>();
  impl->words = std::move(bi);
  return Tokenizer(std::move(impl));
}

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string fold(std::string_view word, const icu::UnicodeString& whole, int32_t start,
                 int32_t length) {
  if (is_ascii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = whole.tempSubString(start, length);
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x451)),   // ё -> е
                   icu::UnicodeString(static_cast<UChar32>(0x435)));
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_space_run(std::string_view s) {
  // ICU gives white space as its own WORD_NONE segment; any of these bytes starts a space.
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {  // U+00A0
      i += 2;
    } else if (s.substr(i, 2) == "\xE2\x80" && i + 2 < s.size()) {  // U+2000–U+200B, U+202F
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d > 0x8B && d != 0xAF) return false;
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

TokenizedText Tokenizer::analyze(std::string_view text, std::string_view inline_xml) const {
  TokenizedText out;
  out.text = std::string(text);
  out.tags = count_inline_tags(inline_xml);
  if (text.empty()) return out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::BreakIterator& bi = *impl_->words;
  bi.setText(u);
  std::size_t byte = 0;
  std::string piece;
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    const int32_t status = bi.getRuleStatus();
    piece.clear();
    u.tempSubString(start, end - start).toUTF8String(piece);
    const core::Span span{byte, byte + piece.size()};
    byte += piece.size();
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      out.tokens.push_back(Token{span, TokenKind::kNumber, "#"});
    } else if (status >= UBRK_WORD_LETTER) {
      out.tokens.push_back(Token{span, TokenKind::kWord, fold(piece, u, start, end - start)});
    } else if (!is_space_run(piece)) {
      // Punctuation: one token per code point ("..." is three), spaces inside dropped.
      std::size_t b = span.begin;
      for (int32_t i = start; i < end;) {
        const int32_t len = U16_LENGTH(u.char32At(i));
        std::string ch;
        u.tempSubString(i, len).toUTF8String(ch);
        if (!is_space_run(ch)) {
          out.tokens.push_back(Token{core::Span{b, b + ch.size()}, TokenKind::kPunct, ch});
        }
        b += ch.size();
        i += len;
      }
    }
  }
  return out;
}

namespace {

// Bytes of UTF-8 handed to ICU at a time by for_each_word_key (see next_cut).
constexpr std::size_t kPieceBytes = std::size_t{1} << 16;

// The first offset at or after `from` where `text` may be cut so that ICU's word rules break
// both pieces exactly as the whole: just after ASCII white space (space, tab, line feed) that
// is followed by a letter or digit (Word_Break ALetter or Numeric); text.size() if none. No
// rule of UAX #29 (nor of ICU's root word rules) joins such white space to what follows (only
// WB3 CR×LF, WB3d space×space and WB4 ×Extend/Format/ZWJ start from white space), and ICU
// starts every segment afresh from the boundary before it, so the pieces yield the same
// boundaries and rule statuses as the whole text. Thai, CJK (dictionary breaks) and marks are
// not ALetter, so a dictionary run or a base with its marks is never split.
std::size_t next_cut(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    i = text.find_first_of(" \t\n", i);
    if (i == std::string_view::npos || i + 1 >= text.size()) return text.size();
    auto j = static_cast<int32_t>(i + 1);
    UChar32 cp = 0;
    U8_NEXT(text.data(), j, static_cast<int32_t>(text.size()), cp);
    if (cp < 0) continue;
    const int32_t wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
    if (wb == U_WB_ALETTER || wb == U_WB_NUMERIC) return i + 1;
  }
  return text.size();
}

}  // namespace

void Tokenizer::for_each_word_key(std::string_view text,
                                  const std::function<void(std::string_view)>& key) const {
  icu::BreakIterator& bi = *impl_->words;
  icu::UnicodeString u;
  std::string out;  // the key being built
  UChar folded[128];
  // A long text goes to ICU piece by piece, so its UTF-16 copy stays small (a 20 MB segment
  // would need 40 MB of it at once); a text without cut points goes whole.
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end =
        text.size() - begin <= kPieceBytes ? text.size() : next_cut(text, begin + kPieceBytes);
    u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + begin, static_cast<int32_t>(end - begin)));
    begin = end;
    const UChar* units = u.getBuffer();
    bi.setText(u);
    int32_t start = bi.first();
    for (int32_t stop = bi.next(); stop != icu::BreakIterator::DONE; start = stop, stop = bi.next()) {
      const int32_t status = bi.getRuleStatus();
      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
        key("#");
        continue;
      }
      if (status < UBRK_WORD_LETTER) continue;  // spaces and punctuation
      const int32_t len = stop - start;
      bool ascii = true;
      for (int32_t i = start; i < stop && ascii; ++i) ascii = units[i] < 0x80;
      out.clear();
      if (ascii) {  // as fold(): ASCII letters lowered, nothing else changes
        out.resize(static_cast<std::size_t>(len));
        for (int32_t i = 0; i < len; ++i) {
          const auto c = static_cast<char>(units[start + i]);
          out[static_cast<std::size_t>(i)] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        key(out);
        continue;
      }
      // Full case folding (as UnicodeString::foldCase) into a stack buffer when it fits, then
      // ё -> е and UTF-8: the same key fold() gives.
      UErrorCode status2 = U_ZERO_ERROR;
      const int32_t n = u_strFoldCase(folded, 128, units + start, len, U_FOLD_CASE_DEFAULT, &status2);
      if (U_FAILURE(status2) || n > 128) {
        icu::UnicodeString w = u.tempSubString(start, len);
        w.foldCase();
        w.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x451)),
                         icu::UnicodeString(static_cast<UChar32>(0x435)));
        w.toUTF8String(out);
        key(out);
        continue;
      }
      for (int32_t i = 0; i < n; ++i) {
        if (folded[i] == 0x451) folded[i] = 0x435;
      }
      int32_t bytes = 0;
      status2 = U_ZERO_ERROR;
      u_strToUTF8(nullptr, 0, &bytes, folded, n, &status2);
      out.resize(static_cast<std::size_t>(bytes));
      status2 = U_ZERO_ERROR;
      u_strToUTF8(out.data(), bytes, &bytes, folded, n, &status2);
      key(out);
    }
  }
}

std::vector<std::string> Tokenizer::word_keys(std::string_view text) const {
  std::vector<std::string> keys;
  for_each_word_key(text, [&keys](std::string_view k) { keys.emplace_back(k); });
  return keys;
}

std::vector<std::string> TokenizedText::word_keys() const {
  std::vector<std::string> keys;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kPunct) keys.push_back(t.key);
  }
  return keys;
}

std::size_t count_inline_tags(std::string_view x) {
  std::size_t n = 0;
  for (std::size_t i = x.find('<'); i != std::string_view::npos; i = x.find('<', i + 1)) {
    const std::string_view rest = x.substr(i + 1);
    for (std::string_view name : {"bpt", "ept", "it", "ph", "hi", "sub", "ut"}) {
      if (rest.substr(0, name.size()) == name && rest.size() > name.size()
          && (rest[name.size()] == ' ' || rest[name.size()] == '>' || rest[name.size()] == '/')) {
        ++n;
        break;
      }
    }
  }
  return n;
}

int base_percent(std::size_t m, std::size_t n, std::size_t d) {
  const std::size_t l = std::max(m, n);
  if (l == 0) return 100;
  if (d >= l) return 0;
  return static_cast<int>(100 * (l - d) / l);
}

std::size_t word_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                          std::size_t limit) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter
  const std::size_t m = a.size();
  const std::size_t n = b.size();
  if (m - n > limit) return limit + 1;
  if (n == 0) return m;
  const std::size_t big = limit + 1;
  // Row i over a, columns j over b, only |i - j| <= limit; cells outside count as big.
  std::vector<std::size_t> prev(n + 1, big), cur(n + 1, big);
  for (std::size_t j = 0; j <= std::min(n, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= m; ++i) {
    const std::size_t lo = i > limit ? i - limit : 0;
    const std::size_t hi = std::min(n, i + limit);
    std::size_t row_min = big;
    if (lo > 0) cur[lo - 1] = big;
    for (std::size_t j = lo; j <= hi; ++j) {
      std::size_t v;
      if (j == 0) {
        v = i;
      } else {
        v = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        v = std::min(v, cur[j - 1] + 1);
        v = std::min(v, prev[j] + 1);
      }
      cur[j] = std::min(v, big);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < n) cur[hi + 1] = big;
    if (row_min > limit) return big;
    std::swap(prev, cur);
  }
  return std::min(prev[n], big);
}

MatchScore match_percent(const TokenizedText& query, const TokenizedText& candidate,
                         const MatchOptions& options) {
  // Word/number tokens of each side, and their keys interned to small integers.
  std::vector<const Token*> qw, cw;
  std::vector<std::string_view> qp, cp;
  for (const Token& t : query.tokens) {
    if (t.kind == TokenKind::kPunct) {
      qp.push_back(t.key);
    } else {
      qw.push_back(&t);
    }
  }
  for (const Token& t : candidate.tokens) {
    if (t.kind == TokenKind::kPunct) {
      cp.push_back(t.key);
    } else {
      cw.push_back(&t);
    }
  }
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto id_of = [&](std::string_view k) {
    return ids.emplace(k, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  std::vector<std::uint32_t> qa, ca;
  for (const Token* t : qw) qa.push_back(id_of(t->key));
  for (const Token* t : cw) ca.push_back(id_of(t->key));

  // Full DP with backtrace (segments are short); rows over the query, columns the candidate.
  const std::size_t m = qa.size();
  const std::size_t n = ca.size();
  std::vector<std::uint32_t> dp((m + 1) * (n + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return dp[i * (n + 1) + j]; };
  for (std::size_t i = 0; i <= m; ++i) at(i, 0) = static_cast<std::uint32_t>(i);
  for (std::size_t j = 0; j <= n; ++j) at(0, j) = static_cast<std::uint32_t>(j);
  for (std::size_t i = 1; i <= m; ++i) {
    for (std::size_t j = 1; j <= n; ++j) {
      at(i, j) = std::min({at(i - 1, j - 1) + (qa[i - 1] == ca[j - 1] ? 0u : 1u),
                           at(i - 1, j) + 1, at(i, j - 1) + 1});
    }
  }
  MatchScore r;
  r.distance = at(m, n);
  r.base = base_percent(m, n, r.distance);

  int penalty = 0;
  std::vector<bool> cand_exact(n, false);
  for (std::size_t i = m, j = n; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && qa[i - 1] == ca[j - 1] && at(i, j) == at(i - 1, j - 1)) {
      const Token& q = *qw[i - 1];
      const Token& c = *cw[j - 1];
      const std::string_view qs = std::string_view(query.text).substr(q.span.begin, q.span.size());
      const std::string_view cs =
          std::string_view(candidate.text).substr(c.span.begin, c.span.size());
      if (qs == cs) {
        cand_exact[j - 1] = true;
      } else {
        penalty += c.kind == TokenKind::kNumber ? options.number_penalty : options.case_penalty;
      }
      --i;
      --j;
    } else if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + 1) {
      --i;
      --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      --i;
    } else {
      --j;
    }
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (!cand_exact[j]) r.differing.push_back(cw[j]->span);
  }

  // Punctuation: plain Levenshtein over the punctuation characters.
  if (qp != cp) {
    std::vector<std::uint32_t> pa, pb;
    for (std::string_view p : qp) pa.push_back(id_of(p));
    for (std::string_view p : cp) pb.push_back(id_of(p));
    const std::size_t cap = static_cast<std::size_t>(std::max(options.punct_penalty_cap, 0));
    const std::size_t d = word_distance(pa, pb, cap);
    penalty += std::min(static_cast<int>(std::min(d, cap)) * options.punct_penalty,
                        options.punct_penalty_cap);
  }
  const std::size_t tag_diff =
      query.tags > candidate.tags ? query.tags - candidate.tags : candidate.tags - query.tags;
  penalty += std::min(static_cast<int>(std::min<std::size_t>(tag_diff, 1000)) * options.tag_penalty,
                      options.tag_penalty_cap);
  r.score = std::max(0, r.base - penalty);
  return r;
}

}  // namespace tilmash::tm
