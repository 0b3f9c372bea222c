#pragma once
// Viscosity from relaxation (Maxwell) and the paper's inheritance estimate,
// from simulated data (issue 11 §2):
//
//  * Maxwell: eta = G_inf * tau, errors propagated to first order
//    (relative errors add in quadrature: G_inf and tau come from different
//    observables of the same run and are treated as independent).
//  * Inheritance (paper Fig. 3, "the viscosity of inherited liquid-like atoms
//    at r.t."): the liquid's Arrhenius law extrapolated to T_eval (293 K).
//    From viscosities eta(T) (Green-Kubo or Maxwell): ln eta = ln A + E/(k_B T)
//    fitted (weighted when errors are given) and evaluated at T_eval, with the
//    fit covariance.  From diffusion D(T): the activation energy of D
//    (ln D = ln A - E/(k_B T)) carries a viscosity measured at an anchor
//    temperature down to T_eval, eta(T) = eta_ref exp(E (1/T - 1/T_ref)/k_B)
//    (the paper's premise: liquid diffusion and viscosity share the
//    activation energy).  Intervals: 95 %, Student's t on the fit's degrees of
//    freedom without per-point errors, the normal law with them.
#include <string>
#include <vector>

namespace gb::analysis {

struct ValueWithError {
  double value = 0, sigma = 0;
};

/// eta (Pa s) = G_inf (GPa) * 1e9 * tau (ps) * 1e-12, first-order error.
ValueWithError maxwell_viscosity(ValueWithError G_inf_GPa, ValueWithError tau_ps);

struct InheritanceEstimate {
  double T_eval_K = 293;
  double log10_eta_Pa_s = 0, sigma_log10 = 0;
  double ci_low_log10 = 0, ci_high_log10 = 0;  // 95 %
  double activation_energy_eV = 0, activation_energy_sigma_eV = 0;
  int points = 0;
  double T_min_K = 0, T_max_K = 0;             // data range
  std::string how;
};

/// sigma may be empty.  Throws gb::InputError (via fit_arrhenius) on bad data.
InheritanceEstimate inheritance_from_viscosity(const std::vector<double>& T_K, const std::vector<double>& eta_Pa_s,
                                               const std::vector<double>& sigma_Pa_s, double T_eval_K = 293);

/// D in any unit (only its activation energy is used); anchor: a viscosity
/// (Pa s, with error) measured at T_ref_K.
InheritanceEstimate inheritance_from_diffusion(const std::vector<double>& T_K, const std::vector<double>& D,
                                               const std::vector<double>& sigma_D, double T_ref_K,
                                               ValueWithError eta_ref_Pa_s, double T_eval_K = 293);

}  // namespace gb::analysis
