// Three-language alignment: two pairwise alignments joined on the shared source (pivot) side.
// A cut between source sentences survives only where both alignments cut there, so each unit is
// the finest grouping consistent with both (the coarser of the two wherever they disagree).
#include <algorithm>
#include <array>
#include <cassert>
#include <map>

#include "align/aligner.h"

namespace tilmash::align {
namespace {

// For one pairwise alignment: at each source position p (0..n) where a bead boundary falls,
// the range of target positions [first, last] that boundary spans (several when 0-1 beads sit
// at p). Positions without a boundary are absent.
std::map<int, std::pair<int, int>> cuts_of(const Alignment& a) {
  std::map<int, std::pair<int, int>> cuts;
  int p = 0, q = 0;
  cuts[0] = {0, 0};
  for (const core::Bead& b : a.beads) {
    p += static_cast<int>(b.sides[0].size());
    q += static_cast<int>(b.sides[1].size());
    auto [it, inserted] = cuts.try_emplace(p, q, q);
    if (!inserted) it->second.second = q;
  }
  return cuts;
}

// Confidence of what covers source [p0, p1) (or the inserted target sentences at p0 when
// p0 == p1): the lowest confidence of the beads of `a` that touch it.
double min_confidence(const Alignment& a, int p0, int p1, int t0, int t1) {
  double c = 1.0;
  int p = 0, q = 0;
  for (const core::Bead& b : a.beads) {
    int np = p + static_cast<int>(b.sides[0].size()), nq = q + static_cast<int>(b.sides[1].size());
    bool src_overlap = p < p1 && np > p0;
    bool tgt_overlap = q < t1 && nq > t0;
    if (src_overlap || tgt_overlap) c = std::min(c, b.confidence);
    p = np;
    q = nq;
  }
  return c;
}

std::vector<int> range(int a, int b) {
  std::vector<int> v;
  for (int i = a; i < b; ++i) v.push_back(i);
  return v;
}

}  // namespace

Alignment join_on_source(const Alignment& a, const Alignment& b, int n_src) {
  auto ca = cuts_of(a), cb = cuts_of(b);
  assert(ca.rbegin()->first == n_src && cb.rbegin()->first == n_src);
  (void)n_src;
  std::vector<int> common;
  for (const auto& [p, range_a] : ca) {
    if (cb.count(p) != 0) common.push_back(p);
  }
  Alignment out;
  auto emit = [&](int p0, int p1, int a0, int a1, int b0, int b1) {
    if (p0 == p1 && a0 == a1 && b0 == b1) return;
    core::Bead bead;
    bead.sides = {range(p0, p1), range(a0, a1), range(b0, b1)};
    bead.confidence = std::min(min_confidence(a, p0, p1, a0, a1), min_confidence(b, p0, p1, b0, b1));
    out.beads.push_back(std::move(bead));
  };
  for (std::size_t k = 0; k < common.size(); ++k) {
    int p = common[k];
    auto [a_first, a_last] = ca[p];
    auto [b_first, b_last] = cb[p];
    // Target sentences inserted at this cut (0-1 beads) in either language: one unit.
    emit(p, p, a_first, a_last, b_first, b_last);
    if (k + 1 < common.size()) {
      int next = common[k + 1];
      emit(p, next, a_last, ca[next].first, b_last, cb[next].first);
    }
  }
  return out;
}

Alignment align3(std::span<const core::Segment> src, std::span<const core::Segment> tgt1,
                 std::span<const core::Segment> tgt2, const AlignOptions& options) {
  const std::array<Document, 3> triple{Document{src}, Document{tgt1}, Document{tgt2}};
  return std::move(align3_batch(std::span(&triple, 1), options).front());
}

std::vector<Alignment> align3_batch(std::span<const std::array<Document, 3>> docs,
                                    const AlignOptions& options) {
  // Each language pair learns its models from every triple's documents (align_batch); the
  // pairs cannot share a lexical model, since their target languages differ.
  std::vector<Alignment> pairwise[2];
  for (std::size_t k = 0; k < 2; ++k) {
    std::vector<DocPair> pairs;
    for (const auto& d : docs) {
      pairs.push_back({d[0].sentences, d[k + 1].sentences, d[0].terms, d[k + 1].terms});
    }
    AlignOptions pair = options;  // the languages of this pair: source and target k + 1
    if (options.langs.size() == 3) pair.langs = {options.langs[0], options.langs[k + 1]};
    pairwise[k] = align_batch(pairs, pair);
  }
  std::vector<Alignment> out;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    Alignment& a = out.emplace_back(join_on_source(pairwise[0][d], pairwise[1][d],
                                                   static_cast<int>(docs[d][0].sentences.size())));
    a.pairwise = {std::move(pairwise[0][d].beads), std::move(pairwise[1][d].beads)};
  }
  return out;
}

}  // namespace tilmash::align
