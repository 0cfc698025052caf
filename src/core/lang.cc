#include "core/lang.h"

#include <cctype>

namespace tilmash::core {
namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
}  // namespace

Result<std::string> normalize_lang_tag(std::string_view tag) {
  if (tag.empty()) {
    return unexpected({ErrorCode::kBadFormat, "empty language tag", 0});
  }
  std::string out;
  std::size_t subtag_start = 0;
  int subtag_index = 0;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
      std::string_view sub = tag.substr(subtag_start, i - subtag_start);
      if (sub.empty() || sub.size() > 8) {
        return unexpected({ErrorCode::kBadFormat,
                           "malformed language tag '" + std::string(tag) + "'", subtag_start});
      }
      if (subtag_index > 0) out += '-';
      for (std::size_t k = 0; k < sub.size(); ++k) {
        char c = sub[k];
        if (!std::isalnum(static_cast<unsigned char>(c))) {
          return unexpected({ErrorCode::kBadFormat,
                             "malformed language tag '" + std::string(tag) + "'", subtag_start + k});
        }
        // BCP 47 canonical case: language lower, script Title (4 letters), region upper (2).
        if (subtag_index == 0) {
          out += lower(c);
        } else if (sub.size() == 4 && std::isalpha(static_cast<unsigned char>(sub[0]))) {
          out += k == 0 ? upper(c) : lower(c);
        } else if (sub.size() == 2) {
          out += upper(c);
        } else {
          out += lower(c);
        }
      }
      subtag_start = i + 1;
      ++subtag_index;
    }
  }
  if (primary_language(out).size() < 2 || primary_language(out).size() > 3) {
    return unexpected({ErrorCode::kBadFormat,
                       "malformed language tag '" + std::string(tag) + "'", 0});
  }
  return out;
}

std::string_view primary_language(std::string_view tag) {
  return tag.substr(0, tag.find('-'));
}

}  // namespace tilmash::core
