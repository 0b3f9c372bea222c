#pragma once
// Self part of the van Hove function as the distribution of displacement
// lengths u = |r_j(t) - r_j(0)| (the displacement distribution of the
// paper's Fig. 4e), per species, at selected times t with many origins:
//   p(u, t) du = fraction of (atom, origin) pairs with u in [u, u + du),
// so that sum_u p(u,t) du = 1 (p in 1/Angstrom).  The conventional
// G_s(r,t) = p(r,t) / (4 pi r^2) follows from it.
#include <string>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct VanHoveOptions {
  std::vector<double> times_ps;   // empty: ~5 log-spaced times up to half the trajectory
  double u_max_A = 8.0;           // larger displacements go to the last (overflow) count
  double bin_A = 0.05;
  int origin_stride = 1;
  int max_origins = 50;
};

struct VanHoveResult {
  std::vector<double> t_ps;                      // actual times (whole frames)
  std::vector<double> u_A;                       // bin centres
  std::vector<std::string> labels;               // "all", then per species
  std::vector<int> label_types;                  // 0 = all
  std::vector<std::vector<std::vector<double>>> p;  // [time][label][bin], 1/Angstrom
  std::vector<std::vector<double>> beyond;       // [time][label] fraction with u >= u_max
};

VanHoveResult compute_van_hove(const Trajectory& traj, const VanHoveOptions& opt,
                               const std::vector<std::string>& element_names = {});

}  // namespace gb::analysis
