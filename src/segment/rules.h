// The exception rules of the segmenter as data: abbreviation classes, sentence starters and
// heading words, parsed from the line format documented in rules/common.rules. Parsing only:
// this module does not look at sentences or call ICU.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/result.h"

namespace tilmash::segment {

// What an abbreviation does to a candidate break right after it.
enum class AbbrevKind {
  kNever,    // never ends a sentence: drop the break
  kAbbrev,   // drop the break unless the next word is a starter
  kFinal,    // keep ICU's decision
  kNumeric,  // drop the break when the next word starts with a digit
  kUnit,     // as kYear, but before a number keep the break unless another abbreviation
             // follows that number ("3 млн. 200 тыс.", "10 мин. 30 сек.")
  kYear,     // as kAbbrev, but after a number that closes a clause of more than three words,
             // keep the break before a capitalised word ("…интервью с апреля 2022 г. по июнь
             // 2023 г. Две трети…", not "В 2021 г. Евросоюз…")
  kSymbol,   // a unit symbol written without a full stop: kFinal after a number ("30 км.
             // Ерлан …"), elsewhere the abbreviation of a word, kAbbrev ("(см. Приложение 2)")
};

// Hash that lets the sets below be searched with a std::string_view without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct RuleSet {
  std::unordered_map<std::string, AbbrevKind, StringHash, std::equal_to<>> abbreviations;
  std::unordered_set<std::string, StringHash, std::equal_to<>> starters;
  std::unordered_set<std::string, StringHash, std::equal_to<>> headings;
  // Words that, right after a number that opens a candidate sentence, show a date or a year
  // starting a new sentence ("2018 год", "25 января", "2019 жылы"), even after an `abbrev`.
  std::unordered_set<std::string, StringHash, std::equal_to<>> numstarts;
  // Verbs of saying that end an attribution after a quoted question or exclamation: "\"Why?\"
  // Dr. Kaliyev asked." (`speech`).
  std::unordered_set<std::string, StringHash, std::equal_to<>> speech;
  // Prepositions that govern a number after them ("в 2020 г."): with a subject and its verb
  // before one, the year closes a clause («Муж умер в 2020 г. Перед …»).
  std::unordered_set<std::string, StringHash, std::equal_to<>> prepositions;
  // Words that, alone with a full stop, label the sentence after them: "Note. The …",
  // «Примечание. Информация …».
  std::unordered_set<std::string, StringHash, std::equal_to<>> labels;
  // Capitalised words that continue a sentence after a `final` abbreviation ("10 a.m. Monday").
  std::unordered_set<std::string, StringHash, std::equal_to<>> continuers;
  // The same for one abbreviation only (a `continue` line that names abbreviations first:
  // "continue a.m. p.m. Monday …", "continue долл. США"), after `final`, `unit` and `year` ones.
  std::unordered_map<std::string, std::unordered_set<std::string, StringHash, std::equal_to<>>,
                     StringHash, std::equal_to<>>
      scoped_continuers;

  // Whether `word` continues the sentence after abbreviation `abbrev` (any `continue` word, or
  // one of abbrev's own).
  bool continues(std::string_view abbrev, std::string_view word) const;
};

// Parses `text` (UTF-8, rules-file syntax) and adds its rules to `rules`; a later line wins for
// the same abbreviation. On a malformed line (unknown keyword, an abbreviation without a final
// '.', a starter or heading with a '.', ill-formed UTF-8) returns kBadFormat with the byte
// offset of the offending token in `text`; `rules` may then hold part of the file.
core::Result<bool> parse_rules(std::string_view text, RuleSet& rules);

}  // namespace tilmash::segment
