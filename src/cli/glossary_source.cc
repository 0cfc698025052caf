#include "cli/glossary_source.h"

#include <algorithm>

#include "term/glossary.h"

namespace tilmash::cli {

std::optional<term::Matcher> optional_matcher(const po::variables_map& vm,
                                              std::span<const std::string> langs) {
  std::vector<std::string> paths;
  try {
    paths = glossary_paths(vm);
  } catch (const UsageError&) {  // only when nothing was named and nothing is shipped
    return std::nullopt;
  }
  term::Glossary glossary = load(paths);
  const bool covered = std::any_of(
      glossary.entries().begin(), glossary.entries().end(), [&](const core::TermEntry& e) {
        return std::any_of(langs.begin() + (langs.empty() ? 0 : 1), langs.end(),
                           [&](const std::string& l) { return e.terms.count(l) != 0u; });
      });
  if (!covered)
    return std::nullopt;
  auto matcher = term::Matcher::create(std::move(glossary));
  if (!matcher)
    throw UsageError("--glossary: " + matcher.error().message);
  return std::move(*matcher);
}

std::vector<std::vector<int>> sentence_terms(const term::Matcher& matcher,
                                             std::span<const core::Segment> doc,
                                             const std::string& lang) {
  std::vector<std::vector<int>> out(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    for (const term::Occurrence& t : matcher.find_in_text(doc[i].text, lang)) {
      out[i].push_back(static_cast<int>(t.entry));
    }
  }
  return out;
}

}  // namespace tilmash::cli
