// Probe "md_dma_loss_peaks": peaks of the MD-DMA loss modulus E''(T) at 1 GHz
// (paper Methods, "High-frequency DMA testing"; Supplementary Fig. 13).
// Reads analysis/md_dma.csv (T_K,loss_modulus_GPa[,loss_modulus_error_GPa],
// written by `glassbench analyze run` from the run's shear stages) and finds
// the peaks with analysis::find_loss_peaks (parabolic vertex, bootstrap
// error; method in analysis/md_dma.hpp).  With replica errors a peak counts
// only if it stands out: its prominence (the smaller drop to the lowest value
// within two grid steps on either side) is >= 2 standard errors of that
// difference (noise alone makes grid maxima; a
// check named after loss peaks must not pass on a flat, noisy spectrum).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "analysis/md_dma.hpp"
#include "core/error.hpp"
#include "analysis/linear_fit.hpp"
#include "validation/internal/probe.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {

namespace {
constexpr double kMinProminenceSe = 2.0;
}

Measurement probe_md_dma_loss_peaks(const Reference& ref, const RunDirectory& run) {
  const std::string file = run.layout().md_dma_csv();
  if (!std::filesystem::exists(file))
    return Measurement::skipped("missing MD-DMA data: analysis/md_dma.csv (the run has no shear stages, or "
                                "`glassbench analyze run` has not run)");
  auto cols = read_numeric_csv(file);
  const std::vector<double>*T = nullptr, *E = nullptr, *S = nullptr;
  for (auto& [n, v] : cols) {
    if (n == "T_K") T = &v;
    if (n == "loss_modulus_GPa") E = &v;
    if (n == "loss_modulus_error_GPa") S = &v;
  }
  if (!T || !E) return Measurement::skipped("missing columns T_K, loss_modulus_GPa in analysis/md_dma.csv");
  if (T->size() < 5) return Measurement::skipped(fmt::format("too little data: {} temperatures in md_dma.csv, need 5", T->size()));
  std::vector<double> se;
  bool have_se = false;
  if (S) {
    se = *S;
    have_se = std::all_of(se.begin(), se.end(), [](double x) { return std::isfinite(x) && x > 0; });
    if (!have_se) se.clear();
  }
  auto peaks = analysis::find_loss_peaks(*T, *E, se);
  const size_t found = peaks.size();
  if (have_se)
    peaks.erase(std::remove_if(peaks.begin(), peaks.end(),
                               [](const analysis::LossPeak& p) { return p.prominence_se < kMinProminenceSe; }),
                peaks.end());
  if (peaks.size() < 2)
    return Measurement::too_weak(fmt::format("{} loss peak(s) found{}, need 2", peaks.size(),
                                             have_se ? fmt::format(" standing out by >= {:g} SE ({} grid maxima)",
                                                                   kMinProminenceSe, found)
                                                     : std::string()));
  peaks.resize(2);  // the two tallest
  std::sort(peaks.begin(), peaks.end(), [](const auto& a, const auto& b) { return a.T_K < b.T_K; });
  const auto& p = ref.param_string("peak") == "high" ? peaks[1] : peaks[0];
  return Measurement::of(p.T_K, p.sigma_T_K,
                         fmt::format("{} of E''(T) over {} temperatures{}; peaks at {:.0f} and {:.0f} K",
                                     analysis::loss_peak_method(), T->size(),
                                     have_se ? fmt::format(", prominence {:.1f} SE", p.prominence_se)
                                             : std::string(" (no replica errors: grid term only)"),
                                     peaks[0].T_K, peaks[1].T_K));
}

}  // namespace gb::validation

namespace gb::validation {

// Probe "md_dma_peak_on_string_line" (paper Fig. 5b: the 528 K MD-DMA peak,
// plotted at tau = 1/(2 pi f), lies on the Arrhenius line of the string-like
// diffusion time).  Value: log10 tau_DMA - log10 tau_string(T_peak) in decades,
// for the lowest-temperature loss peak that stands out (prominence >= 2 SE);
// tau_string(T) from a weighted Arrhenius line through the string-ratio peak
// times of the isothermal stages.  Error: the line's prediction error at
// T_peak and the peak's temperature error through the slope, in quadrature.
Measurement probe_md_dma_peak_on_string_line(const Reference& ref, const RunDirectory& run) {
  (void)ref;
  const std::filesystem::path js = run.layout().md_dma_json();
  if (!std::filesystem::exists(js)) return Measurement::skipped("missing MD-DMA data: analysis/md_dma.json");
  nlohmann::json doc;
  try {
    std::ifstream in(js);
    doc = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw InputError({js.string(), 0, 0}, "", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.contains("frequency_GHz") || !doc["frequency_GHz"].is_number())
    return Measurement::skipped("md_dma.json has no frequency_GHz");
  const double f_per_s = doc["frequency_GHz"].get<double>() * 1e9;
  double T = NAN, sT = NAN;
  for (const auto& p : doc.value("loss_peaks", nlohmann::json::array())) {
    const double prom = p.value("prominence_se", std::numeric_limits<double>::infinity());
    const double t = p.at("T_K").get<double>();
    if (p["prominence_se"].is_number() && prom < kMinProminenceSe) continue;
    if (!std::isfinite(T) || t < T) T = t, sT = p.at("sigma_T_K").get<double>();
  }
  if (!std::isfinite(T)) return Measurement::too_weak("no MD-DMA loss peak stands out by >= 2 SE");
  std::vector<std::string> notes;
  const auto peaks = string_peaks(run, notes);
  if (peaks.size() < 3)
    return Measurement::skipped(fmt::format("too little data: {} isothermal stage(s) with a string-ratio peak, need 3",
                                            peaks.size()));
  std::vector<double> x, y, s;
  for (const auto& p : peaks) {
    x.push_back(1.0 / p.T_K);
    y.push_back(std::log(p.t_ps * 1e-12));
    s.push_back(p.sigma_ln_t);
  }
  const analysis::LineFit line = analysis::fit_line(x, y, s);
  const double ln10 = std::log(10.0);
  const double log10_string = line.at(1.0 / T) / ln10;
  const double log10_dma = -std::log10(2 * M_PI * f_per_s);
  const double sig = std::hypot(line.sigma_at(1.0 / T), line.slope.value * sT / (T * T)) / ln10;
  return Measurement::of(log10_dma - log10_string, sig,
                         fmt::format("loss peak at {:.0f} ± {:.0f} K: tau = 1/(2 pi f) = 10^{:.2f} s; string-diffusion "
                                     "Arrhenius line over {} stages gives 10^{:.2f} s there",
                                     T, sT, log10_dma, peaks.size(), log10_string));
}

// Probe "viscosity_gk_maxwell": log10(eta_Maxwell / eta_GK) at the hottest
// isothermal stage (>= T_min_K, default 1400 K) that has both, from
// analysis/viscosity.csv; error from both relative errors in quadrature.
// Skips when the Green-Kubo cut-off falls before tau_alpha (series too short).
Measurement probe_viscosity_gk_maxwell(const Reference& ref, const RunDirectory& run) {
  const std::string file = run.layout().viscosity_csv();
  if (!std::filesystem::exists(file))
    return Measurement::skipped("missing viscosity data: analysis/viscosity.csv (no isothermal stage with a stress series)");
  auto cols = read_numeric_csv(file);
  auto col = [&](const char* n) -> const std::vector<double>* {
    for (auto& [k, v] : cols)
      if (k == n) return &v;
    return nullptr;
  };
  const auto *T = col("T_K"), *g = col("eta_gk_Pa_s"), *ge = col("eta_gk_error_Pa_s"), *m = col("eta_maxwell_Pa_s"),
             *me = col("eta_maxwell_error_Pa_s");
  if (!T || !g || !ge || !m || !me) return Measurement::skipped("viscosity.csv lacks eta_gk/eta_maxwell columns");
  const double T_min = ref.param_number("T_min_K", 1400);
  int best = -1;
  for (size_t i = 0; i < T->size(); ++i)
    if ((*T)[i] >= T_min && (*g)[i] > 0 && (*m)[i] > 0 && std::isfinite((*ge)[i]) && std::isfinite((*me)[i]) &&
        (best < 0 || (*T)[i] > (*T)[static_cast<size_t>(best)]))
      best = static_cast<int>(i);
  if (best < 0)
    return Measurement::skipped(fmt::format("no stage at T >= {:g} K with both Green-Kubo and Maxwell viscosities", T_min));
  const size_t i = static_cast<size_t>(best);
  // The Green-Kubo integral stops where the stress ACF sinks into its noise
  // (gk_cutoff_ps).  If that happens before the structural relaxation
  // (tau_alpha), the slow tail of the ACF is cut off and eta_GK is only a lower
  // bound: too short a stress series for a verdict on the relation.
  const auto *tc = col("gk_cutoff_ps"), *ta = col("tau_alpha_ps"), *need = col("gk_ps_for_10pct"),
             *len = col("gk_length_ps");
  if (tc && ta && std::isfinite((*tc)[i]) && std::isfinite((*ta)[i]) && (*tc)[i] < (*ta)[i])
    return Measurement::skipped(fmt::format(
        "{:g} K: the Green-Kubo integral reaches the noise floor at {:.3g} ps, before tau_alpha = {:.3g} ps, so "
        "eta_GK ({:.3g} mPa s) misses the structural tail and is a lower bound; a longer stress series is needed "
        "(this one: {:.3g} ps; 10 % statistical error needs {:.3g} ps)",
        (*T)[i], (*tc)[i], (*ta)[i], (*g)[i] * 1e3, len ? (*len)[i] : NAN, need ? (*need)[i] : NAN));
  const double v = std::log10((*m)[i] / (*g)[i]);
  const double s = std::hypot((*me)[i] / (*m)[i], (*ge)[i] / (*g)[i]) / std::log(10.0);
  return Measurement::of(v, s,
                         fmt::format("{:g} K: Green-Kubo {:.3g} ± {:.2g} mPa s, Maxwell G_inf tau_alpha {:.3g} ± {:.2g} mPa s",
                                     (*T)[i], (*g)[i] * 1e3, (*ge)[i] * 1e3, (*m)[i] * 1e3, (*me)[i] * 1e3));
}

}  // namespace gb::validation
