#pragma once
// The Arrhenius crossover temperature T_A: the temperature below which the
// data leave the high-temperature Arrhenius line.  Stated criterion:
//  1. High-T window: start with the 3 hottest points, fit Arrhenius, and add
//     the next colder point while it lies within `window_tolerance_ln`
//     (default threshold/4) of the current fit's prediction; refit after each
//     addition.  The tolerance is tighter than the threshold so that points
//     already bending away do not tilt the reference line.
//  2. T_A is where |ln y - ln y_fit| first exceeds threshold_ln going down
//     in temperature, by linear interpolation in T between the last point
//     inside and the first point outside.  Default threshold: ln(1.10),
//     i.e. a 10 % departure from the Arrhenius value.
// found = false when every point stays on the line (T_A below the data).
#include <string>
#include <vector>

#include "analysis/arrhenius_fit.hpp"

namespace gb::analysis {

struct ArrheniusCrossover {
  bool found = false;
  double T_A_K = 0.0;
  double threshold_ln = 0.0;
  int window_points = 0;           // points in the high-T Arrhenius window
  double window_T_min_K = 0.0;     // coldest temperature in the window
  ArrheniusFit high_T_fit;
  std::vector<double> deviation_ln;  // ln y - ln y_fit, per input point (input order)
  std::string criterion;           // the rule above in one sentence, with the threshold
};

ArrheniusCrossover find_arrhenius_crossover(const std::vector<double>& T_K, const std::vector<double>& y,
                                            ArrheniusKind kind, double threshold_ln = 0.09531017980432493,
                                            double window_tolerance_ln = -1.0 /* threshold/4 */);

}  // namespace gb::analysis
