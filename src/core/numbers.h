// The one number reader of tilmash: numbers, percentages and month names in a sentence, each
// reduced to a canonical value so that "about 200,000", «около 200 тысяч» and «200 мың» all
// read 200000, and "28 January", «28 января» and «қаңтардың 28-і» all read 28 and month 1.
// The aligner's number anchors (align/features.cc) and `check`'s number comparison
// (qa/number_check.cc) both read through it. Pure functions over UTF-8; no I/O.
//
// What it reads:
//  - digits in every language: grouping by ',' '.' (U+002C, U+002E), a space, U+00A0, U+2007,
//    U+2009, U+202F or an apostrophe (U+0027, U+2019) followed by exactly three digits; a
//    decimal point, and a decimal comma except in English. "1,500" = "1 500" = "1.500" = 1500;
//    "2,5" (not en) = "2.5" = 2.5; "28.01.2019" is three numbers (28, 1, 2019), as are "1,2,3"
//    and the English "[1,16]" (two). Digits of printf conversions ("%1$s", "%.2f") are skipped.
//  - in en, kk and ru only (see reads_number_words):
//    - times of day, one value each on the 24-hour clock: "15:30", "14:15:20" (':' or
//      U+2236), "2:35 pm" = "14:35", "11:46:30 a.m.", "4 pm" = "16:00"; not a ratio (2:1)
//      or minutes over 59;
//    - a scale word after a number, in any case form: thousand/million/billion/trillion (bn,
//      mln); тысяча/тыс./миллион/млн/миллиард/млрд/триллион/трлн; мың/миллион/млн/миллиард/млрд;
//      "2,5 млн" = 2500000;
//    - numbers written as words, in their case forms: zero…twenty, the tens, hundreds,
//      composed ("twenty-five", «двести пятьдесят», «екі жүз мың»), ordinals ("first",
//      «первой», «бірінші»), the Russian adjectives of zero (нулевой) and compounds on a
//      number (двухбайтовый "2-byte"), and a scale word in the singular alone («около
//      миллиона» = 1000000). These are `spelled`: a word such as "one",
//      «один» or «бір» is as often an article or a pronoun as a number. Plural and
//      approximate forms are not numbers: "thousands", «тысячи людей», «миллионы»,
//      «мыңдаған», «ондаған»;
//    - a percent sign or word after a number: %, per cent, percent, процент (any form), пайыз
//      (any form): the value gets a '%' ("5%");
//    - month names in every case form (January, Jan; января, январе; қаңтар, қаңтардың). The
//      ambiguous ones (May, March, Jan…, май/мая, қазан "Kazan, cauldron", маусым "season",
//      наурыз "the spring holiday") are `spelled` unless a number stands right next to them
//      ("May 5", «3 қазан»). English month names count only capitalised ("they may").
//  Other languages get digits only: no words, no months, no percent (a pair in which one side
//  is not en/kk/ru should be read with digits only on both sides; see reads_number_words).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::core {

struct NumberToken {
  // Canonical value: decimal digits without grouping and without leading zeros, '.' before
  // decimals without trailing zeros ("1500", "2.5", "0.25"); a '%' suffix for a percentage
  // ("5%"); "month:1" … "month:12" for a month name; "time:HH:MM" or "time:HH:MM:SS" for a
  // time of day (24-hour clock).
  std::string value;
  Span span;             // bytes of the digits, words, scale word and percent sign in the text
  bool spelled = false;  // read from words only, and the words may mean something else (see
                         // above): a number word, a scale word alone, an ambiguous month name
};

// True when the reader knows the number words of `lang` (a BCP 47 tag; its primary subtag
// counts): en, kk and ru.
bool reads_number_words(std::string_view lang);

// Numbers and month names of `text` (valid UTF-8) in language `lang`, in text order. An empty
// or unknown `lang` reads digits only.
std::vector<NumberToken> read_numbers(std::string_view text, std::string_view lang);

}  // namespace tilmash::core
