#include "io/location.h"

namespace tilmash::io {

LineCol line_col(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  LineCol pos;
  // A UTF-8 BOM is invisible in editors, so it does not count as a column.
  const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3 ? 3 : 0;
  for (std::size_t i = start; i < offset; ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\r') {
      ++pos.column;
    }
  }
  return pos;
}

InputError input_error(const std::string& path, std::string_view text, const core::Error& error,
                       std::string unit) {
  const LineCol pos = line_col(text, error.byte_offset);
  return InputError(path, pos.line, pos.column, error.message, std::move(unit));
}

}  // namespace tilmash::io
