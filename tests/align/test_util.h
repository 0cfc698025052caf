// Helpers shared by the align tests.
#pragma once

#include <string>
#include <vector>

#include "align/aligner.h"
#include "core/bead.h"
#include "core/types.h"

namespace tilmash::align::testing {

inline std::vector<core::Segment> segs(const std::vector<std::string>& lines) {
  std::vector<core::Segment> out;
  for (const auto& l : lines) out.push_back({l, 0});
  return out;
}

inline std::vector<std::string> bead_strings(const Alignment& a) {
  std::vector<std::string> out;
  for (const auto& b : a.beads) out.push_back(core::format_bead(b));
  return out;
}

// True when every index 0..sizes[k]-1 of every side appears exactly once, in order, and each bead
// has a non-empty side and a confidence in [0, 1].
inline bool covers_exactly_once(const Alignment& a, const std::vector<int>& sizes) {
  std::vector<int> next(sizes.size(), 0);
  for (const auto& b : a.beads) {
    if (b.sides.size() != sizes.size()) return false;
    if (!(b.confidence >= 0.0 && b.confidence <= 1.0)) return false;
    bool any = false;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      for (int i : b.sides[k]) {
        if (i != next[k]) return false;
        ++next[k];
        any = true;
      }
    }
    if (!any) return false;
  }
  return next == sizes;
}

}  // namespace tilmash::align::testing
