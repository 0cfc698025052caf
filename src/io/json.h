// Minimal JSON output helpers for --json modes. Writing only; tilmash reads no JSON.
#pragma once

#include <string>
#include <string_view>

namespace tilmash::io {

// `text` (valid UTF-8) as a JSON string literal with quotes; control characters as \uXXXX,
// non-ASCII kept as UTF-8.
std::string json_string(std::string_view text);

// A number with up to 4 decimals and no trailing zeros ("0.5", "1", "0.8125").
std::string json_number(double value);

}  // namespace tilmash::io
