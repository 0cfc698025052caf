// Three-language alignment: two pairwise alignments joined on the shared source (pivot) side.
//
// A three-language unit has one grouping of the source, so a cut between source sentences can
// stand only where both translations accept it. Taking the cuts both alignments make (the
// coarser grouping wherever they differ) throws away the pair that had it right: when the
// Kazakh text leaves out a sentence and the en-kk alignment glues it to its neighbour (2-1),
// the Russian 1-1 beads there become one 2-2 unit. Instead, each stretch between two common
// cuts where the groupings differ is realigned in three languages at once: the best sequence of
// units (source span, span of language 1, span of language 2) whose projection on each pair is
// one bead of that pair's inventory (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3), under the sum of
// the two pairs' bead costs. This is the idea of Simard (1999), "Text-translation alignment:
// three languages are better than two" (EMNLP/VLC): alignments to a shared pivot should agree
// on it, and the evidence of both translations decides where.
//
// Why the sum and no threshold: each pair's cost is the negative log-probability of its beads
// under its own model (length, anchors, cognates, Model 1, bead priors: the aligner's DP costs
// at temperature 1), and given the source the two translations are modelled as independent, so
// the cost of a three-language unit is the sum of its two projections' costs. Comparing the
// stretch with and without a cut then compares the coarser pair's cost increase from taking the
// cut (say kk: 1-0 + 1-1 instead of 2-1) with the finer pair's cost increase from losing it
// (ru: 2-2 instead of 1-1 + 1-1): the cut survives exactly when the first is the smaller, both
// in nats of the same model family. The independence is an approximation (each unit pays two
// bead priors, e.g. 1-1-0 = P(1-1)·P(1-0)), but it has no tuned constant.
#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "align/aligner.h"
#include "align/dp.h"

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

// One unit of a realigned stretch: de source sentences, dq of language 1, dr of language 2,
// and its posterior.
struct Unit {
  int de, dq, dr;
  double posterior;
};

// The best sequence of three-language units over the stretch whose pair rectangles are
// ca.rect() and cb.rect() (same source rows), under the sum of the pairs' bead costs; each
// unit's posterior by forward-backward at `temperature`. A unit with source sentences has on
// each pair a bead of that pair's types (an empty target side: 1-0); one without has one
// inserted sentence in one language (0-1 on that pair, nothing on the other).
std::vector<Unit> realign_stretch(const BeadCosts& ca, const BeadCosts& cb, double temperature) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Rect& ra = ca.rect();
  const Rect& rb = cb.rect();
  const int E = ra.i1 - ra.i0, A = ra.j1 - ra.j0, B = rb.j1 - rb.j0;
  auto index = [&](int e, int q, int r) {
    return (static_cast<std::size_t>(e) * static_cast<std::size_t>(A + 1) + static_cast<std::size_t>(q)) *
               static_cast<std::size_t>(B + 1) + static_cast<std::size_t>(r);
  };
  // Moves: (de, dq, dr) with de in 0..3, dq, dr in 0..3; which are allowed depends on the costs.
  std::vector<std::array<int, 3>> moves = {{0, 1, 0}, {0, 0, 1}};
  for (int de = 1; de <= 3; ++de) {
    for (int dq = 0; dq <= 3; ++dq) {
      for (int dr = 0; dr <= 3; ++dr) moves.push_back({de, dq, dr});
    }
  }
  auto cost = [&](int e, int q, int r, const std::array<int, 3>& mv) {
    const double x = mv[0] == 0 && mv[1] == 0 ? 0.0 : ca(ra.i0 + e, ra.j0 + q, mv[0], mv[1]);
    const double y = mv[0] == 0 && mv[2] == 0 ? 0.0 : cb(rb.i0 + e, rb.j0 + r, mv[0], mv[2]);
    return x + y;
  };
  const std::size_t states = index(E, A, B) + 1;
  std::vector<double> best(states, kInf), fwd(states, -kInf), bwd(states, -kInf);
  std::vector<int> back(states, -1);
  best[0] = 0;
  fwd[0] = 0;
  // States in index order: every move goes to a larger index.
  for (int e = 0; e <= E; ++e) {
    for (int q = 0; q <= A; ++q) {
      for (int r = 0; r <= B; ++r) {
        const std::size_t s = index(e, q, r);
        if (best[s] == kInf && fwd[s] == -kInf) continue;
        for (std::size_t k = 0; k < moves.size(); ++k) {
          const auto& mv = moves[k];
          if (e + mv[0] > E || q + mv[1] > A || r + mv[2] > B) continue;
          const double c = cost(e, q, r, mv);
          if (c == kInf) continue;
          const std::size_t t = index(e + mv[0], q + mv[1], r + mv[2]);
          if (best[s] + c < best[t]) {
            best[t] = best[s] + c;
            back[t] = static_cast<int>(k);
          }
          fwd[t] = detail::log_add(fwd[t], fwd[s] - c / temperature);
        }
      }
    }
  }
  bwd[states - 1] = 0;
  for (int e = E; e >= 0; --e) {
    for (int q = A; q >= 0; --q) {
      for (int r = B; r >= 0; --r) {
        const std::size_t s = index(e, q, r);
        for (const auto& mv : moves) {
          if (e + mv[0] > E || q + mv[1] > A || r + mv[2] > B) continue;
          const double c = cost(e, q, r, mv);
          if (c == kInf) continue;
          bwd[s] = detail::log_add(bwd[s], bwd[index(e + mv[0], q + mv[1], r + mv[2])] - c / temperature);
        }
      }
    }
  }
  // The path back from the end (one-sided moves make a path to every state, so one exists).
  std::vector<Unit> units;
  int e = E, q = A, r = B;
  while (e > 0 || q > 0 || r > 0) {
    const std::size_t t = index(e, q, r);
    assert(back[t] >= 0);
    const auto& mv = moves[static_cast<std::size_t>(back[t])];
    e -= mv[0];
    q -= mv[1];
    r -= mv[2];
    const double c = cost(e, q, r, mv);
    const double post = std::exp(fwd[index(e, q, r)] - c / temperature + bwd[t] - fwd[states - 1]);
    units.push_back({mv[0], mv[1], mv[2], std::clamp(post, 0.0, 1.0)});
  }
  std::reverse(units.begin(), units.end());
  return units;
}

// Runs of units without source sentences (target sentences added at one point in either
// language) become units of one sentence per language, paired in order: each pair then keeps
// its own 0-1 beads. Confidence: the lower of the two sentences' units'.
void pair_insertions(std::vector<core::Bead>& beads) {
  std::vector<core::Bead> out;
  for (std::size_t k = 0; k < beads.size();) {
    if (!beads[k].sides[0].empty()) {
      out.push_back(std::move(beads[k++]));
      continue;
    }
    std::array<std::vector<std::pair<int, double>>, 2> added;  // per language: sentence, confidence
    for (; k < beads.size() && beads[k].sides[0].empty(); ++k) {
      for (std::size_t l = 0; l < 2; ++l) {
        for (int j : beads[k].sides[l + 1]) added[l].emplace_back(j, beads[k].confidence);
      }
    }
    for (std::size_t u = 0; u < std::max(added[0].size(), added[1].size()); ++u) {
      core::Bead b;
      b.sides.resize(3);
      b.confidence = 1.0;
      for (std::size_t l = 0; l < 2; ++l) {
        if (u >= added[l].size()) continue;
        b.sides[l + 1].push_back(added[l][u].first);
        b.confidence = std::min(b.confidence, added[l][u].second);
      }
      out.push_back(std::move(b));
    }
  }
  beads = std::move(out);
}

Alignment join(const Alignment& a, const Alignment& b, int n_src, const RegionCosts* cost_a,
               const RegionCosts* cost_b, double temperature) {
  auto ca = cuts_of(a), cb = cuts_of(b);
  assert(ca.rbegin()->first == n_src && cb.rbegin()->first == n_src);
  (void)n_src;
  std::vector<int> common;
  for (const auto& [p, range_a] : ca) {
    if (cb.count(p) != 0) common.push_back(p);
  }
  // The stretches between consecutive common cuts where either alignment cuts inside (the
  // groupings differ), small enough to realign: their rectangles on each pair.
  std::vector<Rect> rects_a, rects_b;
  std::vector<int> stretch(common.size(), -1);  // k -> index into rects, for [common[k], common[k+1])
  for (std::size_t k = 0; cost_a != nullptr && k + 1 < common.size(); ++k) {
    const int p = common[k], next = common[k + 1];
    const bool differ = ca.upper_bound(p)->first < next || cb.upper_bound(p)->first < next;
    const Rect ra{p, next, ca[p].second, ca[next].first};
    const Rect rb{p, next, cb[p].second, cb[next].first};
    const long states = static_cast<long>(next - p + 1) * (ra.j1 - ra.j0 + 1) * (rb.j1 - rb.j0 + 1);
    if (!differ || states > kMaxReconcileStates) continue;
    stretch[k] = static_cast<int>(rects_a.size());
    rects_a.push_back(ra);
    rects_b.push_back(rb);
  }
  std::vector<BeadCosts> costs_a, costs_b;
  if (!rects_a.empty()) {
    costs_a = (*cost_a)(rects_a);
    costs_b = (*cost_b)(rects_b);
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
    // Target sentences inserted at this cut (0-1 beads) in either language.
    for (int j = a_first; j < a_last; ++j) emit(p, p, j, j + 1, b_first, b_first);
    for (int j = b_first; j < b_last; ++j) emit(p, p, a_last, a_last, j, j + 1);
    if (k + 1 >= common.size()) continue;
    int next = common[k + 1];
    if (stretch[k] < 0) {
      emit(p, next, a_last, ca[next].first, b_last, cb[next].first);
      continue;
    }
    const auto s = static_cast<std::size_t>(stretch[k]);
    int e = p, q = a_last, r = b_last;
    for (const Unit& u : realign_stretch(costs_a[s], costs_b[s], temperature)) {
      core::Bead bead;
      bead.sides = {range(e, e + u.de), range(q, q + u.dq), range(r, r + u.dr)};
      bead.confidence = u.posterior;
      out.beads.push_back(std::move(bead));
      e += u.de;
      q += u.dq;
      r += u.dr;
    }
  }
  pair_insertions(out.beads);
  return out;
}

}  // namespace

Alignment join_on_source(const Alignment& a, const Alignment& b, int n_src) {
  return join(a, b, n_src, nullptr, nullptr, 1.0);
}

Alignment reconcile_on_source(const Alignment& a, const Alignment& b, int n_src,
                              const RegionCosts& cost_a, const RegionCosts& cost_b,
                              double temperature) {
  return join(a, b, n_src, &cost_a, &cost_b, temperature);
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
  PairModel models[2];  // each pair's models, for the costs of the join (reconcile_on_source)
  for (std::size_t k = 0; k < 2; ++k) {
    std::vector<DocPair> pairs;
    for (const auto& d : docs) {
      pairs.push_back({d[0].sentences, d[k + 1].sentences, d[0].terms, d[k + 1].terms});
    }
    AlignOptions pair = options;  // the languages of this pair: source and target k + 1
    if (options.langs.size() == 3) pair.langs = {options.langs[0], options.langs[k + 1]};
    pair.dictionary.insert(pair.dictionary.end(), options.pair_dictionary[k].begin(),
                           options.pair_dictionary[k].end());
    pairwise[k] = align_batch(pairs, pair, &models[k]);
  }
  std::vector<Alignment> out;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const RegionCosts cost_a = [&](std::span<const Rect> r) { return models[0].bead_costs(d, r); };
    const RegionCosts cost_b = [&](std::span<const Rect> r) { return models[1].bead_costs(d, r); };
    Alignment& a = out.emplace_back(
        reconcile_on_source(pairwise[0][d], pairwise[1][d],
                            static_cast<int>(docs[d][0].sentences.size()), cost_a, cost_b,
                            options.temperature));
    a.pairwise = {std::move(pairwise[0][d].beads), std::move(pairwise[1][d].beads)};
  }
  return out;
}

}  // namespace tilmash::align
