// Gale, W. A. & Church, K. W. (1993). A program for aligning sentences in bilingual corpora.
// Computational Linguistics 19(1), 75–102. Length parameters are estimated from the run's own
// documents (ratio from totals, variance robustly from a first pass), not fixed constants.
#include "align/length_model.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tilmash::align::detail {

namespace {

// log(2·(1 − Φ(z))) = log erfc(z/√2) for z >= 0; asymptotic form where erfc underflows.
double log_tail(double z) {
  double x = z / std::sqrt(2.0);
  if (x < 5.0) return std::log(std::max(std::erfc(x), 1e-300));
  return -(x * x + std::log(x * std::sqrt(M_PI)));
}

}  // namespace

double length_tail_cost(const LengthModel& model, double z) {
  const double inlier = log_tail(z);
  if (model.outlier_share <= 0) return -inlier;
  const double outlier = log_tail(z / model.outlier_scale);
  const double a = std::log1p(-model.outlier_share) + inlier;
  const double b = std::log(model.outlier_share) + outlier;
  const double hi = std::max(a, b);
  return std::max(0.0, -(hi + std::log1p(std::exp(std::min(a, b) - hi))));
}

double length_density_cost(const LengthModel& model, double z) {
  // log φ(z) = −z²/2 − ½·log 2π; the outlier component has density φ(z/k)/k.
  const double half_log_2pi = 0.5 * std::log(2 * M_PI);
  const double inlier = -0.5 * z * z - half_log_2pi;
  if (model.outlier_share <= 0) return -inlier;
  const double y = z / model.outlier_scale;
  const double outlier = -0.5 * y * y - half_log_2pi - std::log(model.outlier_scale);
  const double a = std::log1p(-model.outlier_share) + inlier;
  const double b = std::log(model.outlier_share) + outlier;
  const double hi = std::max(a, b);
  return -(hi + std::log1p(std::exp(std::min(a, b) - hi)));
}

void tabulate(LengthModel& model) {
  const std::size_t n = static_cast<std::size_t>(kLengthMaxZ * kLengthSteps) + 2;
  model.table.resize(n);
  model.density.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double z = static_cast<double>(k) / kLengthSteps;
    model.table[k] = length_tail_cost(model, z);
    model.density[k] = length_density_cost(model, z);
  }
}

void fit_marginal(LengthModel::Marginal& m, double sum, double sum_sq, double count) {
  m.shape = 1.0;
  m.scale = 100.0;
  if (count >= 2 && sum > 0) {
    const double mean = sum / count;
    const double var = (sum_sq - sum * mean) / (count - 1);
    if (var > 0) {
      m.shape = mean * mean / var;
      m.scale = var / mean;
    }
  }
  for (int k = 0; k <= 3; ++k) {
    const double a = std::max(k, 1) * m.shape;
    m.log_norm[k] = -std::lgamma(a) - a * std::log(m.scale);
  }
}

double estimate_ratio(double src_total, double tgt_total) {
  if (src_total <= 0 || tgt_total <= 0) return 1.0;
  return tgt_total / src_total;
}

double estimate_ratio(std::span<const std::pair<int, int>> pairs, double prior,
                      double prior_weight) {
  double l1 = 0, l2 = 0;
  for (auto [a, b] : pairs) {
    l1 += a;
    l2 += b;
  }
  if (l1 <= 0 || l2 <= 0) return prior;
  const double n = static_cast<double>(pairs.size());
  return (n * (l2 / l1) + prior_weight * prior) / (n + prior_weight);
}

double estimate_variance(std::span<const std::pair<int, int>> pairs, double ratio, double prior,
                         double prior_weight) {
  std::vector<double> r;
  r.reserve(pairs.size());
  for (auto [l1, l2] : pairs) {
    double mean = std::max((l1 + l2 / ratio) / 2.0, 1.0);
    double d = ratio * l1 - l2;
    r.push_back(d * d / (mean * ratio));
  }
  if (r.empty()) return prior;
  auto mid = r.begin() + static_cast<std::ptrdiff_t>(r.size() / 2);
  std::nth_element(r.begin(), mid, r.end());
  double est = std::clamp(*mid / 0.455, 0.5, 100.0);
  double n = static_cast<double>(r.size());
  return (n * est + prior_weight * prior) / (n + prior_weight);
}

}  // namespace tilmash::align::detail
