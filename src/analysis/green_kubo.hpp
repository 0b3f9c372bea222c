#pragma once
// Green-Kubo shear viscosity from the equilibrium pressure-tensor series of
// an NVT stage:
//   eta = V / (k_B T) * integral_0^inf <P(0) P(t)> dt,
// with <P(0)P(t)> the mean autocorrelation of the five independent traceless
// components P_xy, P_xz, P_yz, (P_xx - P_yy)/2, (P_yy - P_zz)/2 (each has
// the shear ACF in an isotropic fluid; averaging them cuts the noise).
// ACFs by FFT (Armadillo), all time origins, normalised per lag by the
// number of origins (what LAMMPS fix ave/correlate type auto ave running
// computes); running integral by the trapezoidal rule.
//
// Errors: every series (replica) is cut into `blocks` contiguous blocks of
// equal length; each block gives its own ACF and running integral, and the
// result is the mean over all blocks with standard error SD/sqrt(B).
//
// Cut-off rule: t_c is the first lag at which the block-mean ACF is smaller
// than `noise_sigmas` (default 2) standard errors of itself: from there on the
// integrand cannot be told from noise, and integrating further adds only
// noise (the error of a running integral grows like sqrt(t)).  eta = running
// integral at t_c.  If the ACF never gets there within the lag window the
// result says so (cutoff_found = false) and uses the window's end.
//
// G_inf = V/(k_B T) * ACF(0): the instantaneous (infinite-frequency) shear
// modulus of the same fluctuations (Zwanzig and Mountain, J. Chem. Phys. 43,
// 4464 (1965)), for the Maxwell relation.
// Units: pressures in bar, V in A^3, t in ps -> eta in Pa s, G in GPa.
#include <array>
#include <string>
#include <vector>

#include "analysis/stress_series.hpp"

namespace gb::analysis {

struct GreenKuboOptions {
  int blocks = 5;             // contiguous blocks per series (>= 1; >= 2 blocks in all)
  double max_lag_ps = 0;      // lag window; 0: half a block
  double noise_sigmas = 2.0;  // cut-off rule, see above
  bool subtract_mean = true;  // fluctuations about each series' mean (false: raw products, as LAMMPS)
  double temperature_K = 0;   // used for series without a temperature column (the stage set point)
};

struct GreenKuboResult {
  std::vector<double> lag_ps;
  std::vector<double> acf_bar2, acf_se_bar2;               // five-component mean; block mean and SE
  std::array<std::vector<double>, 5> component_acf_bar2;   // per component, block mean
  std::vector<double> running_eta_Pa_s, running_eta_se_Pa_s;
  double cutoff_ps = 0;
  int cutoff_index = 0;
  bool cutoff_found = false;
  double eta_Pa_s = 0, eta_se_Pa_s = 0;
  std::vector<double> block_eta_Pa_s;
  double G_inf_GPa = 0, G_inf_se_GPa = 0;
  int blocks = 0;
  double block_length_ps = 0, total_length_ps = 0, interval_ps = 0;
  double volume_A3 = 0, temperature_K = 0;  // means over all series
  /// Trajectory length (ps) for a relative standard error `target` (e.g. 0.1),
  /// scaling the measured one as 1/sqrt(length).
  double length_for_relative_error_ps(double target) const;
};

/// Names of the five components, in component_acf_bar2 order.
const std::array<const char*, 5>& green_kubo_components();

/// The five traceless components of one series (bar).
std::array<std::vector<double>, 5> traceless_components(const StressSeries& s);

/// All origins, lags 0..max_lag: c[k] = sum_i x_i x_{i+k} / (n - k).
std::vector<double> autocorrelation(const std::vector<double>& x, size_t max_lag);

/// Throws gb::InputError for no series, different sampling intervals, blocks
/// shorter than 4 samples or fewer than 2 blocks in all.
GreenKuboResult green_kubo(const std::vector<StressSeries>& series, const GreenKuboOptions& opt = {});

/// V/(k_B T) in Pa s per (bar^2 ps): eta = factor * integral.
double green_kubo_factor(double volume_A3, double temperature_K);

std::string green_kubo_method(const GreenKuboOptions& opt);

}  // namespace gb::analysis
