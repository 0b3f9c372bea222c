#pragma once
// Distances between two measured distributions or curves, with bootstrap
// intervals, for `glassbench compare`:
//  - wasserstein1: the earth mover's distance between two samples (e.g. the
//    per-atom w6hat of one species in run A and run B), in the sample's units;
//  - curve_rms: root-mean-square difference of two curves on one grid (g(r),
//    the string-ratio curve), in the curve's units;
//  - bootstrap intervals resample the independent units -- atoms, frames or
//    replicas -- of each side with replacement (percentile interval).
// The resampling stream is std::mt19937_64 mapped by our own code, so an
// interval is reproducible from its seed on every platform.
#include <cstdint>
#include <functional>
#include <vector>

namespace gb::compare {

/// W1 between the empirical distributions of a and b (both non-empty).
double wasserstein1(std::vector<double> a, std::vector<double> b);

/// RMS of (a - b) over the points where both are finite (same length).
double curve_rms(const std::vector<double>& a, const std::vector<double>& b);

/// Pointwise mean of curves (all the same length).
std::vector<double> mean_curve(const std::vector<std::vector<double>>& curves);

struct BootstrapInterval {
  double value = 0;      // the statistic on the full data
  double lo = 0, hi = 0; // percentile interval
  int resamples = 0;
};

/// Percentile bootstrap of W1 between two samples (each side resampled).
BootstrapInterval bootstrap_wasserstein1(const std::vector<double>& a, const std::vector<double>& b, int resamples,
                                         double confidence, uint64_t seed);

/// Percentile bootstrap of curve_rms(mean_curve(A), mean_curve(B)), resampling
/// whole curves (frames or replicas) of each side.
BootstrapInterval bootstrap_curve_rms(const std::vector<std::vector<double>>& a,
                                      const std::vector<std::vector<double>>& b, int resamples, double confidence,
                                      uint64_t seed);

}  // namespace gb::compare
