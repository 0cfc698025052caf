#include "align/units.h"

#include <cassert>

namespace tilmash::align {

std::string side_text(std::span<const core::Segment> doc, std::span<const int> indices) {
  std::string s;
  for (int i : indices) {
    assert(i >= 0 && static_cast<std::size_t>(i) < doc.size());
    if (!s.empty()) s += ' ';
    s += doc[static_cast<std::size_t>(i)].text;
  }
  return s;
}

std::vector<core::AlignedUnit> to_units(const Alignment& a,
                                        std::span<const std::vector<core::Segment>> docs,
                                        std::span<const std::string> langs) {
  assert(docs.size() == langs.size());
  std::vector<core::AlignedUnit> out;
  out.reserve(a.beads.size());
  for (const core::Bead& b : a.beads) {
    assert(b.sides.size() == docs.size());
    core::AlignedUnit u;
    for (std::size_t k = 0; k < docs.size(); ++k) u.text[langs[k]] = side_text(docs[k], b.sides[k]);
    u.confidence = b.confidence;
    u.provenance = "tilmash align";
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace tilmash::align
