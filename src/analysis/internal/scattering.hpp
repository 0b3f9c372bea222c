#pragma once
// Static structure factor S(q) and self-intermediate scattering function
// F_s(q, t), for the alpha-relaxation time of the Maxwell relation
// (eta = G_inf tau_alpha, issue 11 §2):
//
//   S(q)      = < |sum_j exp(i q.r_j)|^2 > / N over the wave vectors of the
//               periodic box (q = h a* + k b* + l c*, 2 pi included), binned
//               in |q|, averaged over frames; q1 = first peak, the maximum in
//               [peak_q_min, peak_q_max] refined by a parabola through the
//               highest bin and its neighbours.
//   F_s(q, t) = < sin(q |dr_j(t)|) / (q |dr_j(t)|) > over atoms and time
//               origins: the exact isotropic (orientation) average of
//               cos(q.dr) for an isotropic system.
//   tau_alpha = first time with F_s(q1, t) = 1/e, by linear interpolation of
//               ln F_s in t between the bracketing lags; its error is the
//               standard error over `blocks` contiguous trajectory segments
//               (each gives its own tau_alpha).
// Units: Angstrom, 1/Angstrom, ps.  Boxes may be triclinic.
#include <string>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct StructureFactorOptions {
  double q_max = 6.0;            // 1/A
  double bin = 0.05;             // 1/A
  int max_frames = 5;            // frames used, spread evenly (0: all)
  int max_vectors_per_bin = 300; // keep at most this many q vectors per bin, evenly strided (0: all)
  double peak_q_min = 1.5, peak_q_max = 4.5;  // window for the first peak (metallic melts: 2.5-3 1/A)
};

struct StructureFactor {
  std::vector<double> q;      // bin mean |q| over the vectors used
  std::vector<double> S;
  std::vector<int> vectors;   // vectors per bin (q and -q counted once)
  int frames_used = 0;
  double q1 = NAN;            // first peak position, 1/A (NaN if none in the window)
  double S_q1 = NAN;
};

StructureFactor compute_structure_factor(const Trajectory& traj, const StructureFactorOptions& opt = {});

struct SelfScatteringOptions {
  int per_decade = 20;      // log-spaced lags
  int max_origins = 200;    // time origins per lag (evenly spread)
  int blocks = 5;           // trajectory segments for the error of tau_alpha
  int type = 0;             // 0: all atoms, else this LAMMPS type only
};

struct SelfScattering {
  double q = 0;                 // 1/A
  std::vector<double> t_ps;     // lags (t = 0 included, F_s = 1)
  std::vector<double> Fs;
  double tau_alpha_ps = NAN;    // NaN: F_s did not fall to 1/e within the trajectory
  double tau_alpha_se_ps = NAN; // NaN when fewer than 2 segments reached 1/e
  std::vector<double> block_tau_ps;
  std::string note;             // why tau or its error is missing
};

/// F_s(q, t) of an unwrapped trajectory.  Throws gb::InputError for q <= 0 or
/// fewer than 2 frames.
SelfScattering compute_self_scattering(const Trajectory& traj, double q, const SelfScatteringOptions& opt = {});

/// First time with F = 1/e (log-linear interpolation), NaN if never.
double relaxation_time_1_over_e(const std::vector<double>& t, const std::vector<double>& F);

}  // namespace gb::analysis
