#pragma once
// Lindemann ratio: root-mean-square fluctuation of atoms about their
// time-averaged positions over the trajectory, divided by the nearest-
// neighbour distance (first peak of g(r)):
//   delta_L = sqrt( N^-1 sum_i < |r_i(t) - <r_i>_t|^2 >_t ) / r_nn,
// with the centre-of-mass drift removed frame by frame.  Meaningful for
// solids/glasses (atoms vibrate about fixed sites); in a liquid it grows
// with the trajectory length (diffusion), which is itself the signature of
// melting (Lindemann criterion delta_L ~ 0.1-0.15).
#include <string>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct LindemannResult {
  double ratio = 0.0;
  double rms_fluctuation_A = 0.0;
  double nn_distance_A = 0.0;
  std::vector<int> types;             // per species present
  std::vector<double> ratio_per_type; // same definition restricted to each species
};

LindemannResult lindemann_ratio(const Trajectory& traj, double nn_distance_A);

}  // namespace gb::analysis
