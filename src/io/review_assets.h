// The review page's style sheet and scripts, kept as files in src/io/review/ (so the editor's
// model can be tested on its own in node) and embedded at build time by cmake/embed_text.cmake.
#pragma once

#include <string_view>

namespace tilmash::io {

// "review.css", "model.js" or "review.js"; empty for another name.
std::string_view review_asset(std::string_view name);

}  // namespace tilmash::io
