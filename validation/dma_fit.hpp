#pragma once
// Experimental side of the validation (paper Fig. 2, 3; Methods "DMA"):
//  * Arrhenius fit of the DMA loss-peak temperature vs test frequency:
//    at the peak omega tau = 1, so tau = 1 / (2 pi f) and
//    ln tau = ln tau0 + E / (k_B T_peak)  ->  E (eV) with its fit error;
//  * an optional high-temperature liquid data set (viscosity, relaxation time
//    or diffusion coefficient vs T) -> liquid activation energy;
//  * the inheritance estimate: the Arrhenius law extrapolated to room
//    temperature, converted with the Maxwell relation eta = G_inf * tau.
// Input CSVs (units in the headers, '#' comments allowed):
//   DMA:    frequency_Hz,T_peak_K[,T_peak_error_K]
//   liquid: T_K, then one of eta_Pa_s | tau_s | D_m2_s  [,error column]
#include <optional>
#include <string>
#include <vector>

#include "analysis/linear_fit.hpp"
#include "validation/measurement.hpp"
#include "validation/reference.hpp"

namespace gb::validation {

struct DmaOptions {
  std::string dma_csv;
  std::string liquid_csv;            // optional
  std::optional<double> G_inf_GPa;   // instantaneous shear modulus for the Maxwell relation
  double T_eval_K = 293;             // "room temperature" of the paper's nanoindentation
  std::optional<double> Tg_K;        // for the E ~ 12 k_B T_g rule
  /// Relaxation time of the superfast anelasticity measured by
  /// nanoindentation at T_eval_K (s): the measured room-temperature viscosity
  /// is G_inf * tau (Maxwell), independent of any Arrhenius law.
  std::optional<double> nanoindentation_tau_s;
};

struct ArrheniusLaw {
  analysis::LineFit fit;          // ln(tau / s) = a + b / T  (b = E / k_B)
  double E_eV = 0, sigma_E_eV = 0;
  int points = 0;
  double T_min = 0, T_max = 0;
  /// log10(tau / s) at T and its 1-sigma error.
  double log10_tau(double T) const;
  double sigma_log10_tau(double T) const;
};

struct DmaAnalysis {
  ArrheniusLaw fast;                  // from the DMA peaks
  std::vector<double> frequencies_Hz; // distinct, sorted
  std::optional<double> peak_T_at_1Hz_K;
  std::optional<ArrheniusLaw> liquid; // liquid data as tau(T)
  std::string liquid_kind;            // eta_Pa_s | tau_s | D_m2_s
  DmaOptions options;
};

/// Reads and fits.  Throws gb::InputError (file:line:column: field) on bad input,
/// fewer than 3 distinct frequencies/temperatures, or a liquid viscosity/tau
/// file without --G-inf-GPa where the Maxwell relation is needed.
DmaAnalysis analyse_dma(const DmaOptions& opt);

/// Value of a `dma_fit` reference field (activation_energy_eV,
/// liquid_activation_energy_eV, fast_over_liquid_ratio,
/// log10_viscosity_rt_measured (nanoindentation tau through Maxwell),
/// log10_viscosity_rt_predicted (the fast-relaxation Arrhenius law at T_eval
/// through Maxwell; never the liquid law), log10_viscosity_measured_minus_predicted,
/// log10_tau_rt_s, log10_tau_nanoindentation_s, E_over_kTg,
/// frequencies_match_protocol, peak_T_at_1Hz_K).
Measurement dma_measurement(const DmaAnalysis& a, const Reference& ref);

/// Maxwell relation: eta (Pa s) = G_inf (Pa) * tau (s).
inline double maxwell_viscosity_Pa_s(double G_inf_Pa, double tau_s) { return G_inf_Pa * tau_s; }

}  // namespace gb::validation
