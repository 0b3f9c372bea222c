#include "validation/dma_fit.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/units.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {
namespace {

constexpr double kLn10 = 2.302585092994046;

const std::vector<double>* column(const std::vector<std::pair<std::string, std::vector<double>>>& cols,
                                  const std::string& name) {
  for (auto& [n, v] : cols)
    if (n == name) return &v;
  return nullptr;
}

ArrheniusLaw fit_law(const std::vector<double>& T, const std::vector<double>& ln_tau, const std::vector<double>& sigma) {
  ArrheniusLaw law;
  std::vector<double> x;
  for (double t : T) x.push_back(1.0 / t);
  law.fit = analysis::fit_line(x, ln_tau, sigma);
  law.E_eV = law.fit.slope.value * units::kBoltzmannEVPerK;
  law.sigma_E_eV = law.fit.slope.sigma * units::kBoltzmannEVPerK;
  law.points = static_cast<int>(T.size());
  law.T_min = *std::min_element(T.begin(), T.end());
  law.T_max = *std::max_element(T.begin(), T.end());
  return law;
}

}  // namespace

double ArrheniusLaw::log10_tau(double T) const { return fit.at(1.0 / T) / kLn10; }
double ArrheniusLaw::sigma_log10_tau(double T) const { return fit.sigma_at(1.0 / T) / kLn10; }

DmaAnalysis analyse_dma(const DmaOptions& opt) {
  DmaAnalysis a;
  a.options = opt;
  auto cols = read_numeric_csv(opt.dma_csv);
  const auto* f = column(cols, "frequency_Hz");
  const auto* T = column(cols, "T_peak_K");
  if (!f || !T) throw InputError({opt.dma_csv, 1, 1}, "header", "expected columns frequency_Hz,T_peak_K[,T_peak_error_K]");
  const auto* Terr = column(cols, "T_peak_error_K");
  std::vector<double> ln_tau, sig;
  std::set<double> distinct;
  for (size_t i = 0; i < f->size(); ++i) {
    if ((*f)[i] <= 0) throw InputError({opt.dma_csv, 0, 0}, "frequency_Hz", fmt::format("row {}: must be > 0", i + 1));
    if ((*T)[i] <= 0) throw InputError({opt.dma_csv, 0, 0}, "T_peak_K", fmt::format("row {}: must be > 0", i + 1));
    ln_tau.push_back(-std::log(2 * M_PI * (*f)[i]));
    distinct.insert((*f)[i]);
    if ((*f)[i] == 1.0) a.peak_T_at_1Hz_K = (*T)[i];
  }
  a.frequencies_Hz.assign(distinct.begin(), distinct.end());
  if (distinct.size() < 3)
    throw InputError({opt.dma_csv, 0, 0}, "frequency_Hz",
                     fmt::format("need at least 3 distinct frequencies for an Arrhenius fit with an error, got {}", distinct.size()));
  a.fast = fit_law(*T, ln_tau, {});
  if (Terr) {
    // Temperature errors map to ln tau through the slope: sigma = b sigma_T / T^2.
    for (size_t i = 0; i < T->size(); ++i) sig.push_back(std::fabs(a.fast.fit.slope.value) * (*Terr)[i] / ((*T)[i] * (*T)[i]));
    a.fast = fit_law(*T, ln_tau, sig);
  }
  if (!opt.liquid_csv.empty()) {
    auto lc = read_numeric_csv(opt.liquid_csv);
    const auto* lT = column(lc, "T_K");
    if (!lT) throw InputError({opt.liquid_csv, 1, 1}, "header", "expected a T_K column");
    std::vector<double> y, s;
    for (const char* kind : {"eta_Pa_s", "tau_s", "D_m2_s"}) {
      const auto* v = column(lc, kind);
      if (!v) continue;
      a.liquid_kind = kind;
      const auto* err = column(lc, std::string(kind) == "eta_Pa_s" ? "eta_error_Pa_s"
                                   : std::string(kind) == "tau_s" ? "tau_error_s" : "D_error_m2_s");
      for (size_t i = 0; i < v->size(); ++i) {
        if ((*v)[i] <= 0) throw InputError({opt.liquid_csv, 0, 0}, kind, fmt::format("row {}: must be > 0", i + 1));
        double ln = std::log((*v)[i]);
        if (a.liquid_kind == "eta_Pa_s") {
          if (!opt.G_inf_GPa) throw InputError("--G-inf-GPa: needed to turn liquid viscosity into tau (Maxwell eta = G tau)");
          ln -= std::log(*opt.G_inf_GPa * 1e9);  // tau = eta / G_inf
        } else if (a.liquid_kind == "D_m2_s") {
          ln = -ln;  // tau ~ 1/D: only the slope (E) is meaningful
        }
        y.push_back(ln);
        if (err) s.push_back((*err)[i] / (*v)[i]);
      }
      break;
    }
    if (a.liquid_kind.empty())
      throw InputError({opt.liquid_csv, 1, 1}, "header", "expected one of eta_Pa_s, tau_s, D_m2_s next to T_K");
    if (lT->size() < 3) throw InputError({opt.liquid_csv, 0, 0}, "T_K", "need at least 3 temperatures");
    a.liquid = fit_law(*lT, y, s);
  }
  return a;
}

Measurement dma_measurement(const DmaAnalysis& a, const Reference& ref) {
  const std::string field = ref.param_string("field");
  const auto& fast = a.fast;
  const std::string fast_how = fmt::format("Arrhenius fit of {} DMA peaks, {:g}..{:g} Hz, T_peak {:.1f}..{:.1f} K",
                                           fast.points, a.frequencies_Hz.front(), a.frequencies_Hz.back(), fast.T_min, fast.T_max);
  if (field == "activation_energy_eV") return Measurement::of(fast.E_eV, fast.sigma_E_eV, fast_how);
  if (field == "frequencies_match_protocol") {
    const bool same = a.frequencies_Hz == std::vector<double>{1, 2, 4, 8, 16};
    std::string fs;
    for (double v : a.frequencies_Hz) fs += fmt::format("{}{:g}", fs.empty() ? "" : ", ", v);
    return Measurement::of(same ? 1 : 0, 0, "frequencies " + fs + " Hz");
  }
  if (field == "peak_T_at_1Hz_K") {
    if (!a.peak_T_at_1Hz_K) return Measurement::skipped("missing data: no 1 Hz row in the DMA file");
    return Measurement::of(*a.peak_T_at_1Hz_K, NAN, "1 Hz row of the DMA file");
  }
  if (field == "E_over_kTg") {
    if (!a.options.Tg_K) return Measurement::skipped("missing input: --Tg-K not given");
    const double kTg = units::kBoltzmannEVPerK * *a.options.Tg_K;
    return Measurement::of(fast.E_eV / kTg, fast.sigma_E_eV / kTg, fmt::format("E_fast / (k_B * {:g} K)", *a.options.Tg_K));
  }
  if (field == "log10_tau_rt_s") {
    const double T = a.options.T_eval_K;
    return Measurement::of(fast.log10_tau(T), fast.sigma_log10_tau(T), fast_how + fmt::format(", extrapolated to {:g} K", T));
  }
  if (field == "liquid_activation_energy_eV" || field == "fast_over_liquid_ratio") {
    if (!a.liquid) return Measurement::skipped("missing input: no --liquid-csv");
    const auto& L = *a.liquid;
    const std::string how = fmt::format("Arrhenius fit of liquid {} at {} temperatures, {:.0f}..{:.0f} K", a.liquid_kind,
                                        L.points, L.T_min, L.T_max);
    if (field == "liquid_activation_energy_eV") return Measurement::of(L.E_eV, L.sigma_E_eV, how);
    const double r = fast.E_eV / L.E_eV;
    return Measurement::of(r, std::fabs(r) * std::hypot(fast.sigma_E_eV / fast.E_eV, L.sigma_E_eV / L.E_eV),
                           fmt::format("E_fast = {:.3f} ± {:.3f} eV; E_liquid = {:.3f} ± {:.3f} eV ({})", fast.E_eV,
                                       fast.sigma_E_eV, L.E_eV, L.sigma_E_eV, how));
  }
  if (field == "log10_tau_nanoindentation_s") {
    if (!a.options.nanoindentation_tau_s) return Measurement::skipped("missing input: --nanoindentation-tau-s");
    return Measurement::of(std::log10(*a.options.nanoindentation_tau_s), NAN,
                           fmt::format("nanoindentation relaxation time {:g} s (input)", *a.options.nanoindentation_tau_s));
  }
  if (field.rfind("log10_viscosity_", 0) == 0) {
    if (!a.options.G_inf_GPa) return Measurement::skipped("missing input: --G-inf-GPa (Maxwell relation eta = G_inf tau)");
    const double T = a.options.T_eval_K;
    const double G = *a.options.G_inf_GPa;
    const double log10_G = std::log10(G * 1e9);
    // Predicted: the fast relaxation's Arrhenius law (Fig. 3 blue line) at T;
    // the liquid data never replace it (they are a separate check).
    const double pred = log10_G + fast.log10_tau(T), pred_sigma = fast.sigma_log10_tau(T);
    const std::string pred_how =
        fmt::format("fast-relaxation (DMA) Arrhenius law extrapolated to {:g} K, eta = G_inf tau, G_inf = {:g} GPa", T, G);
    if (field == "log10_viscosity_rt_predicted") return Measurement::of(pred, pred_sigma, pred_how);
    if (!a.options.nanoindentation_tau_s)
      return Measurement::skipped("missing input: --nanoindentation-tau-s (the measured relaxation time)");
    const double tau = *a.options.nanoindentation_tau_s;
    const double meas = log10_G + std::log10(tau);
    const std::string meas_how = fmt::format("nanoindentation tau = {:g} s, eta = G_inf tau, G_inf = {:g} GPa", tau, G);
    if (field == "log10_viscosity_rt_measured") return Measurement::of(meas, NAN, meas_how);
    if (field == "log10_viscosity_measured_minus_predicted")
      return Measurement::of(meas - pred, pred_sigma,
                             fmt::format("measured {:.3f} ({}) - predicted {:.3f} ({})", meas, meas_how, pred, pred_how));
  }
  throw InputError(ref.where, "check.field", "unknown dma_fit field '" + field + "'");
}

}  // namespace gb::validation
