#include "core/kazakh_letters.h"

#include "core/utf8.h"

namespace tilmash::core {

std::string kazakh_to_russian_letters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) append_utf8(out, russian_neighbour(next_code_point(text, pos)));
  return out;
}

}  // namespace tilmash::core
