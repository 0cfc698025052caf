#include "segment/rules.h"

#include <vector>

#include "core/utf8.h"

namespace tilmash::segment {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

core::Unexpected bad(std::string message, std::size_t offset) {
  return core::unexpected({core::ErrorCode::kBadFormat, std::move(message), offset});
}

}  // namespace

core::Result<bool> parse_rules(std::string_view text, RuleSet& rules) {
  if (auto bad_at = core::find_invalid_utf8(text)) {
    return bad("rules are not valid UTF-8", *bad_at);
  }
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos)
      line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    // Split the line into tokens, remembering each token's offset in `text`.
    std::string_view keyword;
    std::size_t keyword_offset = 0;
    std::size_t count = 0;
    std::vector<std::string_view> scope;  // a `continue` line's abbreviations
    bool scope_closed = false;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_blank(line[i]))
        ++i;
      if (i == line.size())
        break;
      std::size_t start = i;
      while (i < line.size() && !is_blank(line[i]))
        ++i;
      std::string_view token = line.substr(start, i - start);
      std::size_t offset = line_start + start;
      if (count++ == 0) {
        keyword = token;
        keyword_offset = offset;
        if (keyword != "never" && keyword != "abbrev" && keyword != "final" && keyword != "numeric"
            && keyword != "unit" && keyword != "year" && keyword != "symbol" && keyword != "starter" && keyword != "heading"
            && keyword != "numstart" && keyword != "continue" && keyword != "label"
            && keyword != "speech" && keyword != "preposition") {
          return bad("unknown rule keyword '" + std::string(keyword)
                         + "' (expected never, abbrev, final, numeric, unit, year, symbol, starter, "
                           "heading, numstart, continue, label, speech or preposition)",
                     offset);
        }
        continue;
      }
      bool is_abbrev = keyword == "never" || keyword == "abbrev" || keyword == "final"
                       || keyword == "numeric" || keyword == "unit" || keyword == "year"
                       || keyword == "symbol";
      if (is_abbrev) {
        if (token.size() < 2 || token.back() != '.') {
          return bad("abbreviation '" + std::string(token) + "' must end with '.'", offset);
        }
        AbbrevKind kind = keyword == "never"    ? AbbrevKind::kNever
                          : keyword == "abbrev" ? AbbrevKind::kAbbrev
                          : keyword == "final"  ? AbbrevKind::kFinal
                          : keyword == "unit"   ? AbbrevKind::kUnit
                          : keyword == "year"   ? AbbrevKind::kYear
                          : keyword == "symbol" ? AbbrevKind::kSymbol
                                                : AbbrevKind::kNumeric;
        rules.abbreviations.insert_or_assign(std::string(token), kind);
      } else if (keyword == "continue" && token.size() >= 2 && token.back() == '.') {
        if (scope_closed) {
          return bad("continue: the abbreviation '" + std::string(token) +
                         "' must come before the line's words",
                     offset);
        }
        scope.push_back(token);
      } else if (keyword == "continue" && !scope.empty()) {
        scope_closed = true;
        if (token.find('.') != std::string_view::npos) {
          return bad("continue word '" + std::string(token) + "' must not contain '.'", offset);
        }
        for (std::string_view abbrev : scope) rules.scoped_continuers[std::string(abbrev)].emplace(token);
      } else {
        scope_closed = true;
        if (token.find('.') != std::string_view::npos) {
          return bad(
              std::string(keyword) + " word '" + std::string(token) + "' must not contain '.'",
              offset);
        }
        (keyword == "starter"    ? rules.starters
         : keyword == "heading"  ? rules.headings
         : keyword == "numstart" ? rules.numstarts
         : keyword == "label"    ? rules.labels
         : keyword == "speech"   ? rules.speech
         : keyword == "preposition" ? rules.prepositions
                                 : rules.continuers)
            .emplace(token);
      }
    }
    if (count == 1 || (!scope.empty() && !scope_closed)) {
      return bad("rule '" + std::string(keyword) + "' has no words", keyword_offset);
    }
    line_start = line_end + 1;
  }
  return true;
}

bool RuleSet::continues(std::string_view abbrev, std::string_view word) const {
  if (continuers.contains(word))
    return true;
  const auto scoped = scoped_continuers.find(abbrev);
  return scoped != scoped_continuers.end() && scoped->second.contains(word);
}

}  // namespace tilmash::segment
