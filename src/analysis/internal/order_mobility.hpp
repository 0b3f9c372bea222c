#pragma once
// Local order (Voronoi w^_6, atomic volume) per species and mobility class
// sampled over many frames of a trajectory (paper Fig. 4f, Supp. Fig. 12c):
// at each time origin o the structure of frame o is computed and every atom is
// classified fast (|r(o + lag) - r(o)| > fast_threshold_A) or slow.  Values
// are pooled over origins into histograms, and kept per origin so that
// errors (standard error over origin means) and bootstrap intervals of
// distribution distances treat each origin as one block.
//
// Which frames: origins spread evenly over [first_frame, frames - 1 - lag]
// (at most max_origins of them).  For a liquid baseline the caller skips the
// frames before equilibrium via first_frame.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/order_analysis.hpp"
#include "analysis/order_histogram.hpp"
#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct OrderSamplingOptions {
  OrderOptions order;            // neighbours and bond order (default: Voronoi, l = 4, 6)
  HistogramSpec histograms;
  int max_origins = 10;          // frames analysed (one Voronoi tessellation each)
  int first_frame = 0;           // frames before it are not sampled (equilibration)
  int lag_frames = -1;           // fast/slow lag; <= 0: no mobility classes
  double fast_threshold_A = 2.0; // the paper's fast-atom distance
};

/// Values of one quantity of one group, per origin.
struct OriginSamples {
  std::vector<std::vector<double>> per_origin;
  std::vector<double> pooled() const;
  /// Mean per origin (NaN for an origin without values).
  std::vector<double> origin_means() const;
};

struct OrderSampleGroup {
  std::string species;   // element or "all"
  std::string mobility;  // all | fast | slow
  OriginSamples w6hat, volume_A3;
};

struct OrderSampling {
  std::vector<int> origins;  // frame indices
  int lag_frames = -1;
  double fast_threshold_A = 2.0;
  OrderResult first;         // structure of the first origin (order.csv)
  std::vector<char> first_fast;
  std::vector<OrderSampleGroup> groups;
};

OrderSampling sample_order(const Trajectory& traj, const std::vector<std::string>& type_names,
                           const OrderSamplingOptions& options);

/// order.json: the order_json() document (pooled histograms per group, as
/// before) with, per group, "origins", "origin_means" and "sem" of w6hat and
/// volume_A3 (standard error over origin means), and "origin_counts": the
/// w6hat histogram of each origin on the pooled grid (for block bootstraps).
nlohmann::json order_sampling_json(const OrderSampling& s, const std::vector<int>& types,
                                   const std::vector<std::string>& type_names, const OrderSamplingOptions& options,
                                   const nlohmann::json& source);

/// Standard error of the mean over blocks (NaN values skipped; NaN if < 2).
double block_standard_error(const std::vector<double>& block_means);

}  // namespace gb::analysis
