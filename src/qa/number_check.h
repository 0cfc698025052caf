// Numbers and dates carried over from a source sentence to its translation, compared on the
// values that core::read_numbers reads (core/numbers.h): "about 200,000" ↔ «около 200 тысяч» ↔
// «200 мың», "28 January" ↔ «28 января» ↔ «28 қаңтар». Pure functions over UTF-8 text; no
// I/O. It must not judge wording: a number written in words on one side only is forgiven, not
// reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/numbers.h"

namespace tilmash::qa {

using NumberToken = core::NumberToken;

// A number of one side that the other side lacks.
struct NumberDifference {
  NumberToken token;        // span into the text that has it
  bool in_source = true;    // true: the source has it and the target does not; false: reverse
};

// The numbers of `source` and `target`, each read in its language (language tags; when one of
// them is not en/kk/ru, both sides are read as digits only), matched as multisets of values:
// first number with number, then figures copied verbatim that the two languages read
// differently ("[0,31]": 0 and 31 in en, 0.31 in ru), then a number with the same value
// written in words on the other side ("two" ↔ "2", «около миллиона» ↔ "1 million"), last
// numbers that differ only by a percent sign ("5%" ↔ «5», "5% to 10%" ↔ «5–10%»), a whole
// hour against its hour on either clock ("2 pm" ↔ «в 14 часов», «в 2 часа дня») and a time
// against the decimal its dotted spelling reads as ("2:30 pm" ↔ «в 14.30»). Returns
// what is left among the numbers not `spelled`: source misses first, then target extras, each
// in text order. Empty when they agree.
std::vector<NumberDifference> compare_numbers(std::string_view source, std::string_view source_lang,
                                              std::string_view target, std::string_view target_lang);

// The first full date in `text` ("January 28, 2019", "28 January 2019", "2019-01-28",
// "28 қаңтар 2019", "28 января 2019 года") as "YYYY-MM-DD", or "" when there is none.
std::string find_date(std::string_view text, std::string_view lang);

// "January" … for "month:1" …, "14:35" for "time:14:35", else the value itself (for messages).
std::string display_number(std::string_view value);

}  // namespace tilmash::qa
