// The fuzzy-match percentage of CAT tools: word-level edit similarity over ICU word tokens
// after normalisation, lowered a little for differences only in numbers, case, punctuation or
// inline tags. Pure algorithms over UTF-8 strings: no files, no SQLite, no clock.
//
// The formula (docs/CLI.md "tm lookup" repeats it):
//   W(x)  = the word and number tokens of x (ICU UAX #29 word breaks); a word's key is its
//           case-folded text, every number has the same key "#" (so 3 vs 4 is not an edit);
//   L     = max(|W(q)|, |W(c)|), D = Levenshtein distance between the key sequences
//           (insert, delete, substitute a whole word: cost 1 each);
//   base  = floor(100 * (L - D) / L)   (100 when both have no words);
//   score = max(0, base - P), where P adds number_penalty for each aligned number written
//           differently, case_penalty for each aligned word written differently (case,
//           diacritics, ё/е), punct_penalty per edit between the punctuation sequences (at most
//           punct_penalty_cap in all) and tag_penalty per inline tag more or fewer (at most
//           tag_penalty_cap). Penalties only lower the score, so base bounds it from above:
//           the index (ngram_index.h) filters on base and loses nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/types.h"

namespace tilmash::tm {

enum class TokenKind {
  kWord,    // letters (and marks, digits inside words: "mp3")
  kNumber,  // ICU number token: "3", "3.5", "1,000"
  kPunct,   // one non-space character that is neither
};

// One token of an analysed text.
struct Token {
  core::Span span;     // bytes of the token in TokenizedText::text
  TokenKind kind = TokenKind::kWord;
  std::string key;     // kWord: case-folded text; kNumber: "#"; kPunct: the character
};

// A text with its tokens (white space dropped), ready to be matched many times.
struct TokenizedText {
  std::string text;            // UTF-8 as given
  std::vector<Token> tokens;   // spans into `text`
  std::size_t tags = 0;        // inline elements of the segment (bpt, ept, it, ph, hi, sub, ut)

  // Keys of the word and number tokens, in order: the sequence the distance runs over.
  std::vector<std::string> word_keys() const;
};

// Splits text into tokens with ICU's word BreakIterator (root locale). Holds the iterator, so
// make one and reuse it; methods are const but not thread-safe (one caller at a time).
class Tokenizer {
 public:
  // Fails (kIcu) only when ICU cannot build its word rules.
  static core::Result<Tokenizer> create();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // Tokens of valid UTF-8 `text`; `inline_xml` (a TMX <seg>'s XML, may be empty) only counts
  // tags. Empty text gives no tokens.
  TokenizedText analyze(std::string_view text, std::string_view inline_xml = {}) const;

  // analyze(text).word_keys() without building tokens, spans or punctuation: what an import
  // indexes for every segment, so it folds straight from ICU's UTF-16. Each key is passed to
  // `key` in order (the view is valid during the call). Memory is O(1) in the text's length:
  // a long text is tokenized piece by piece, cut only where that cannot change a boundary.
  void for_each_word_key(std::string_view text,
                         const std::function<void(std::string_view)>& key) const;
  // The same keys as a vector.
  std::vector<std::string> word_keys(std::string_view text) const;

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct MatchOptions {
  int number_penalty = 2;      // per aligned number written differently ("3" vs "4")
  int case_penalty = 1;        // per aligned word differing only in case or accents
  int punct_penalty = 1;       // per edit between the punctuation sequences …
  int punct_penalty_cap = 3;   // … at most this much in all
  int tag_penalty = 1;         // per inline tag more or fewer …
  int tag_penalty_cap = 3;     // … at most this much in all
};

struct MatchScore {
  int score = 0;               // 0–100, as CAT tools show it
  int base = 0;                // floor(100 (L - D) / L), before penalties; score <= base
  std::size_t distance = 0;    // D: word edits
  std::vector<core::Span> differing;  // candidate tokens (words, numbers) not matched exactly
                                      // by the query, as byte spans into candidate.text
};

// The match of `candidate` against `query` (see the formula above). Total; both texts must
// come from Tokenizer::analyze. Spans in the result point into candidate.text.
MatchScore match_percent(const TokenizedText& query, const TokenizedText& candidate,
                         const MatchOptions& options = {});

// Levenshtein distance between two token-id sequences (unit costs), or limit + 1 when it is
// larger than `limit` (stops early: O(limit * min(|a|, |b|)) cells; Ukkonen's band).
std::size_t word_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                          std::size_t limit);

// floor(100 (L - d) / L) with L = max(m, n); 100 when m = n = 0.
int base_percent(std::size_t m, std::size_t n, std::size_t d);

// Inline elements (<bpt <ept <it <ph <hi <sub <ut) in a <seg>'s XML content.
std::size_t count_inline_tags(std::string_view inline_xml);

}  // namespace tilmash::tm
