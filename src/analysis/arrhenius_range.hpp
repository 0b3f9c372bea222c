#pragma once
// The activation energy of a rate (self-diffusion D) over the Arrhenius range:
// the high-temperature window of find_arrhenius_crossover (grown from the 3
// hottest points while each next colder point stays on the line), fitted as
// ln D = a - E/(k_B T) with the per-point errors sigma_D / D (THE line fit,
// linear_fit.hpp: weighted when every error is known, unweighted otherwise).
// Below the crossover T_A a supercooled liquid is super-Arrhenius, so a fit
// over every temperature mixes two regimes; this is the one definition of
// "E_A over the Arrhenius range" that `validate` (probe arrhenius_crossover,
// field E_high) and `compare` (E_A_<El>_eV) share.
#include <string>
#include <vector>

#include "analysis/arrhenius_crossover.hpp"

namespace gb::analysis {

/// An Arrhenius activation energy (eV) of a rate over some points.
struct ArrheniusEnergy {
  double E_eV = 0.0, sigma_eV = 0.0;  // sigma from the line fit's convention (linear_fit.hpp)
  int points = 0, dof = 0;
  double T_min_K = 0.0, T_max_K = 0.0;
  std::string range;                   // "4 points, 1500-2000 K"
};

/// ln y = a - E/(k_B T) over the given points (>= 2, distinct T), weighted by
/// sigma_y / y when every sigma_y is a positive finite number (sigma_y may be
/// empty).  Throws gb::InputError for fewer than 2 points or y <= 0.
ArrheniusEnergy arrhenius_energy(const std::vector<double>& T_K, const std::vector<double>& y,
                                 const std::vector<double>& sigma_y);

struct ArrheniusRangeEnergy {
  ArrheniusCrossover crossover;  // the window and T_A (found = false: the whole range is Arrhenius)
  ArrheniusEnergy energy;        // over the window's points
};

/// E over the high-T Arrhenius window of (T_K, y) (>= 4 points, one per
/// temperature; any order).  Throws gb::InputError as find_arrhenius_crossover.
ArrheniusRangeEnergy arrhenius_range_energy(const std::vector<double>& T_K, const std::vector<double>& y,
                                            const std::vector<double>& sigma_y);

}  // namespace gb::analysis
