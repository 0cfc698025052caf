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

  // --- the generative length model (AlignOptions::length_pmi; Moore 2002) ---
  // Moore scores every bead as a model of both sides' lengths: P(l_s)·P(l_t | l_s) for a bead
  // with text on both sides, P(l_s) alone for a 1-0 and P(l_t) for a 0-1, P(l) the marginal
  // length distribution of a side's sentences. Every sentence's marginal then appears once on
  // each path whatever its bead, so dividing each path by the product of all marginals changes
  // no decision: a one-sided bead's length term becomes 0 and a two-sided bead's the pointwise
  // mutual information of its lengths, log P(l_t | l_s) / P(l_t). Which side is generated from
  // the other matters: a 2-1 bead generates its one target sentence from the two source
  // sentences (the glued sentence's own marginal then cancels against its 1-0 alternative's,
  // and only the conditional density decides), a 1-2 bead its source sentence from the target
  // side; beads with as many sentences on each side average the two directions, so aligning
  // kk→en gives en→kk's beads. (Both directions averaged for every bead, and Moore's source →
  // target for every bead, were measured too: a merged bead then collects the glued sentence's
  // length information, which its one-sided alternative forgoes; docs/ARCHITECTURE.md.)
  bool pmi = false;
  // -log of the (contaminated) standard normal density at z on the grid of `table`.
  std::vector<double> density;
  // Marginal of a side's sentence length (code points): a gamma distribution fitted by moments
  // to the documents' sentences (lengths are positive and right-skewed, and the summed length
  // of the k sentences of one bead side, taken as independent, is again a gamma, of shape
  // k·shape). A kernel density estimate on log length, convolved for k = 2, 3, was measured
  // instead (it keeps the very short OCR'd captions a gamma misses) and was no better
  // (docs/ARCHITECTURE.md).
  struct Marginal {
    double shape = 1.0, scale = 100.0;
    double log_norm[4] = {0, 0, 0, 0};  // -lgamma(k·shape) - k·shape·log(scale), k = 0..3
  };
  Marginal src, tgt;
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

// Fits m by moments to lengths with this sum, sum of squares and count (a gamma of shape 1 and
// mean 100 when there are fewer than two sentences or no spread).
void fit_marginal(LengthModel::Marginal& m, double sum, double sum_sq, double count);

// log of the gamma density of the summed length `len` (≥ 1) of k sentences (k = 1..3).
inline double log_marginal(const LengthModel::Marginal& m, int k, int len) {
  const double l = len;
  return (k * m.shape - 1) * std::log(l) - l / m.scale + m.log_norm[k];
}

// -log of the contaminated normal density at z (computed, not from the table).
double length_density_cost(const LengthModel& model, double z);

// The length term of a bead of `ns` source sentences (`src_len` code points) and `nt` target
// sentences (`tgt_len`), both sides non-empty, under the generative model (LengthModel::pmi):
// minus the pointwise mutual information of the two lengths, −log f(l_t | l_s) + log g_t(l_t)
// when ns > nt, −log f(l_s | l_t) + log g_s(l_s) when nt > ns, the mean of the two otherwise;
// f is the density of Gale & Church's δ (the normal of `length_cost`, a standard deviation
// σ_t = sqrt(s²·c·mean) target code points, σ_t / c source code points), g the k-sentence
// marginal. Negative when the lengths predict each other better than chance. Needs tabulate.
inline double length_pmi_cost(const LengthModel& model, int ns, int src_len, int nt,
                              int tgt_len) {
  double l1 = src_len, l2 = tgt_len;
  double mean = std::max((l1 + l2 / model.ratio) / 2.0, 1.0);
  const double var_t = model.variance * mean * model.ratio;
  double z = std::abs(model.ratio * l1 - l2) / std::sqrt(var_t);
  double h;  // -log φ(z)
  if (!(z < kLengthMaxZ)) {
    h = length_density_cost(model, z);
  } else {
    const double x = z * kLengthSteps;
    const auto k = static_cast<std::size_t>(x);
    const double frac = x - static_cast<double>(k);
    h = model.density[k] + frac * (model.density[k + 1] - model.density[k]);
  }
  // -log f(l_t|l_s) = h + log σ_t; -log f(l_s|l_t) = h + log σ_t − log c.
  const double to_tgt = h + 0.5 * std::log(var_t) +
                        log_marginal(model.tgt, std::min(nt, 3), std::max(tgt_len, 1));
  const double to_src = h + 0.5 * std::log(var_t) - std::log(model.ratio) +
                        log_marginal(model.src, std::min(ns, 3), std::max(src_len, 1));
  if (ns > nt) return to_tgt;
  if (nt > ns) return to_src;
  return 0.5 * (to_tgt + to_src);
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
