// Matching keys for terminology: text folded so that spelling noise does not stop a match
// (case, Unicode form, ё/е, Latin look-alikes inside Cyrillic words, hyphen/dash/apostrophe
// variants). Keys are for comparison only; never show them to users.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::term {

// A word of the input with its matching key.
struct Token {
  core::Span span;  // bytes of the word in the text given to tokenize()
  std::string key;  // normalized word (see normalize_word); never empty
};

// The matching key of one word (valid UTF-8): NFC, case folded (simple folding; İ and ı fold
// to i), ё -> е, Latin look-alikes (a c e i o p x y k m h …) -> Cyrillic in words that hold a
// Cyrillic letter, hyphens and dashes inside the word removed ("re-education" ->
// "reeducation"), apostrophe variants -> '\''. Returns "" for text without letters or digits.
std::string normalize_word(std::string_view word);

// The Kazakh key of a normalized word: also drops ь and ъ, so лагерь, лагер- and лагерьлері
// meet.
std::string kazakh_key(std::string_view key);

// Splits valid UTF-8 `text` into words: runs of letters, digits and combining marks, joined
// by one hyphen, dash or apostrophe between two word characters. Everything else separates.
// Spans point into `text`, which must outlive the tokens' use.
std::vector<Token> tokenize(std::string_view text);

// The normalized keys of `text` joined by single spaces ("Barkol Kazakh" -> "barkol kazakh").
std::string normalize_phrase(std::string_view text);

// Levenshtein distance between two UTF-8 strings in code points, or `limit` + 1 when it is
// larger than `limit` (the computation stops early).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The same over code point sequences (callers comparing one query with many terms decode once).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

// True for a function word of `lang` (primary subtag en, kk or ru): articles, prepositions,
// postpositions, conjunctions and particles ("the", "of", «по», «и», «және», «мен», «үшін»).
// `key` is a normalized word (normalize_word). Content words are the rest: they carry what a
// name says, and a descriptive rendering shares them (Matcher::lookup, qa/term_check).
bool is_function_word(std::string_view key, std::string_view lang);

// `key` with the letters of the Kazakh alphabet that a Russian keyboard lacks written as the
// Russian letters typed in their place (қ->к, ғ->г, ң->н, ө->о, ұ/ү->у, һ->х, і->и, ә->а):
// кұқықтары and құқықтары meet. For showing what stands in a text, never for accepting a term.
std::string keyboard_fold(std::string_view key);

}  // namespace tilmash::term
