#pragma once
// A run directory written from known parameters (docs/run-directory.md
// layout), so validation and report tests compare against the generating
// values, never against numbers computed by the code under test.
#include <optional>
#include <string>
#include <vector>

namespace gb::testing {

struct SyntheticRunSpec {
  std::string small = "Cu", large = "Zr";
  int n_small = 640, n_large = 360;  // enough large atoms to bound an escaped fraction at 1 %
  std::vector<double> isothermal_K{1800, 1600, 1400, 1200, 1000, 800, 600, 300};
  // D(T) = D0 exp(-E_D / kT) in A^2/ps, relative error D_rel_error.
  double E_D_eV = 0.40, D0_A2_ps = 10.0, D_rel_error = 0.02;
  // tau_string(T) = tau0 exp(E_s / kT) in ps; peak height h(T) = h0 + h1 (1000/T).
  double E_string_eV = 0.40, tau0_ps = 0.02, h0 = 0.10, h1 = 0.15;
  int lags_per_decade = 20;
  // Displacements over the glass stage (300 K): RMS of small / large species.
  double rms_small_A = 2.0, rms_large_A = 0.3;
  int large_jumpers = 0;  // large-species atoms that jump 3 A on top of their vibration
  long dump_span_steps = 100000;  // between the two frames (x 2 fs = 200 ps)
  // w6hat means at the glass stage (fast / slow) and the liquid (hottest).
  double w6_fast = -0.030, w6_slow = -0.060, w6_liquid = -0.025, w6_sd = 0.02;
  long n_fast = 200, n_slow = 3800;
  int order_origins = 10;                  // origins per order.json (analysis samples many frames)
  std::optional<double> equilibrate_w6;  // also an order.json for the 2000 K equilibrate stage (one frame)
  bool equilibrate_D = false;            // also an msd.json (same D law) for the 2000 K equilibrate stage
  double volume_fast_A3 = 16.0, volume_slow_A3 = 16.0;  // mean Voronoi volumes at the glass stage
  double fast_threshold_A = 2.0;                         // written to strings.json
  double hop_peak_A = 2.7;                               // hop peak of p(u, t) at long t (g(r) peaks near 2.6-2.7 A)
  bool paper_protocol = false;
  std::string purpose;                     // case.yaml purpose (empty: not written = physics)
  // thermo.csv rows (20 per stage) when true: T = set point + T offset, P = P of
  // the stage kind below, with deterministic +-noise; isotherms record `volume`.
  bool thermo = false;
  double thermo_T_offset_K = 0, isotherm_P_bar = 0, npt_P_bar = 0, noise_bar = 300;
  std::string isotherm_volume = "zero-pressure";
  bool md_dma = false;  // write analysis/md_dma.csv with peaks at 528 K and 665 K
  // Viscosity (issue 11): eta(T) = eta0 exp(E_eta / kT) at isothermal T >= 1000 K, G_inf, exponential
  // stress ACF with tau = eta / G_inf -> analysis/viscosity.csv and analysis/<stage>/stress_acf.csv.
  bool viscosity = false;
  double eta0_Pa_s = 2e-4, E_eta_eV = 0.40, G_inf_GPa = 30, eta_rel_error = 0.05;
  double maxwell_over_gk = 1.0;    // eta_Maxwell written as this multiple of eta_GK
  double gk_cutoff_over_tau = 3.0; // gk_cutoff_ps = this x tau_alpha
};

/// Write the run under `dir` (created).  Deterministic (fixed seed).
void write_synthetic_run(const std::string& dir, const SyntheticRunSpec& spec);

/// The source tree: $GLASSBENCH_SOURCE_DIR, else the configure-time path.
std::string source_dir();

/// A fresh empty temporary directory.
std::string make_temp_dir(const std::string& tag);

}  // namespace gb::testing
