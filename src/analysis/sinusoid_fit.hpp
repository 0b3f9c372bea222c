#pragma once
// MD-DMA stress fit (paper Methods, "High-frequency DMA testing"):
//   sigma(t) = sigma0 + sigma_A sin(2 pi f t + delta)
// is linear in (sigma0, a, b) once written as
//   sigma(t) = sigma0 + a sin(2 pi f t) + b cos(2 pi f t),
//   a = sigma_A cos(delta),  b = sigma_A sin(delta),
// so ordinary linear least squares (Armadillo) gives the fit without a start
// guess or iterations.  With the applied strain eps(t) = eps_A sin(2 pi f t):
//   E'  = (sigma_A / eps_A) cos(delta) = a / eps_A   (storage modulus)
//   E'' = (sigma_A / eps_A) sin(delta) = b / eps_A   (loss modulus)
// The per-fit standard errors assume uncorrelated residuals, which thermal
// stress noise is not (it is correlated over ~0.1 ps); honest errors come from
// independent replicas (md_dma.hpp).  Units are the caller's: stress in GPa
// gives moduli in GPa, time in ps with f in 1/ps (1 GHz = 1e-3 / ps).
#include <vector>

namespace gb::analysis {

struct SinusoidFit {
  double sigma0 = 0;          // constant term (stress units)
  double a = 0, b = 0;        // sin and cos amplitudes
  double sigma_a = 0, sigma_b = 0, cov_ab = 0;  // standard errors (white-noise assumption)
  double amplitude = 0;       // sigma_A = hypot(a, b)
  double phase_rad = 0;       // delta = atan2(b, a), in (-pi, pi]
  double rms_residual = 0;
  int points = 0;
  double cycles = 0;          // f * (t_last - t_first)
};

/// Throws gb::InputError when fewer than 4 points, sizes differ, f <= 0 or
/// the samples span less than half a period (a and b are then not separable).
SinusoidFit fit_sinusoid(const std::vector<double>& t, const std::vector<double>& sigma, double frequency);

struct DynamicModuli {
  double storage = 0, loss = 0;       // E', E'' in stress units
  double sigma_storage = 0, sigma_loss = 0;  // from the fit's (white-noise) errors
  double phase_rad = 0;
};

/// E' = a/eps_A, E'' = b/eps_A.  eps_A is the strain amplitude (0.01 for 1 %).
DynamicModuli dynamic_moduli(const SinusoidFit& fit, double strain_amplitude);

}  // namespace gb::analysis
