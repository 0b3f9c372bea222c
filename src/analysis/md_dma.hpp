#pragma once
// MD-DMA across replicas and temperatures (paper Methods: 100 independent
// sinusoidal shear runs per temperature, ten cycles each; Supplementary
// Fig. 13: E''(T) with two peaks for Al90La10 at 665 K and 528 K).
//
// Replicas: E', E'' and delta of each replica come from fit_sinusoid; the
// temperature's value is the replica mean and its error the standard error of
// the mean, SD / sqrt(n) (n >= 2; one replica gives no error, NaN).
//
// Loss peaks of E''(T) (find_loss_peaks), the method:
//   1. candidates: interior grid temperatures whose mean E'' exceeds the
//      lower neighbour and is not below the upper one;
//   2. location: vertex of the parabola through the candidate and its two
//      neighbours (non-uniform spacing allowed), clamped to that interval;
//   3. uncertainty: parametric bootstrap (2000 draws, fixed seed) that redraws
//      every E''(T_j) from N(mean_j, SE_j), takes the largest of the three
//      window points and recomputes the vertex with its neighbours; the SD of
//      the draws is combined in quadrature with the grid term h/sqrt(12)
//      (h = half the neighbour spacing: a parabola through three grid points
//      still places a skewed peak only to within a grid cell);
//   4. persistence: the fraction of draws in which the candidate is still a
//      local maximum; prominence: the drop from E''_k to the lowest value
//      within two grid steps on each side, the smaller of the two drops,
//      over the SE of that difference (how many standard errors the maximum
//      stands out above its surroundings).
// Peaks are returned by decreasing height.
#include <string>
#include <vector>

#include "analysis/sinusoid_fit.hpp"

namespace gb::analysis {

struct ReplicaModuli {
  std::vector<DynamicModuli> replicas;  // one per replica, same units
};

struct TemperatureModuli {
  double T_K = 0;
  int replicas = 0;
  double storage = 0, storage_se = 0;   // mean E' and its standard error
  double loss = 0, loss_se = 0;         // mean E'' and its standard error
  double phase_rad = 0, phase_se = 0;   // mean delta and its standard error
};

/// Mean and standard error over replicas.  Throws gb::InputError if empty.
TemperatureModuli average_replicas(double T_K, const std::vector<DynamicModuli>& replicas);

struct LossPeak {
  double T_K = 0;            // parabolic vertex
  double sigma_T_K = 0;      // bootstrap SD (+) grid term, in quadrature
  double grid_T_K = 0;       // the grid temperature of the candidate
  double height = 0;         // mean E'' at the grid temperature
  double prominence_se = 0;  // smaller side drop (2 grid steps) / SE of the difference (inf without SEs)
  double persistence = 0;    // fraction of bootstrap draws that keep the local maximum
};

/// T need not be sorted (sorted internally); loss_se may be empty (no
/// bootstrap: grid term only) or one non-negative SE per point.  Fewer than 3
/// temperatures -> no peaks.  Throws gb::InputError on size mismatch.
std::vector<LossPeak> find_loss_peaks(const std::vector<double>& T_K, const std::vector<double>& loss,
                                      const std::vector<double>& loss_se, unsigned seed = 20220707);

/// How the peaks were found, for reports and validation.json.
std::string loss_peak_method();

}  // namespace gb::analysis
