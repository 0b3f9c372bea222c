#pragma once
// Distances between two distributions given as histograms on one grid (for
// samples rather than histograms see src/compare/distribution_distance.hpp), with
// block-bootstrap intervals: two-sample Kolmogorov-Smirnov statistic
// D = max |F_a - F_b| and the 1-Wasserstein (earth mover's) distance
// W1 = integral |F_a - F_b| dx (units of x).  Binning limits both to the bin
// width (W1) and to the mass of one bin (D).
//
// Bootstrap: each block (one time origin of the order analysis) is resampled
// with replacement; when both distributions come from the same origins
// (`paired`) the same block indices are drawn for both.  The interval is the
// 2.5-97.5 percentile range of the resampled distances.
#include <cstdint>
#include <vector>

namespace gb::validation {

using Counts = std::vector<double>;

double ks_distance(const Counts& a, const Counts& b);
double wasserstein1(const Counts& a, const Counts& b, double bin_width);

struct DistanceEstimate {
  double ks = 0, ks_lo = 0, ks_hi = 0;
  double w1 = 0, w1_lo = 0, w1_hi = 0;
  int resamples = 0;
};

/// blocks_a[k] / blocks_b[k]: the histogram of block k.  `paired` needs equal
/// block counts.  Deterministic for a given seed.
DistanceEstimate bootstrap_distance(const std::vector<Counts>& blocks_a, const std::vector<Counts>& blocks_b,
                                    double bin_width, bool paired, int resamples = 1000, uint64_t seed = 20220707);

}  // namespace gb::validation
