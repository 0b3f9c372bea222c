#include "validation/internal/histogram_distance.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace gb::validation {
namespace {

std::vector<double> cdf(const Counts& c) {
  std::vector<double> f(c.size());
  double total = 0;
  for (double x : c) total += x;
  double run = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    run += c[i];
    f[i] = total > 0 ? run / total : 0.0;
  }
  return f;
}

Counts sum_blocks(const std::vector<Counts>& blocks, const std::vector<size_t>& pick) {
  Counts s(blocks.empty() ? 0 : blocks[0].size(), 0.0);
  for (size_t k : pick)
    for (size_t i = 0; i < s.size(); ++i) s[i] += blocks[k][i];
  return s;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const double pos = p * (v.size() - 1);
  const size_t i = static_cast<size_t>(std::floor(pos));
  const double f = pos - i;
  return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

}  // namespace

double ks_distance(const Counts& a, const Counts& b) {
  if (a.size() != b.size()) throw std::invalid_argument("ks_distance: histograms on different grids");
  const auto fa = cdf(a), fb = cdf(b);
  double d = 0;
  for (size_t i = 0; i < fa.size(); ++i) d = std::max(d, std::fabs(fa[i] - fb[i]));
  return d;
}

double wasserstein1(const Counts& a, const Counts& b, double bin_width) {
  if (a.size() != b.size()) throw std::invalid_argument("wasserstein1: histograms on different grids");
  const auto fa = cdf(a), fb = cdf(b);
  double w = 0;
  for (size_t i = 0; i < fa.size(); ++i) w += std::fabs(fa[i] - fb[i]) * bin_width;
  return w;
}

DistanceEstimate bootstrap_distance(const std::vector<Counts>& blocks_a, const std::vector<Counts>& blocks_b,
                                    double bin_width, bool paired, int resamples, uint64_t seed) {
  if (blocks_a.empty() || blocks_b.empty()) throw std::invalid_argument("bootstrap_distance: no blocks");
  if (paired && blocks_a.size() != blocks_b.size())
    throw std::invalid_argument("bootstrap_distance: paired blocks need equal counts");
  DistanceEstimate e;
  std::vector<size_t> all_a(blocks_a.size()), all_b(blocks_b.size());
  for (size_t k = 0; k < all_a.size(); ++k) all_a[k] = k;
  for (size_t k = 0; k < all_b.size(); ++k) all_b[k] = k;
  const Counts a = sum_blocks(blocks_a, all_a), b = sum_blocks(blocks_b, all_b);
  e.ks = ks_distance(a, b);
  e.w1 = wasserstein1(a, b, bin_width);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> ua(0, blocks_a.size() - 1), ub(0, blocks_b.size() - 1);
  std::vector<double> ks, w1;
  std::vector<size_t> pa(blocks_a.size()), pb(blocks_b.size());
  for (int r = 0; r < resamples; ++r) {
    for (auto& k : pa) k = ua(rng);
    if (paired) pb = pa;
    else
      for (auto& k : pb) k = ub(rng);
    const Counts ra = sum_blocks(blocks_a, pa), rb = sum_blocks(blocks_b, pb);
    ks.push_back(ks_distance(ra, rb));
    w1.push_back(wasserstein1(ra, rb, bin_width));
  }
  e.resamples = resamples;
  e.ks_lo = percentile(ks, 0.025);
  e.ks_hi = percentile(ks, 0.975);
  e.w1_lo = percentile(w1, 0.025);
  e.w1_hi = percentile(w1, 0.975);
  return e;
}

}  // namespace gb::validation
