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

#include <fmt/format.h>

#include "analysis/md_dma.hpp"
#include "validation/probe.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {

namespace {
constexpr double kMinProminenceSe = 2.0;
}

Measurement probe_md_dma_loss_peaks(const Reference& ref, const RunDirectory& run) {
  const std::string file = (std::filesystem::path(run.path()) / "analysis" / "md_dma.csv").string();
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
