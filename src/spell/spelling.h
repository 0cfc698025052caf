// Spelling check of the target texts of aligned units (`check --spelling`). The algorithm side:
// it takes strings and a Speller (a dictionary behind an interface) and returns findings of
// kind `spelling`, severity warning, with the word, its place and up to three suggestions.
// No files, no environment: the Hunspell dictionaries are opened at the edge (spell/hunspell.h).
//
// Which words are checked. The target is cut into words by the glossary's tokeniser
// (term::tokenize: runs of letters, digits and marks joined by a hyphen or an apostrophe, the
// same words the term matcher sees). Not checked, because a general dictionary cannot know
// them or they are not words:
//  - numbers and words with a digit (1990-жылы, COVID-19), URLs and e-mail addresses;
//  - words without a letter of the language's script (Latin names in Kazakh or Russian text);
//  - acronyms: every letter upper case (ҚХР, ООН), also with a case ending (БҰҰ-ның);
//  - abbreviations (г., т. е., ж., т.б.; SpellingOptions::abbreviations) and initials;
//  - glossary terms in any form and status (term::Matcher::find_in_text on the target: approved,
//    admitted, deprecated; a deprecated term is term_check's business, not a spelling error);
//  - names from the source: a capitalised target word that sounds like a capitalised source
//    word (both reduced to a Latin skeleton, the Cyrillic side through core::Transliterator's
//    Kazakh Latin; inflected endings allowed), e.g. Сайрагүл Сауытбайдың ~ Sayragul Sauytbay.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/translit.h"
#include "core/types.h"
#include "qa/term_check.h"
#include "term/matcher.h"

namespace tilmash::spell {

// A spelling dictionary of one language. Words are UTF-8; a word may hold a hyphen.
class Speller {
 public:
  virtual ~Speller() = default;
  // True when `word` is spelled correctly (in any of its inflected forms the dictionary knows).
  virtual bool correct(std::string_view word) = 0;
  // Corrections of `word`, best first (may be empty).
  virtual std::vector<std::string> suggest(std::string_view word) = 0;
};

// One misspelled word of a text.
struct Misspelling {
  core::Span span;                       // bytes of the word in the text
  std::string word;                      // the word as written
  std::vector<std::string> suggestions;  // at most SpellingOptions::max_suggestions
};

struct SpellingOptions {
  std::size_t max_suggestions = 3;
  // Per primary language, abbreviations as written with their dots ("г.", "т.е.", "д-р.";
  // the CLI passes the segmenter's lists, src/segment/rules): not checked where they stand,
  // spaces after inner dots allowed ("т. е."), the final dot optional after a hyphenated one
  // ("д-р", "г-н"). A single letter before a dot (an initial, "Б. Т.") is never checked.
  std::map<std::string, std::vector<std::string>> abbreviations;
};

// Why a word of a text is not given to the dictionary, or kCheck.
enum class Skip {
  kCheck, kNumber, kUrl, kOtherScript, kAcronym, kAbbreviation, kGlossaryTerm, kSourceName
};

class SpellChecker {
 public:
  // A checker over `matcher` (glossary terms; must outlive the checker) with one speller per
  // primary language subtag ("kk", "ru"; the spellers must outlive the checker too). Fails only
  // when the transliterator cannot be built (kIcu).
  static core::Result<SpellChecker> create(const term::Matcher& matcher,
                                           std::map<std::string, Speller*> spellers,
                                           SpellingOptions options = {});

  // The languages with a speller.
  std::vector<std::string> languages() const;

  // Misspellings in `text` of language `lang` (a primary subtag with a speller; none
  // otherwise), in text order. `source` (may be empty) gives the names that are not checked.
  std::vector<Misspelling> check_text(std::string_view text, std::string_view lang,
                                      std::string_view source = {});

  // Why the word at `span` of `text` is skipped (kCheck: it goes to the dictionary).
  // `source` as for check_text.
  Skip skip(std::string_view text, core::Span span, std::string_view lang,
            std::string_view source = {}) const;

  // Findings (kind spelling, severity warning) for every target variant of `unit` whose
  // language has a speller; the source is the variant of language `source_lang`.
  std::vector<qa::Finding> check(const core::TranslationUnit& unit, std::string_view source_lang);

 private:
  SpellChecker(const term::Matcher& matcher, std::map<std::string, Speller*> spellers,
               SpellingOptions options, core::Transliterator translit);
  bool correct(Speller& speller, const std::string& lang, std::string_view word);

  const term::Matcher* matcher_;
  std::map<std::string, Speller*> spellers_;
  SpellingOptions options_;
  core::Transliterator translit_;
  std::map<std::string, bool> known_;  // "lang\tword" -> the speller's answer (a cache)
  std::map<std::string, std::vector<std::string>> suggested_;  // "lang\tword" -> suggestions
};

// The Latin skeleton of a name for comparing spellings across scripts: Cyrillic through
// `translit`, then lower case ASCII with diacritics dropped and spellings of one sound merged
// (zh/j/чж -> j, y -> i, kh/h -> h, w -> v …). "Сауытбай" and "Sauytbay" give "sauitbai".
std::string name_skeleton(std::string_view word, const core::Transliterator& translit);

// How well the tested default rule holds for a language: spelling is on by default (`--spelling`
// without a list) only for languages whose dictionary gave at most 1 false flag per 100 units on
// the measured sets (docs/CLI.md, scripts/eval_spelling.sh).
bool on_by_default(std::string_view lang);

}  // namespace tilmash::spell
