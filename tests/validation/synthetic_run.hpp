#pragma once
// A run directory written from known parameters (docs/run-directory.md
// layout), so validation and report tests compare against the generating
// values, never against numbers computed by the code under test.
#include <functional>
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

/// A Cu64Zr36 liquid-dynamics run as the standard case writes it
/// (cases/cuzr/cu64zr36-liquid-dynamics.yaml): an NPT melt at 2000 K, then NPT
/// isotherms, each with msd.json (D of all, Cu, Zr) and thermo.csv rows with
/// the density.  D(T) of species s:
///   ln D = ln D0_s - E_s/(k_B T) - c (1000/T - 1000/T_A)^2   for T < T_A (c = 0: Arrhenius)
/// rho(T) = rho0 (1 - alpha (T - 1500 K)) (+ rho_bump at T = rho_bump_T_K).
struct LiquidRunSpec {
  std::vector<double> isothermal_K{2000, 1700, 1500, 1350, 1200};
  double E_Cu_eV = 0.45, E_Zr_eV = 0.55, D0_Cu = 20.0, D0_Zr = 18.0;  // A^2/ps
  double super_T_A_K = 1450, super_c = 20;  // super_c = 0: pure Arrhenius
  double D_rel_error = 0.02;                // written as the fits' error
  double rho0_g_cm3 = 6.95, alpha_per_K = 5.8e-5;
  double rho_noise_g_cm3 = 0.002;           // per thermo row (deterministic pseudo-random)
  double rho_bump_T_K = 0, rho_bump_g_cm3 = 0;
  unsigned seed = 1;
};
void write_liquid_dynamics_run(const std::string& dir, const LiquidRunSpec& spec);

/// A replica set: DIR/replicas.yaml and DIR/replica-NN written by `write(dir, r)`.
void write_replica_set(const std::string& dir, int replicas, const std::function<void(const std::string&, int)>& write);

/// The source tree: $GLASSBENCH_SOURCE_DIR, else the configure-time path.
std::string source_dir();

/// A fresh empty temporary directory.
std::string make_temp_dir(const std::string& tag);

}  // namespace gb::testing
