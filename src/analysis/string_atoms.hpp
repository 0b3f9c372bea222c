#pragma once
// Fast-moving and string-like atoms (paper, Methods "Ratio of string-like
// diffusion"): over a time interval t,
//   atom j is fast         if |r_j(t) - r_j(0)| > fast_threshold_A   (2.0 A),
//   atom j is string-like  if |r_j(t) - r_k(0)| < string_threshold_A (0.3 A)
//                          for some other atom k (minimum image),
// and the intensity of string-like diffusion is N_string / N_fast.  We count
// a string-like atom only if it is also fast (with the paper's thresholds
// every string-like atom is fast anyway: reaching a neighbour's old site
// means moving ~ r_nn - 0.3 A > 2 A), so the ratio lies in [0, 1].
//
// The counts are averaged over many time origins at log-spaced t; the ratio
// is sum(N_string) / sum(N_fast) over origins.  tau_string is the t where
// the ratio peaks (the relaxation time of string-like diffusion, Fig. 5b).
#include <string>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct StringOptions {
  double fast_threshold_A = 2.0;
  double string_threshold_A = 0.3;
  int lags_per_decade = 10;
  int origin_stride = 1;
  int max_origins = 50;         // per lag; spread evenly over the trajectory
  int max_lag = -1;             // frames (-1: frames - 1)
  /// Lags whose mean N_fast per origin is below this are not peak candidates
  /// (the ratio of two tiny counts is noise).
  double min_fast_per_origin = 1.0;
};

struct FastStringCount {
  int n_fast = 0;
  int n_string = 0;
};

/// Counts for one pair of frames (origin, later).  Minimum image uses the
/// origin's box.  `string_partner` (optional) receives, per atom, the index
/// k of the atom whose old site j reached (-1 if none).
FastStringCount count_fast_and_string(const Box& box0, const std::vector<Vec3>& r0, const std::vector<Vec3>& rt,
                                      const StringOptions& opt, std::vector<int>* string_partner = nullptr);

struct StringRatioResult {
  std::vector<int> lag_frames;
  std::vector<double> t_ps;
  std::vector<int> origins;
  std::vector<double> n_fast;    // mean per origin
  std::vector<double> n_string;  // mean per origin
  std::vector<double> ratio;     // sum n_string / sum n_fast (NaN if no fast atoms)
  // Peak over the candidate lags (see min_fast_per_origin); peak_index = -1 if none.
  int peak_index = -1;
  double tau_string_ps = 0.0;
  double peak_ratio = 0.0;
  std::string no_peak_reason;  // set when peak_index = -1 ("no peak")
};

StringRatioResult compute_string_ratio(const Trajectory& traj, const StringOptions& opt);

}  // namespace gb::analysis
