#include "analysis/internal/lag_grid.hpp"

#include <cmath>

namespace gb::analysis {

std::vector<int> log_spaced_lags(int max_lag, int per_decade) {
  std::vector<int> lags;
  if (max_lag < 1) return lags;
  if (per_decade < 1) per_decade = 1;
  const double step = std::pow(10.0, 1.0 / per_decade);
  double x = 1.0;
  while (true) {
    const int l = static_cast<int>(std::lround(x));
    if (l >= max_lag) break;
    if (lags.empty() || l > lags.back()) lags.push_back(l);
    x *= step;
  }
  lags.push_back(max_lag);
  return lags;
}

std::vector<int> time_origins(int frames, int lag, int stride, int max_origins) {
  std::vector<int> all;
  if (stride < 1) stride = 1;
  for (int o = 0; o + lag < frames; o += stride) all.push_back(o);
  if (max_origins <= 0 || static_cast<int>(all.size()) <= max_origins) return all;
  std::vector<int> picked;
  const double span = static_cast<double>(all.size() - 1) / (max_origins - 1 > 0 ? max_origins - 1 : 1);
  for (int k = 0; k < max_origins; ++k) {
    const int idx = max_origins == 1 ? 0 : static_cast<int>(std::lround(k * span));
    if (picked.empty() || all[idx] != picked.back()) picked.push_back(all[idx]);
  }
  return picked;
}

}  // namespace gb::analysis
