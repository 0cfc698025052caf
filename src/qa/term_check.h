// Terminology and number checks over aligned units (a TMX unit or an aligned bead): for every
// glossary term of the source text, each target must use a preferred or admitted rendering.
// "Uses" is decided strictly: an approved rendering found by the matcher word for word, each
// word equal or an inflected form of the term's word (Kazakh paradigms, Snowball stems); no
// typo tolerance and no partial credit, which serve lookups, not QA.
// Pure algorithms over term::Matcher and the units' text; no I/O, no clock, no environment.
// It must not report what it cannot point at: every finding names its unit and language.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "term/matcher.h"

namespace tilmash::qa {

enum class FindingKind {
  kMissingTerm,     // no approved rendering of a source term in the target
  kDeprecatedTerm,  // a deprecated or forbidden rendering is used
  kDatedTerm,       // an approved rendering outside its valid dates for the text's date
  kNumberMismatch,  // a number or date not carried over (or added)
  kVariant,         // the source uses a non-preferred spelling of a term
  kOmittedSentence, // a source sentence without a rendering (a 1-0 bead; qa/omission_check.h)
  kAddedSentence,   // a target sentence without a source (a 0-1 bead; qa/omission_check.h)
  kPossiblyOmitted, // a source sentence of a merged bead that may have no rendering (ditto)
  kPossiblyAdded,   // a target sentence of a merged bead that may have no source (ditto)
  kTermForm,        // an approved rendering with a word derived another way (a notice)
  kSpelling,        // a target word not in the language's dictionary (spell/spelling.h)
};

// "missing-term", "deprecated-term", "dated-term", "number-mismatch", "variant",
// "omitted-sentence", "added-sentence", "possibly-omitted-sentence", "possibly-added-sentence",
// "term-form", "spelling".
std::string_view kind_name(FindingKind kind);

// How much a finding matters, most severe first. Only errors make `check` exit 1.
enum class Severity {
  kError,    // a deprecated or forbidden term, a key term missing, a number that differs
  kWarning,  // a likely problem: an unverified rendering missing, a name rendered another way
  kNotice,   // not about the translation's correctness: source spellings, reference entries
};

// "error", "warning", "notice".
std::string_view severity_name(Severity severity);

// The severity named `name` (as severity_name writes it), or nullopt.
std::optional<Severity> parse_severity(std::string_view name);

// What `check` does with a glossary entry, from its TBX projectSubset (core::TermEntry::subset;
// glossaries/README.md): "key term" (or none: a glossary that says nothing is enforced, as CAT
// QA tools do) must be rendered with an approved term; "name" (people, organisations, named
// campaigns) may be rendered descriptively, so a missing rendering is a warning; "reference"
// (words with many correct renderings) only informs, as a notice.
// A term's own projectSubset overrides its entry's when the source uses that term (an English
// synonym such as "internment center" that translators render literally).
enum class Enforcement { kKeyTerm, kName, kReference };
Enforcement enforcement_of(const core::TermEntry& entry, const core::Term* source_term = nullptr);

struct Finding {
  std::string unit;       // the unit's id (tuid)
  std::string lang;       // language of the text the finding is about (target; source for kVariant)
  FindingKind kind = FindingKind::kMissingTerm;
  Severity severity = Severity::kError;
  std::string entry;      // glossary entry id ("" for numbers)
  std::string term;       // the source term as written (or the number, for numbers)
  std::string expected;   // the preferred rendering (or the number expected; for kSpelling the
                          // dictionary's suggestions, best first, joined by ", "); may be empty
  std::string found;      // what stands there instead, as written; empty when nothing was found
  core::Span source_span; // bytes of `term` in the source text (empty when not in the source)
  core::Span span;        // bytes of `found` in the text of `lang` (empty when not found)
  std::string message;    // one line for people
};

struct CheckOptions {
  std::string source_lang = "en";  // primary subtag of the source variant
  std::string date;                // "YYYY-MM-DD" the text was written; "" = no date checks
  bool terms = true;               // missing/deprecated/dated/variant checks
  bool numbers = true;             // number-mismatch checks
  bool variant_once = true;        // report a source variant spelling only the first time
  Severity min_severity = Severity::kNotice;  // findings less severe than this are dropped
};

// A highlighted glossary term in one text of a unit, for review pages.
struct TermMark {
  std::string lang;
  core::Span span;       // bytes in that language's text
  std::size_t entry = 0; // index into the matcher's glossary entries
  std::string title;     // "oralman → kk: оралман; ru: оралман" (approved renderings)
};

class Checker {
 public:
  // A checker over `matcher`, which must outlive it.
  Checker(const term::Matcher& matcher, CheckOptions options);

  // Findings of one unit, in this order: source variants, then per target language (in the
  // unit's variant order) terms in source order, then numbers. Variants whose language has
  // the source language's primary subtag are the source; a unit without one gives nothing.
  // With options.variant_once, the checker remembers spellings already reported (so it is
  // stateful across calls: use one Checker per document).
  std::vector<Finding> check(const core::TranslationUnit& unit);

  // Glossary terms found in every variant of `unit`, with approved renderings in `title`.
  std::vector<TermMark> marks(const core::TranslationUnit& unit) const;

 private:
  const term::Matcher* matcher_;
  CheckOptions options_;
  std::vector<std::string> variants_seen_;
};

// The primary language subtag of `tag`, lower case ("kk-KZ" -> "kk").
std::string primary_lang(std::string_view tag);

}  // namespace tilmash::qa
