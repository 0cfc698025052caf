// The keys the TM stores and searches by, wired from tm and term for every TM task: fuzzy keys
// (tm::Tokenizer word keys) and inflection-aware concordance keys (Snowball stems for en/ru,
// Kazakh keys), and the concordance phrase of a query (store::ConcordanceTerm: each backend
// turns it into its own query language).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/tm_backend.h"
#include "term/snowball.h"
#include "tm/match_percent.h"

namespace tilmash::app {

// A tm::Tokenizer; std::runtime_error when ICU cannot give one (a broken installation).
tm::Tokenizer make_tokenizer();

// The fuzzy keys of `text` (tm::Tokenizer::for_each_word_key), packed.
store::VariantKeys fuzzy_keys(const tm::Tokenizer& tokenizer, std::string_view text);

// Inflection-aware concordance keys: Snowball stems for en/ru, Kazakh keys (ь/ъ dropped) for
// kk, normalised words otherwise.
class SearchKeys {
 public:
  SearchKeys();
  // The key of one word (a term::Token key) in `lang`.
  std::string key(std::string_view lang, std::string_view word_key) const;
  // The keys of every word of `text`, space separated (a store::SearchKeyer).
  std::string text(std::string_view lang, std::string_view text) const;

 private:
  term::SnowballStemmer en_;
  term::SnowballStemmer ru_;
};

// The concordance phrases of `words` in `lang`, any of which a hit holds: their keys in
// order. Kazakh words become prefixes of their lemma (лагерлерінде -> лагер*), since suffixes
// only follow the stem, and a lemma ending in қ/к/п is also searched with the voiced stem of
// its vowel-initial forms (құқықтарын -> құқық* or құқығ*): one phrase per combination, at
// most kMaxConcordancePhrases (later words then keep their first prefix only).
inline constexpr std::size_t kMaxConcordancePhrases = 16;
std::vector<std::vector<store::ConcordanceTerm>> concordance_phrases(const SearchKeys& keys,
                                                                     std::string_view lang,
                                                                     std::string_view words);

}  // namespace tilmash::app
