// The Gale & Church (1993) length model: the character length of a translation is roughly
// proportional to the original's, with a variance that grows with length. Internal to
// tilmash::align.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace tilmash::align::detail {

struct LengthModel {
  double ratio = 1.0;     // expected target code points per source code point
  double variance = 6.8;  // s², per code point (Gale & Church's value for English–French/German)
  // Contaminated normal (Tukey 1960; Huber 1964): a share `outlier_share` of true beads has a
  // standard deviation `outlier_scale` times larger (free translation, an added clause). 0 gives
  // Gale & Church's plain normal, whose tail makes a bead with a long translation cheaper by
  // several nats when any short neighbouring sentence is glued to it.
  double outlier_share = 0.0;
  double outlier_scale = 3.0;
  // -log P(|δ| >= z) on a grid of z (see tabulate); empty: computed each time.
  std::vector<double> table;
};

// Fills model.table for its outlier_share and outlier_scale: the cost then takes one square root
// and a linear interpolation (error below 1e-4 nats) instead of two erfc and three logarithms.
void tabulate(LengthModel& model);

// The table's grid: kLengthSteps points per unit of z, up to kLengthMaxZ.
inline constexpr double kLengthSteps = 32;
inline constexpr double kLengthMaxZ = 40;

// -log P(|δ| >= z) computed, not from the table.
double length_tail_cost(const LengthModel& model, double z);

// -log P(|δ|) for a bead of `src_len` and `tgt_len` code points (either may be 0), with
// δ = (c·l1 − l2) / sqrt(s²·(l1 + l2/c)/2) as in Gale & Church's program, P the two-sided tail
// of the (contaminated) normal. Always finite, ≥ 0. Inline: the DP takes one per bead.
inline double length_cost(const LengthModel& model, int src_len, int tgt_len) {
  double l1 = src_len, l2 = tgt_len;
  double mean = std::max((l1 + l2 / model.ratio) / 2.0, 1.0);
  double z = std::abs(model.ratio * l1 - l2) / std::sqrt(model.variance * mean * model.ratio);
  if (model.table.empty() || !(z < kLengthMaxZ)) return length_tail_cost(model, z);
  const double x = z * kLengthSteps;
  const auto k = static_cast<std::size_t>(x);
  const double frac = x - static_cast<double>(k);
  return model.table[k] + frac * (model.table[k + 1] - model.table[k]);
}

// Ratio of total lengths; 1 when either side is empty.
double estimate_ratio(double src_total, double tgt_total);

// Ratio of the summed lengths of (l1, l2) pairs of confident 1-1 beads, shrunk towards `prior`
// (the ratio of document totals) as if the prior had been seen `prior_weight` times; `prior`
// when there are no pairs.
double estimate_ratio(std::span<const std::pair<int, int>> pairs, double prior,
                      double prior_weight = 3);

// Robust variance from (l1, l2) pairs of confident 1-1 beads: the median of the squared
// normalized residuals divided by the median of χ²(1) (0.455), shrunk towards `prior` as if the
// prior had been seen `prior_weight` times.
double estimate_variance(std::span<const std::pair<int, int>> pairs, double ratio, double prior,
                         double prior_weight = 20);

}  // namespace tilmash::align::detail
