// Numbers and dates carried over from a source sentence to its translation: digits (with the
// grouping and decimal marks of en, kk and ru) and month names, so that "28 January" ↔
// "28 қаңтар" ↔ "28 января" count as equal. Pure functions over UTF-8 text; no I/O. It must
// not judge wording: a number written in words on one side only is forgiven, not reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::qa {

// One number or month found in a text.
struct NumberToken {
  std::string value;  // canonical: "1500", "2.5" (no grouping, '.' decimal), or "month:1".."month:12"
  core::Span span;    // bytes in the text given to extract_numbers
};

// Numbers and month names of `text` (valid UTF-8) in language `lang` (primary subtag: "en",
// "kk", "ru"; other languages get digits only), in text order. English uses ',' for grouping
// and '.' for decimals; kk/ru use a space (also U+00A0, U+2009, U+202F) for grouping and ','
// or '.' for decimals. Month names count when inflected (қаңтарда, января); the ambiguous
// "may", "march" and қазан only next to a number. Empty when there is none.
std::vector<NumberToken> extract_numbers(std::string_view text, std::string_view lang);

// A number of one side that the other side lacks.
struct NumberDifference {
  NumberToken token;        // span into the text that has it
  bool in_source = true;    // true: the source has it and the target does not; false: reverse
};

// Multiset difference of the numbers of `source` and `target` (each in its language), source
// misses first, then target extras, each in text order. A number from 0 to 12 is forgiven when
// the other side writes a number word of that value ("two", "двух", "екі"). Empty when equal.
std::vector<NumberDifference> compare_numbers(std::string_view source, std::string_view source_lang,
                                              std::string_view target, std::string_view target_lang);

// The first full date in `text` ("January 28, 2019", "28 January 2019", "2019-01-28",
// "28 қаңтар 2019", "28 января 2019 года") as "YYYY-MM-DD", or "" when there is none.
std::string find_date(std::string_view text, std::string_view lang);

// "January" … for "month:1" …, else the value itself (for messages).
std::string display_number(std::string_view value);

}  // namespace tilmash::qa
