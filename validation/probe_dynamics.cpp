// Probes on the temperature dependence of the dynamics: Arrhenius activation
// energies from D(T) and tau_string(T), their ratio, the extrapolation of
// tau_string to room temperature, and the trends of the string-ratio peak.
#include <cmath>

#include <fmt/format.h>

#include "core/units.hpp"
#include "analysis/linear_fit.hpp"
#include "validation/internal/probe.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {
namespace {

constexpr int kMinTemperatures = 3;  // a line through 2 points has no error estimate

std::string join(const std::vector<std::string>& v, size_t max = 4) {
  std::string s;
  for (size_t i = 0; i < v.size() && i < max; ++i) s += (i ? "; " : "") + v[i];
  if (v.size() > max) s += fmt::format("; ... ({} more)", v.size() - max);
  return s;
}

struct Arrhenius {
  bool ok = false;
  double E_eV = 0, sigma_eV = 0;
  analysis::LineFit fit;  // y = ln(quantity), x = 1/T
  int n = 0;
  std::string why, detail;
};

/// E from ln D = a - E/(kT) over liquid stages T >= T_min.
Arrhenius liquid_energy(const RunDirectory& run, double T_min, const std::string& label) {
  Arrhenius r;
  std::vector<std::string> notes;
  auto pts = diffusion_points(run, label, notes);
  std::vector<double> x, y, s;
  for (auto& p : pts) {
    if (p.T_K < T_min) continue;
    x.push_back(1.0 / p.T_K);
    y.push_back(std::log(p.D_A2_per_ps));
    s.push_back(std::isfinite(p.sigma) ? p.sigma / p.D_A2_per_ps : 0.0);
  }
  r.n = static_cast<int>(x.size());
  if (r.n < kMinTemperatures) {
    r.why = fmt::format("too little data: {} distinct temperature(s) with D({}) at T >= {:g} K, need {}", r.n, label, T_min,
                        kMinTemperatures);
    if (!notes.empty()) r.why += " (" + join(notes) + ")";
    return r;
  }
  r.fit = analysis::fit_line(x, y, s);
  r.E_eV = -r.fit.slope.value * units::kBoltzmannEVPerK;
  r.sigma_eV = r.fit.slope.sigma * units::kBoltzmannEVPerK;
  r.ok = true;
  r.detail = fmt::format("Arrhenius fit of D({}) over {} stages, T = {:g}..{:g} K", label, r.n, 1.0 / x.front(),
                         1.0 / x.back());
  return r;
}

/// E from ln tau_string = a + E/(kT) over isothermal stages in [T_lo, T_hi].
Arrhenius string_energy(const RunDirectory& run, double T_lo, double T_hi) {
  Arrhenius r;
  std::vector<std::string> notes;
  auto peaks = string_peaks(run, notes);
  std::vector<double> x, y, s;
  for (auto& p : peaks) {
    if (p.T_K < T_lo || p.T_K > T_hi) continue;
    x.push_back(1.0 / p.T_K);
    y.push_back(std::log(p.t_ps));
    s.push_back(p.sigma_ln_t);
  }
  r.n = static_cast<int>(x.size());
  if (r.n < kMinTemperatures) {
    r.why = fmt::format("too little data: {} distinct temperature(s) with a string-ratio peak in [{:g}, {:g}] K, need {}",
                        r.n, T_lo, T_hi, kMinTemperatures);
    if (!notes.empty()) r.why += " (" + join(notes) + ")";
    return r;
  }
  r.fit = analysis::fit_line(x, y, s);
  r.E_eV = r.fit.slope.value * units::kBoltzmannEVPerK;
  r.sigma_eV = r.fit.slope.sigma * units::kBoltzmannEVPerK;
  r.ok = true;
  r.detail = fmt::format("Arrhenius fit of tau_string over {} stages", r.n);
  return r;
}

}  // namespace

Measurement probe_liquid_activation_energy(const Reference& ref, const RunDirectory& run) {
  const Arrhenius a = liquid_energy(run, ref.param_number("T_min_K", 0), ref.param_string("species", "all"));
  if (!a.ok) return Measurement::skipped(a.why);
  return Measurement::of(a.E_eV, a.sigma_eV, a.detail);
}

Measurement probe_string_tau_activation(const Reference& ref, const RunDirectory& run) {
  const Arrhenius liq = liquid_energy(run, ref.param_number("T_min_K", 0), ref.param_string("species", "all"));
  if (!liq.ok) return Measurement::skipped("liquid: " + liq.why);
  const Arrhenius str = string_energy(run, 0, ref.param_number("glass_T_max_K", 1e9));
  if (!str.ok) return Measurement::skipped("strings: " + str.why);
  if (!(liq.E_eV > 0)) return Measurement::too_weak(fmt::format("liquid activation energy {:.3g} eV is not positive", liq.E_eV));
  const double ratio = str.E_eV / liq.E_eV;
  const double rel = std::hypot(str.sigma_eV / std::max(std::fabs(str.E_eV), 1e-300), liq.sigma_eV / liq.E_eV);
  return Measurement::of(ratio, std::fabs(ratio) * rel,
                         fmt::format("E_string = {:.3f} ± {:.3f} eV ({}); E_liquid = {:.3f} ± {:.3f} eV ({})", str.E_eV,
                                     str.sigma_eV, str.detail, liq.E_eV, liq.sigma_eV, liq.detail));
}

Measurement probe_string_tau_extrapolation(const Reference& ref, const RunDirectory& run) {
  const Arrhenius str = string_energy(run, 0, 1e9);
  if (!str.ok) return Measurement::skipped(str.why);
  const double T = ref.param_number("T_eval_K", 293);
  const double ln_tau_ps = str.fit.at(1.0 / T);
  const double log10_tau_s = ln_tau_ps / std::log(10.0) - 12.0;
  const double sigma = str.fit.sigma_at(1.0 / T) / std::log(10.0);
  return Measurement::of(log10_tau_s, sigma,
                         fmt::format("{} (E = {:.3f} ± {:.3f} eV), evaluated at {:g} K", str.detail, str.E_eV,
                                     str.sigma_eV, T));
}

Measurement probe_string_peak_trend(const Reference& ref, const RunDirectory& run) {
  std::vector<std::string> notes;
  auto peaks = string_peaks(run, notes);
  if (static_cast<int>(peaks.size()) < kMinTemperatures)
    return Measurement::skipped(fmt::format("too little data: {} isothermal stage(s) with a string-ratio peak, need {}{}",
                                            peaks.size(), kMinTemperatures, notes.empty() ? "" : " (" + join(notes) + ")"));
  const std::string field = ref.param_string("field", "time");
  std::vector<double> x, y, s;
  for (auto& p : peaks) {
    x.push_back(1000.0 / p.T_K);
    if (field == "time") {
      y.push_back(std::log(p.t_ps));
      s.push_back(p.sigma_ln_t);
    } else if (field == "height") {
      y.push_back(p.height);
      s.push_back(p.sigma_height);
    } else {
      throw InputError(ref.where, "check.field", "expected time or height, got '" + field + "'");
    }
  }
  const analysis::LineFit f = analysis::fit_line(x, y, s);
  std::string pts;
  for (auto& p : peaks)
    pts += fmt::format("{}{:g} K: t={:.4g} ps, r={:.3f}", pts.empty() ? "" : "; ", p.T_K, p.t_ps, p.height);
  return Measurement::of(f.slope.value, f.slope.sigma, fmt::format("weighted slope over {} stages ({})", peaks.size(), pts));
}

}  // namespace gb::validation
