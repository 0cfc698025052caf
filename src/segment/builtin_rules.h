// The rules files of src/segment/rules/, compiled into the library (the .cc is generated at build
// time by cmake/embed_text.cmake), so the segmenter needs no data files at run time.
#pragma once

#include <string_view>

namespace tilmash::segment {

// The text of the built-in rules file `name` ("common", "en", "kk", "ru"), or an empty view when
// there is none. The text has static storage duration.
std::string_view builtin_rules(std::string_view name);

}  // namespace tilmash::segment
