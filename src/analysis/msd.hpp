#pragma once
// Mean-squared displacement per species with many time origins on log-spaced
// lags, and the self-diffusion coefficient D = lim MSD/(6t) from a straight-
// line fit in the long-time (linear) regime, with an uncertainty from
// independent time blocks (paper, Methods: "Calculation of self-diffusion
// coefficient D").
#include <string>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct MsdOptions {
  int lags_per_decade = 10;
  int origin_stride = 1;     // frames between time origins
  int max_origins = 0;       // cap per lag (0: every origin)
  int max_lag = -1;          // frames (-1: frames - 1)
  bool remove_com_drift = false;  // subtract the centre-of-mass displacement (LAMMPS `compute msd com yes`)
  std::vector<int> only_types;    // restrict "all" to these types (empty: every type)
  // D fit: MSD = 6 D t + c over [fit_from_ps, fit_to_ps].  Negative: the
  // long-time rule: the last decade of lags that keeps at least half of the
  // frames as time origins, [duration/20, duration/2].
  double fit_from_ps = -1.0;
  double fit_to_ps = -1.0;
  int blocks = 5;            // atom subsets (interleaved) for the error of D
  int fit_points = 20;       // evenly spaced lags used by the fit
  /// "Diffusive" needs the MSD at the end of the fit window above this (A^2):
  /// an atom that has on average moved beyond the paper's 2.0 A fast-atom
  /// distance has left its cage ((2.0 A)^2 = 4 A^2; a caged atom's plateau is
  /// ~0.1-0.5 A^2).
  double cage_msd_A2 = 4.0;
};

struct DiffusionFit {
  double D_A2_per_ps = 0.0;
  /// Standard error sd(subset D) / sqrt(subsets) over interleaved atom subsets
  /// (atoms are treated as independent walkers); NaN if < 2 subsets.
  double D_error_A2_per_ps = 0.0;
  double fit_from_ps = 0.0, fit_to_ps = 0.0;
  int fit_points = 0;
  double intercept_A2 = 0.0;
  /// d ln MSD / d ln t over the fit range (least squares on log-spaced lags);
  /// ~1 when diffusive, < 1 when caged.
  double loglog_slope = 0.0;
  double window_decades = 0.0;      // log10(fit_to / fit_from)
  double msd_end_A2 = 0.0;          // MSD at fit_to
  /// The stated rule: |loglog_slope - 1| < 0.15 over at least one decade of
  /// lag, and MSD(fit_to) >= cage_msd_A2 (beyond the cage).
  bool diffusive = false;
  std::string diffusive_reason;     // why not (empty when diffusive)
  std::vector<double> block_D_A2_per_ps;  // D of each atom subset
  static constexpr double kA2PerPsToM2PerS = 1e-8;  // 1 A^2/ps = 1e-20 m^2 / 1e-12 s
};

struct MsdResult {
  std::vector<int> lag_frames;
  std::vector<double> lag_ps;
  std::vector<int> origins;                 // origins averaged per lag
  std::vector<std::string> labels;          // "all", then one per species present
  std::vector<int> label_types;             // 0 for "all", else the type
  std::vector<std::vector<double>> msd_A2;  // [label][lag]
  std::vector<DiffusionFit> fits;           // [label]
};

/// element_names[t-1] names type t in labels (else "type<t>").
MsdResult compute_msd(const Trajectory& traj, const MsdOptions& opt,
                      const std::vector<std::string>& element_names = {});

/// MSD (A^2) of atom groups at the given lags using frames [first, last)
/// only; origins every `stride` frames (at most max_origins, 0 = all).
/// Returns [group][lag]; `origins_used` (optional) gets the count per lag.
std::vector<std::vector<double>> msd_at_lags(const Trajectory& traj, int first, int last,
                                             const std::vector<int>& lags,
                                             const std::vector<std::vector<int>>& groups, int stride,
                                             int max_origins, bool remove_com_drift,
                                             std::vector<int>* origins_used = nullptr);

/// Straight line y = a + b x by least squares; returns {a, b}.
std::pair<double, double> line_fit(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace gb::analysis
