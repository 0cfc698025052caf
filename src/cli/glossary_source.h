// Glossary evidence for commands that read documents: a term::Matcher over the glossaries the
// command line names (add_glossary_option / glossary_paths in command.h), and which entries
// each sentence holds, as plain ids that modules without a term dependency (align) can take.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/types.h"
#include "term/matcher.h"

namespace tilmash::cli {

// A matcher over glossary_paths(vm): --glossary, else $TILMASH_GLOSSARY, else the shipped
// glossaries. nullopt when no glossary is given and none is shipped, or when the glossary has
// no term in any of `langs` after the first (nothing could match: no matcher is built).
// Throws IoError / InputError for a named file that cannot be read or is invalid.
std::optional<term::Matcher> optional_matcher(const po::variables_map& vm,
                                              std::span<const std::string> langs);

// For each sentence of `doc`, the indices into matcher.glossary().entries() of the terms of
// language `lang` found in it (term::Matcher::find_in_text, no typos), one per occurrence, in
// text order. Empty inner vectors where nothing matches; never fails.
std::vector<std::vector<int>> sentence_terms(const term::Matcher& matcher,
                                             std::span<const core::Segment> doc,
                                             const std::string& lang);

}  // namespace tilmash::cli
