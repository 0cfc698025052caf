// Mapping byte offsets to human positions, and core::Error values to InputError.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"
#include "io/errors.h"

namespace tilmash::io {

struct LineCol {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, counted in code points (bytes of invalid sequences count 1)
};

// Position of byte `offset` in `text` (offsets past the end clamp to the end). Lines end at
// '\n', '\r\n' or a lone '\r'. O(offset).
LineCol line_col(std::string_view text, std::size_t offset);

// An InputError for `error`, whose byte_offset points into `text`, the content of `path`.
InputError input_error(const std::string& path, std::string_view text, const core::Error& error,
                       std::string unit = {});

}  // namespace tilmash::io
