#pragma once
// `glassbench compare RUN_A RUN_B`: stage by stage, whether two runs (or two
// replica sets) of one case agree -- two engines, or two seeds of one engine.
// Per matching stage (same stages/NN-name in both):
//   density_g_cm3 (NPT stages), potential_energy_eV_per_atom, temperature_K,
//   pressure_bar          thermo.csv after the stage's equilibration part (or its
//                         first 20%), block averages per run, replica spread
//   D_<El>_A2_per_ps      analysis/<stage>/msd.json (diffusive fits only)
//   gr_<A>_<B>            partial g(r) per frame from the trajectory, RMS
//                         difference of the means, frames bootstrapped
//   w6hat_<El>            analysis/<stage>/order.csv, Wasserstein-1 distance of
//                         the per-atom distributions, atoms bootstrapped
//   E_A_<El>_eV           E_A over the Arrhenius range: fit of D over the high-T
//                         window above the crossover, the rule validate uses
//                         (analysis/arrhenius_range.hpp; >= 4 distinct isothermal
//                         T with diffusive fits), per run
//   E_A_all_T_<El>_eV     Arrhenius fit of D over every isothermal T (>= 3),
//                         unweighted, per run: mixes the super-Arrhenius range
//   T_A_<El>_K            Arrhenius crossover of D (analysis/arrhenius_crossover.hpp,
//                         >= 4 distinct isothermal T), per run
//   thermal_expansion_per_K  alpha_V = -d ln(rho)/dT over the isothermal NPT
//                         stages' production densities (>= 3 T), per run, fitted
//                         with their block errors as validate does
//                         (analysis/thermal_expansion.hpp)
//   string_ratio          analysis/<stage>/strings.csv, RMS difference of the
//                         curves, replicas bootstrapped (needs >= 2 per side)
// Scalars are decided by two one-sided tests (compare/equivalence.hpp) on the
// replica interval (the spread of per-replica means; a single run falls back on
// its block-average error and says so), distributions by their distance's
// bootstrap interval against a margin.  Every margin has a one-line reason
// (kMargins in run_comparison.cpp, docs/compare.md).
//
// A run set is a run directory, or a replica-set directory holding
// replicas.yaml and replica-NN/ run directories (glassbench run --replicas N).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/equivalence.hpp"

namespace gb::compare {

struct RunSet {
  std::string root;               // as given
  std::vector<std::string> runs;  // run directories (1, or one per replica)
  std::string engine;             // from provenance.yaml ("openmm" when absent)
};

/// Throws gb::InputError when `dir` is neither a run nor a replica set.
RunSet open_run_set(const std::string& dir);

struct CompareOptions {
  double alpha = 0.05;          // TOST level (the 90% interval)
  double confidence = 0.90;     // bootstrap interval
  int bootstrap = 400;          // resamples
  uint64_t seed = 20220707;     // bootstrap stream
  double skip_fraction = 0.2;   // of a stage's thermo rows, when it has no equilibration part
  int gr_frames = 10;           // frames per run for g(r)
  double gr_r_max_A = 6.0, gr_bin_A = 0.1;
  std::vector<std::string> only;  // observable prefixes to keep (empty: all)
};

struct Comparison {
  std::string stage, observable, units, method;
  Estimate a, b;                // scalar observables; for distances a.value = distance
  Verdict verdict = Verdict::Inconclusive;
  double difference = 0, lo = 0, hi = 0, margin = 0;
  std::string reason, margin_reason;
  bool is_distance = false;
};

/// Diffusive D per species (A^2/ps, with the fit's block error, NaN if none)
/// from an analysis/<stage>/msd.json; species without a diffusive fit are left
/// out; a missing file gives an empty map.  Read by the typed reader
/// rundir::read_msd_file (gb::InputError on bad JSON or a missing field).
struct SpeciesD {
  double D_A2_per_ps = 0, error_A2_per_ps = 0;
};
std::map<std::string, SpeciesD> diffusive_D(const std::string& msd_json_path);

std::vector<Comparison> compare_run_sets(const RunSet& a, const RunSet& b, const CompareOptions& opt);

std::string comparisons_table(const std::vector<Comparison>& c);
nlohmann::json comparisons_json(const std::vector<Comparison>& c, const RunSet& a, const RunSet& b);
std::string comparisons_junit(const std::vector<Comparison>& c, const RunSet& a, const RunSet& b);

}  // namespace gb::compare
