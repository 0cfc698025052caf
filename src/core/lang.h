// Language tags. tilmash knows English (source), Kazakh and Russian; other BCP 47 tags are
// accepted and handled with language-neutral rules where a module allows it.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace tilmash::core {

// Normalizes a BCP 47 tag to lower-case primary language plus any subtags as given in canonical
// case ("KK-cyrl" -> "kk-Cyrl", "en_US" -> "en-US"). Returns kBadFormat on an empty or
// syntactically impossible tag (characters other than letters, digits, '-' and '_').
Result<std::string> normalize_lang_tag(std::string_view tag);

// The primary language subtag of a normalized tag: "kk-Cyrl" -> "kk".
std::string_view primary_language(std::string_view tag);

}  // namespace tilmash::core
