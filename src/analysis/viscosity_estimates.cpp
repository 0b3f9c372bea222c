#include "analysis/internal/viscosity_estimates.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/arrhenius_fit.hpp"
#include "analysis/statistics.hpp"
#include "core/error.hpp"
#include "core/units.hpp"

namespace gb::analysis {

namespace {
constexpr double kLn10 = 2.302585092994046;
}

ValueWithError maxwell_viscosity(ValueWithError G, ValueWithError tau) {
  ValueWithError e;
  e.value = G.value * 1e9 * tau.value * 1e-12;
  const double rg = G.value != 0 ? G.sigma / G.value : 0, rt = tau.value != 0 ? tau.sigma / tau.value : 0;
  e.sigma = std::fabs(e.value) * std::hypot(rg, rt);
  return e;
}

InheritanceEstimate inheritance_from_viscosity(const std::vector<double>& T, const std::vector<double>& eta,
                                               const std::vector<double>& sigma, double T_eval) {
  const ArrheniusFit f = fit_arrhenius(T, eta, sigma, ArrheniusKind::kTime);
  InheritanceEstimate r;
  r.T_eval_K = T_eval;
  const double x = 1.0 / (units::kBoltzmannEVPerK * T_eval);
  const double ln = f.predict_ln(T_eval);
  const double var = f.ln_prefactor.sigma * f.ln_prefactor.sigma +
                     x * x * f.activation_energy_eV.sigma * f.activation_energy_eV.sigma + 2 * x * f.covariance_Ea_lnA;
  const double q = two_sided_quantile(0.95, f.absolute_sigma ? 0 : f.dof);
  r.log10_eta_Pa_s = ln / kLn10;
  r.sigma_log10 = std::sqrt(std::max(0.0, var)) / kLn10;
  r.ci_low_log10 = r.log10_eta_Pa_s - q * r.sigma_log10;
  r.ci_high_log10 = r.log10_eta_Pa_s + q * r.sigma_log10;
  r.activation_energy_eV = f.activation_energy_eV.value;
  r.activation_energy_sigma_eV = f.activation_energy_eV.sigma;
  r.points = f.points;
  r.T_min_K = *std::min_element(T.begin(), T.end());
  r.T_max_K = *std::max_element(T.begin(), T.end());
  r.how = fmt::format("Arrhenius fit of eta(T) at {} temperatures {:.0f}..{:.0f} K (E = {:.3f} +- {:.3f} eV), "
                      "extrapolated to {:g} K",
                      r.points, r.T_min_K, r.T_max_K, r.activation_energy_eV, r.activation_energy_sigma_eV, T_eval);
  return r;
}

InheritanceEstimate inheritance_from_diffusion(const std::vector<double>& T, const std::vector<double>& D,
                                               const std::vector<double>& sigma, double T_ref,
                                               ValueWithError eta_ref, double T_eval) {
  if (!(eta_ref.value > 0)) throw InputError("inheritance estimate: the anchor viscosity must be > 0");
  if (!(T_ref > 0)) throw InputError("inheritance estimate: the anchor temperature must be > 0");
  const ArrheniusFit f = fit_arrhenius(T, D, sigma, ArrheniusKind::kRate);
  InheritanceEstimate r;
  r.T_eval_K = T_eval;
  const double dx = 1.0 / (units::kBoltzmannEVPerK * T_eval) - 1.0 / (units::kBoltzmannEVPerK * T_ref);
  const double E = f.activation_energy_eV.value, sE = f.activation_energy_eV.sigma;
  const double ln = std::log(eta_ref.value) + E * dx;
  const double s_ln_ref = eta_ref.sigma / eta_ref.value;
  const double var = s_ln_ref * s_ln_ref + dx * dx * sE * sE;
  const double q = two_sided_quantile(0.95, f.absolute_sigma ? 0 : f.dof);
  r.log10_eta_Pa_s = ln / kLn10;
  r.sigma_log10 = std::sqrt(var) / kLn10;
  // The t quantile widens the activation-energy part only; the anchor's error is Gaussian.
  const double half = std::sqrt(1.96 * 1.96 * s_ln_ref * s_ln_ref + q * q * dx * dx * sE * sE) / kLn10;
  r.ci_low_log10 = r.log10_eta_Pa_s - half;
  r.ci_high_log10 = r.log10_eta_Pa_s + half;
  r.activation_energy_eV = E;
  r.activation_energy_sigma_eV = sE;
  r.points = f.points;
  r.T_min_K = *std::min_element(T.begin(), T.end());
  r.T_max_K = *std::max_element(T.begin(), T.end());
  r.how = fmt::format("activation energy of D(T) at {} temperatures {:.0f}..{:.0f} K (E = {:.3f} +- {:.3f} eV) "
                      "carrying eta = {:.3g} Pa s at {:g} K to {:g} K",
                      r.points, r.T_min_K, r.T_max_K, E, sE, eta_ref.value, T_ref, T_eval);
  return r;
}

}  // namespace gb::analysis
