#include "core/bead.h"

#include <charconv>

namespace tilmash::core {

std::string format_bead(const Bead& bead) {
  std::string out;
  for (std::size_t s = 0; s < bead.sides.size(); ++s) {
    if (s > 0) out += ':';
    for (std::size_t i = 0; i < bead.sides[s].size(); ++i) {
      if (i > 0) out += ',';
      out += std::to_string(bead.sides[s][i]);
    }
  }
  return out;
}

Result<Bead> parse_bead(std::string_view line, int expected_sides) {
  Bead bead;
  bead.sides.emplace_back();
  std::size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ':') {
      bead.sides.emplace_back();
      ++i;
    } else if (c == ',' || c == ' ' || c == '[' || c == ']' || c == '\r' || c == '\t') {
      ++i;
    } else if (c >= '0' && c <= '9') {
      int value = 0;
      auto [ptr, ec] = std::from_chars(line.data() + i, line.data() + line.size(), value);
      if (ec != std::errc()) {
        return unexpected({ErrorCode::kBadFormat, "sentence index out of range", i});
      }
      bead.sides.back().push_back(value);
      i = static_cast<std::size_t>(ptr - line.data());
    } else {
      return unexpected({ErrorCode::kBadFormat,
                         std::string("unexpected character '") + c + "' in bead", i});
    }
  }
  if (expected_sides > 0 && static_cast<int>(bead.sides.size()) != expected_sides) {
    return unexpected({ErrorCode::kBadFormat,
                       "bead has " + std::to_string(bead.sides.size()) + " sides, expected " +
                           std::to_string(expected_sides),
                       0});
  }
  return bead;
}

std::string bead_shape(const Bead& bead) {
  std::string out;
  for (const std::vector<int>& side : bead.sides) {
    out.append(out.empty() ? "" : "-").append(std::to_string(side.size()));
  }
  return out;
}

bool one_sided(const Bead& bead) {
  for (const std::vector<int>& side : bead.sides) {
    if (side.empty()) return true;
  }
  return false;
}

bool merged(const Bead& bead) {
  bool large = false;
  std::size_t with_text = 0;
  for (const std::vector<int>& side : bead.sides) {
    large = large || side.size() >= 2;
    with_text += side.empty() ? 0 : 1;
  }
  return large && with_text >= 2;
}

}  // namespace tilmash::core
