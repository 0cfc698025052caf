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

std::vector<std::vector<bool>> grouped_by_join(const Alignment& a) {
  std::vector<std::vector<bool>> out(a.beads.size());
  if (a.beads.empty()) return out;
  const std::size_t n_langs = a.beads.front().sides.size();
  // linked[k][i]: the pair's own alignment gives source sentence i text of language k + 1.
  std::vector<std::vector<bool>> linked(a.pairwise.size());
  for (std::size_t k = 0; k < a.pairwise.size(); ++k) {
    for (const core::Bead& b : a.pairwise[k]) {
      if (b.sides.size() != 2 || b.sides[1].empty()) continue;
      for (int i : b.sides[0]) {
        if (static_cast<std::size_t>(i) >= linked[k].size()) linked[k].resize(static_cast<std::size_t>(i) + 1);
        linked[k][static_cast<std::size_t>(i)] = true;
      }
    }
  }
  for (std::size_t n = 0; n < a.beads.size(); ++n) {
    const core::Bead& b = a.beads[n];
    out[n].assign(n_langs, false);
    for (std::size_t k = 1; k < b.sides.size() && k - 1 < linked.size(); ++k) {
      if (!b.sides[k].empty()) continue;
      for (int i : b.sides[0]) {
        const auto u = static_cast<std::size_t>(i);
        if (u < linked[k - 1].size() && linked[k - 1][u]) out[n][k] = true;
      }
    }
  }
  return out;
}

std::vector<core::AlignedUnit> to_units(const Alignment& a,
                                        std::span<const std::vector<core::Segment>> docs,
                                        std::span<const std::string> langs) {
  assert(docs.size() == langs.size());
  std::vector<core::AlignedUnit> out;
  out.reserve(a.beads.size());
  const std::vector<std::vector<bool>> grouped = grouped_by_join(a);
  for (std::size_t n = 0; n < a.beads.size(); ++n) {
    const core::Bead& b = a.beads[n];
    assert(b.sides.size() == docs.size());
    core::AlignedUnit u;
    for (std::size_t k = 0; k < docs.size(); ++k) {
      u.text[langs[k]] = side_text(docs[k], b.sides[k]);
      if (grouped[n][k]) u.grouped.push_back(langs[k]);
    }
    u.confidence = b.confidence;
    u.provenance = "tilmash align";
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace tilmash::align
