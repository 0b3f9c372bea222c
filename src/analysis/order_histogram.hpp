#pragma once
// Distributions of the per-atom structural quantities (neighbour count,
// Voronoi volume, q_l, w^_l) per species and per mobility class (fast vs slow
// atoms, e.g. Fig. 4f of Chang et al.: w^_6 of fast vs all Al atoms).
#include <string>
#include <vector>

#include "analysis/order_analysis.hpp"

namespace gb::analysis {

/// A fixed-range histogram.  Values outside [lo, hi) are counted in below /
/// above, NaN values (undefined, e.g. w^_l with q_l = 0) in undefined; mean
/// and standard deviation are over every finite value.
struct Histogram {
  std::string quantity;  // "nneigh", "volume_A3", "q6", "w6hat", ...
  double lo = 0, hi = 1;
  std::vector<long> counts;
  long below = 0, above = 0, undefined = 0;
  long finite = 0;
  double mean = 0, stddev = 0;
  double bin_width() const { return counts.empty() ? 0 : (hi - lo) / counts.size(); }
};

Histogram make_histogram(const std::string& quantity, const std::vector<double>& values,
                         const std::vector<char>& selected, double lo, double hi, int bins);

/// Ranges and bin counts.  Defaults: q_l in [0, 1), w^_l in [-0.25, 0.25)
/// (|w^_6| <= 0.17 for every shell we know of), volumes over the frame's own
/// range, neighbour counts one bin per integer.
struct HistogramSpec {
  int bins = 100;
  double q_lo = 0.0, q_hi = 1.0;
  double w_hat_lo = -0.25, w_hat_hi = 0.25;
};

/// One group of atoms: a species (element name, or "all") and a mobility
/// class ("all", "fast", "slow").
struct OrderHistogramGroup {
  std::string species;
  std::string mobility;
  long atoms = 0;
  std::vector<Histogram> histograms;
};

/// Groups: every species and "all", each for mobility "all" and, when
/// `fast` is non-empty (one flag per atom), "fast" and "slow".
/// type_names[t-1] names LAMMPS type t ("type<t>" where missing).
std::vector<OrderHistogramGroup> order_histograms(const OrderResult& result, const std::vector<int>& types,
                                                  const std::vector<std::string>& type_names,
                                                  const std::vector<char>& fast, const HistogramSpec& spec = {});

/// Fast atoms: displacement above the threshold (the paper: 2.0 Angstrom).
std::vector<char> fast_atoms(const std::vector<double>& displacement_A, double threshold_A);

}  // namespace gb::analysis
