// Banded dynamic programming over beads, with Viterbi decoding and bead posteriors
// (forward–backward over the same band). Internal to tilmash::align. Memory is linear in the
// number of band cells: O((n + m) · band width).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace tilmash::align::detail {

struct BeadType {
  int di, dj;  // source and target sentences in the bead
};

// Per source row i (0..n), the inclusive target range [lo[i], hi[i]] searched.
struct Band {
  int n = 0, m = 0;
  std::vector<int> lo, hi;
  std::vector<std::int64_t> off;  // off[i] = cell index of (i, lo[i]); off[n + 1] = cell count

  bool contains(int i, int j) const {
    return i >= 0 && i <= n && j >= lo[static_cast<std::size_t>(i)] &&
           j <= hi[static_cast<std::size_t>(i)];
  }
  std::int64_t index(int i, int j) const {
    return off[static_cast<std::size_t>(i)] + (j - lo[static_cast<std::size_t>(i)]);
  }
  std::int64_t size() const { return off.back(); }

  // The rows' centre ranges [clo[i], chi[i]] widened by `width` on both sides and repaired so that
  // a monotone path from (0, 0) to (n, m) exists: lo and hi non-decreasing, lo[i+1] <= hi[i].
  static Band around(std::span<const int> clo, std::span<const int> chi, int width, int n, int m) {
    Band b;
    b.n = n;
    b.m = m;
    auto N = static_cast<std::size_t>(n);
    b.lo.resize(N + 1);
    b.hi.resize(N + 1);
    for (std::size_t i = 0; i <= N; ++i) {
      b.lo[i] = std::clamp(clo[i] - width, 0, m);
      b.hi[i] = std::clamp(chi[i] + width, 0, m);
    }
    b.lo[0] = 0;
    b.hi[N] = m;
    for (std::size_t i = N; i-- > 0;) b.lo[i] = std::min(b.lo[i], b.lo[i + 1]);
    for (std::size_t i = 1; i <= N; ++i) b.hi[i] = std::max(b.hi[i], b.hi[i - 1]);
    for (std::size_t i = 0; i < N; ++i) b.hi[i] = std::max(b.hi[i], b.lo[i + 1]);
    b.off.resize(N + 2);
    b.off[0] = 0;
    for (std::size_t i = 0; i <= N; ++i) b.off[i + 1] = b.off[i] + (b.hi[i] - b.lo[i] + 1);
    return b;
  }
};

// One bead of the best path: source [i0, i1), target [j0, j1), type index, posterior in [0, 1].
struct Step {
  int i0, j0, i1, j1, type;
  double posterior;
};

struct DpResult {
  std::vector<Step> path;
  bool touched_edge = false;  // the path runs along a band edge that is not the matrix edge
  // With a positive `support` threshold (see solve): per source row i, the target range
  // [support_lo[i], support_hi[i]] of the cells whose posterior is at least the threshold
  // (lo > hi when none is). Empty otherwise.
  std::vector<int> support_lo, support_hi;
  // With solve's `alone` (else empty): alone[0][i] the posterior probability that source
  // sentence i stands alone (a 1-0 bead); alone[1][j] that target sentence j does (0-1).
  std::array<std::vector<double>, 2> alone;
};

// log(exp(a) + exp(b)). log1p(exp(-d)) comes from a table over d in [0, 30) with linear
// interpolation (error < 1e-5 nats, far below what a posterior we report can show); forward–
// backward takes one per bead and cell, and exp + log1p were a tenth of the run time.
// The table is made once at start-up (not a function-local static, whose guard every call
// checked, and which kept log_add from being inlined into the DP loops).
inline constexpr int kLogAddSteps = 64;  // table points per nat
inline const std::array<double, 30 * kLogAddSteps + 2> kLogAddTable = [] {
  std::array<double, 30 * kLogAddSteps + 2> t{};
  for (std::size_t k = 0; k < t.size(); ++k) {
    t[k] = std::log1p(std::exp(-static_cast<double>(k) / kLogAddSteps));
  }
  return t;
}();

inline double log_add(double a, double b) {
  constexpr int kSteps = kLogAddSteps;
  const auto& table = kLogAddTable;
  if (a < b) std::swap(a, b);
  double d = a - b;
  if (!(d < 30)) return a;  // exp(-30) ≈ 1e-13: below any posterior we report (and -inf)
  double x = d * kSteps;
  auto k = static_cast<std::size_t>(x);
  double frac = x - static_cast<double>(k);
  return a + table[k] + frac * (table[k + 1] - table[k]);
}

// Best path under the bead costs `cost`, with posteriors at `temperature`. The costs come a row
// and a bead type at a time: cost(type, i, first, last, out) puts the cost (finite, in nats) of
// the bead of that type ending at (i, j) into out[j - first] (a std::span<double>) for
// j = first..last, every such bead starting in the band (by_bead makes one from a cost per
// bead). With support > 0, also the range of cells per row that some path through the band
// visits with posterior probability at least `support` (DpResult::support_lo/hi). With
// `alone`, also each sentence's chance of standing alone (DpResult::alone).
template <class RowCost>
DpResult solve(const Band& band, std::span<const BeadType> types, RowCost&& cost,
               double temperature, double support = 0, bool alone = false) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // c / temperature, without the division at temperature 1 (the first pass), where it is exact.
  const bool unit_temperature = temperature == 1.0;
  auto scaled = [&](float c) {
    return unit_temperature ? static_cast<double>(c) : static_cast<double>(c) / temperature;
  };
  const auto T = types.size();
  const auto cells = static_cast<std::size_t>(band.size());
  std::vector<float> bead_cost(cells * T, std::numeric_limits<float>::infinity());
  std::vector<double> best(cells, kInf);
  std::vector<std::int8_t> back(cells, -1);
  // Forward and backward sums (log space) for posteriors. The forward sums are taken in the
  // Viterbi loop, over the same beads in the same order, while their costs are at hand.
  std::vector<double> alpha(cells, -kInf);
  alpha[0] = 0;
  best[0] = 0;
  // Row i's beads of type t: they end at the cells j = from[t]..to[t] of the row that have their
  // first cell (i - di, j - dj) in the band, whose index is start[t] + j.
  std::vector<int> from(T), to(T);
  std::vector<std::int64_t> start(T);
  auto row_beads = [&](int i) {
    for (std::size_t t = 0; t < T; ++t) {
      const int pi = i - types[t].di, dj = types[t].dj;
      if (pi < 0) {
        from[t] = 0;
        to[t] = -1;
        continue;
      }
      const auto r = static_cast<std::size_t>(i), p = static_cast<std::size_t>(pi);
      from[t] = std::max(band.lo[r], band.lo[p] + dj);
      to[t] = std::min(band.hi[r], band.hi[p] + dj);
      start[t] = band.off[p] - band.lo[p] - dj;
    }
  };
  std::size_t width = 0;  // of the widest row
  for (std::size_t i = 0; i < band.lo.size(); ++i) {
    width = std::max(width, static_cast<std::size_t>(band.hi[i] - band.lo[i] + 1));
  }
  std::vector<double> row_costs(T * width);
  std::vector<std::span<double>> row_cost;  // per type: its costs in the current row
  for (std::size_t t = 0; t < T; ++t) {
    row_cost.push_back(std::span<double>(row_costs).subspan(t * width, width));
  }
  for (int i = 0; i <= band.n; ++i) {
    row_beads(i);
    for (std::size_t t = 0; t < T; ++t) {
      if (from[t] <= to[t]) cost(static_cast<int>(t), i, from[t], to[t], row_cost[t]);
    }
    for (int j = band.lo[static_cast<std::size_t>(i)]; j <= band.hi[static_cast<std::size_t>(i)];
         ++j) {
      auto cell = static_cast<std::size_t>(band.index(i, j));
      if (cell == 0) continue;
      double b = kInf;
      int bt = -1;
      double a = -kInf;
      for (std::size_t t = 0; t < T; ++t) {
        if (j < from[t] || j > to[t]) continue;
        const auto prev_cell = static_cast<std::size_t>(start[t] + j);
        double prev = best[prev_cell];
        if (prev == kInf) continue;
        auto c = static_cast<float>(row_cost[t][static_cast<std::size_t>(j - from[t])]);
        bead_cost[cell * T + t] = c;
        if (prev + c < b) {
          b = prev + c;
          bt = static_cast<int>(t);
        }
        if (c != std::numeric_limits<float>::infinity()) {
          a = log_add(a, alpha[prev_cell] - scaled(c));
        }
      }
      best[cell] = b;
      back[cell] = static_cast<std::int8_t>(bt);
      alpha[cell] = a;
    }
  }
  // The backward sums take the Viterbi scores' place (only `back` is read after that loop):
  // one array fewer to allocate, and to fault in page by page.
  std::vector<double> beta = std::move(best);
  std::fill(beta.begin(), beta.end(), -kInf);
  beta[cells - 1] = 0;
  for (int i = band.n; i >= 0; --i) {
    row_beads(i);
    for (int j = band.hi[static_cast<std::size_t>(i)]; j >= band.lo[static_cast<std::size_t>(i)];
         --j) {
      auto cell = static_cast<std::size_t>(band.index(i, j));
      if (beta[cell] == -kInf) continue;
      for (std::size_t t = 0; t < T; ++t) {
        float c = bead_cost[cell * T + t];
        if (c == std::numeric_limits<float>::infinity()) continue;
        auto prev = static_cast<std::size_t>(start[t] + j);
        beta[prev] = log_add(beta[prev], beta[cell] - scaled(c));
      }
    }
  }
  const double z = alpha[cells - 1];
  DpResult out;
  if (support > 0) {
    const double log_support = std::log(support);
    out.support_lo.assign(static_cast<std::size_t>(band.n) + 1, band.m + 1);
    out.support_hi.assign(static_cast<std::size_t>(band.n) + 1, -1);
    for (int i = 0; i <= band.n; ++i) {
      auto r = static_cast<std::size_t>(i);
      for (int j = band.lo[r]; j <= band.hi[r]; ++j) {
        auto cell = static_cast<std::size_t>(band.index(i, j));
        if (alpha[cell] + beta[cell] - z < log_support) continue;
        out.support_lo[r] = std::min(out.support_lo[r], j);
        out.support_hi[r] = std::max(out.support_hi[r], j);
      }
    }
  }
  // Each sentence's chance of standing alone: the posteriors of the 1-0 beads that hold source
  // sentence r - 1 and of the 0-1 beads that hold target sentence c - 1, summed over the band.
  if (alone) {
    out.alone[0].assign(static_cast<std::size_t>(band.n), 0.0);
    out.alone[1].assign(static_cast<std::size_t>(band.m), 0.0);
  }
  for (int r = 0; alone && r <= band.n; ++r) {
    row_beads(r);
    for (std::size_t t = 0; t < T; ++t) {
      const bool source_alone = types[t].di == 1 && types[t].dj == 0;
      if (!source_alone && !(types[t].di == 0 && types[t].dj == 1)) continue;
      std::vector<double>& sums = out.alone[source_alone ? 0 : 1];
      for (int c = from[t]; c <= to[t]; ++c) {
        const auto cell = static_cast<std::size_t>(band.index(r, c));
        const float bc = bead_cost[cell * T + t];
        if (bc == std::numeric_limits<float>::infinity()) continue;
        const auto prev = static_cast<std::size_t>(start[t] + c);
        sums[static_cast<std::size_t>(source_alone ? r - 1 : c - 1)] +=
            std::exp(alpha[prev] - scaled(bc) + beta[cell] - z);
      }
    }
  }
  int i = band.n, j = band.m;
  while (i > 0 || j > 0) {
    auto cell = static_cast<std::size_t>(band.index(i, j));
    int t = back[cell];
    if (t < 0) break;  // unreachable cell: cannot happen for a repaired band
    int pi = i - types[static_cast<std::size_t>(t)].di, pj = j - types[static_cast<std::size_t>(t)].dj;
    auto prev = static_cast<std::size_t>(band.index(pi, pj));
    double post = std::exp(alpha[prev] - bead_cost[cell * T + static_cast<std::size_t>(t)] / temperature +
                           beta[cell] - z);
    out.path.push_back({pi, pj, i, j, t, std::clamp(post, 0.0, 1.0)});
    i = pi;
    j = pj;
  }
  std::reverse(out.path.begin(), out.path.end());
  for (const Step& s : out.path) {
    for (auto [pi, pj] : {std::pair{s.i0, s.j0}, std::pair{s.i1, s.j1}}) {
      auto r = static_cast<std::size_t>(pi);
      if ((pj == band.lo[r] && band.lo[r] > 0) || (pj == band.hi[r] && band.hi[r] < band.m)) {
        out.touched_edge = true;
      }
    }
  }
  return out;
}

// solve's row cost function from a cost per bead, cost(type, i0, i1, j0, j1).
template <class BeadCost>
auto by_bead(std::span<const BeadType> types, BeadCost&& cost) {
  return [types, &cost](int type, int i1, int first, int last, std::span<double> out) {
    const BeadType b = types[static_cast<std::size_t>(type)];
    for (int j1 = first; j1 <= last; ++j1) {
      out[static_cast<std::size_t>(j1 - first)] = cost(type, i1 - b.di, i1, j1 - b.dj, j1);
    }
  };
}

}  // namespace tilmash::align::detail
