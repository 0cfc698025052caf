// The review page assembly, shared by check --html and align --format html: units checked
// with a matcher, glossary terms marked with their approved renderings, findings inline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "io/html_review.h"
#include "qa/term_check.h"

namespace tilmash::term { class Matcher; }
namespace tilmash::spell { class SpellChecker; }

namespace tilmash::app {

// The review page of `units` checked with `matcher`, title and subtitle left empty. Columns:
// `langs`, else every variant language in order of appearance with the source first; variants
// in no column are left out. Appends the findings to `findings`; `spelling` (may be null)
// adds check --spelling's.
io::ReviewPage review_page(const std::vector<core::TranslationUnit>& units,
                           std::vector<std::string> langs, const term::Matcher& matcher,
                           const qa::CheckOptions& options, std::vector<qa::Finding>& findings,
                           spell::SpellChecker* spelling = nullptr);

// The file names of `paths` ("a.tbx, b.tbx"), for page subtitles.
std::string file_names(const std::vector<std::string>& paths);

// A unit's alignment confidence: TranslationUnit::confidence (a bead's), else the TMX prop
// x-tilmash-confidence when it holds a number.
std::optional<double> confidence_of(const core::TranslationUnit& unit);

}  // namespace tilmash::app
