#pragma once
// Partial radial distribution functions g_ab(r) per species pair, averaged
// over frames, for periodic orthogonal or triclinic boxes:
//   g_ab(r) = n_ab(r) / (N_a * rho_b * 4/3 pi ((r+dr)^3 - r^3)),
// n_ab(r) = number of ordered pairs (i in a, j in b, j != i) at distance in
// [r, r+dr), rho_b = N_b / V.  g_total uses all atoms.  r_max must stay below
// half the narrowest box width (minimum image).
#include <string>
#include <utility>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct GrOptions {
  double r_max_A = 10.0;   // clipped to just below half the narrowest box width
  double bin_A = 0.02;
  int frame_stride = 1;    // use every stride-th frame
  int max_frames = 50;     // at most this many frames, spread evenly (0: all)
};

struct GrResult {
  std::vector<double> r_A;                       // bin centres
  std::vector<std::pair<int, int>> pairs;        // (type a, type b), a <= b; (0,0) = total
  std::vector<std::vector<double>> g;            // [pair][bin]
  int frames_used = 0;
  /// Position of the first maximum of the total g(r) (nearest-neighbour distance).
  double first_peak_A = 0.0;
};

GrResult compute_gr(const Trajectory& traj, const GrOptions& opt);

}  // namespace gb::analysis
