// Probe "md_dma_loss_peaks": peaks of the MD-DMA loss modulus E''(T) at 1 GHz
// (paper Methods, "High-frequency DMA testing"; Supplementary Fig. 13).
// Reads analysis/md_dma.csv with columns T_K,loss_modulus_GPa[,loss_modulus_error_GPa]
// (written by an MD-DMA analysis; the runner has no shear stage yet, so a run
// without it skips with that reason).
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "validation/probe.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {

Measurement probe_md_dma_loss_peaks(const Reference& ref, const RunDirectory& run) {
  const std::string file = run.layout().analysis_dir() + "/md_dma.csv";
  if (!std::filesystem::exists(file))
    return Measurement::skipped("missing MD-DMA data: analysis/md_dma.csv (the run has no oscillatory-shear stages)");
  auto cols = read_numeric_csv(file);
  const std::vector<double>*T = nullptr, *E = nullptr;
  for (auto& [n, v] : cols) {
    if (n == "T_K") T = &v;
    if (n == "loss_modulus_GPa") E = &v;
  }
  if (!T || !E) return Measurement::skipped("missing columns T_K, loss_modulus_GPa in analysis/md_dma.csv");
  std::vector<size_t> idx(T->size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return (*T)[a] < (*T)[b]; });
  if (idx.size() < 5) return Measurement::skipped(fmt::format("too little data: {} temperatures in md_dma.csv, need 5", idx.size()));
  // Interior local maxima, largest two by height.
  std::vector<size_t> peaks;
  for (size_t k = 1; k + 1 < idx.size(); ++k)
    if ((*E)[idx[k]] > (*E)[idx[k - 1]] && (*E)[idx[k]] >= (*E)[idx[k + 1]]) peaks.push_back(k);
  std::sort(peaks.begin(), peaks.end(), [&](size_t a, size_t b) { return (*E)[idx[a]] > (*E)[idx[b]]; });
  if (peaks.size() < 2) return Measurement::too_weak(fmt::format("{} interior loss peak(s) found, need 2", peaks.size()));
  peaks.resize(2);
  std::sort(peaks.begin(), peaks.end());
  const size_t k = ref.param_string("peak") == "high" ? peaks[1] : peaks[0];
  // A grid maximum locates the peak to one grid step: sigma = step / sqrt(12).
  const double step = 0.5 * ((*T)[idx[k + 1]] - (*T)[idx[k - 1]]);
  return Measurement::of((*T)[idx[k]], step / std::sqrt(12.0),
                         fmt::format("grid maximum of E''(T) over {} temperatures", idx.size()));
}

}  // namespace gb::validation
