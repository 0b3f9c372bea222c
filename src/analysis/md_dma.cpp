#include "analysis/md_dma.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "core/error.hpp"

namespace gb::analysis {

namespace {

struct MeanSe {
  double mean = 0, se = NAN;
};

MeanSe mean_se(const std::vector<double>& v) {
  MeanSe r;
  r.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  if (v.size() >= 2) {
    double ss = 0;
    for (double x : v) ss += (x - r.mean) * (x - r.mean);
    r.se = std::sqrt(ss / static_cast<double>(v.size() - 1) / static_cast<double>(v.size()));
  }
  return r;
}

// Vertex of the parabola through (x0,y0), (x1,y1), (x2,y2), clamped to [x0, x2].
double parabola_vertex(double x0, double y0, double x1, double y1, double x2, double y2) {
  const double d01 = (y1 - y0) / (x1 - x0), d12 = (y2 - y1) / (x2 - x1);
  const double curv = (d12 - d01) / (x2 - x0);  // second divided difference
  if (!(curv < 0)) return x1;  // not concave (flat): keep the grid point
  // p(x) = y1 + d01 (x - x1) + curv (x - x0)(x - x1); p'(x) = d01 + curv (2x - x0 - x1) = 0
  const double xv = 0.5 * (x0 + x1) - d01 / (2 * curv);
  return std::min(x2, std::max(x0, xv));
}

constexpr int kBootstrapDraws = 2000;

}  // namespace

TemperatureModuli average_replicas(double T_K, const std::vector<DynamicModuli>& replicas) {
  if (replicas.empty()) throw InputError(fmt::format("MD-DMA at {:g} K: no replicas", T_K));
  std::vector<double> s, l, p;
  for (const auto& r : replicas) s.push_back(r.storage), l.push_back(r.loss), p.push_back(r.phase_rad);
  TemperatureModuli t;
  t.T_K = T_K;
  t.replicas = static_cast<int>(replicas.size());
  const MeanSe ms = mean_se(s), ml = mean_se(l), mp = mean_se(p);
  t.storage = ms.mean, t.storage_se = ms.se;
  t.loss = ml.mean, t.loss_se = ml.se;
  t.phase_rad = mp.mean, t.phase_se = mp.se;
  return t;
}

std::vector<LossPeak> find_loss_peaks(const std::vector<double>& T_in, const std::vector<double>& E_in,
                                      const std::vector<double>& se_in, unsigned seed) {
  if (E_in.size() != T_in.size() || (!se_in.empty() && se_in.size() != T_in.size()))
    throw InputError(fmt::format("loss peaks: {} temperatures, {} loss moduli, {} errors", T_in.size(), E_in.size(),
                                 se_in.size()));
  std::vector<size_t> idx(T_in.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return T_in[a] < T_in[b]; });
  std::vector<double> T, E, S;
  for (size_t i : idx) {
    T.push_back(T_in[i]);
    E.push_back(E_in[i]);
    const double se = se_in.empty() ? 0.0 : se_in[i];
    S.push_back(std::isfinite(se) && se > 0 ? se : 0.0);
  }
  std::vector<LossPeak> peaks;
  const size_t n = T.size();
  if (n < 3) return peaks;
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> gauss(0.0, 1.0);
  const bool have_se = std::any_of(S.begin(), S.end(), [](double s) { return s > 0; });
  for (size_t k = 1; k + 1 < n; ++k) {
    if (!(E[k] > E[k - 1] && E[k] >= E[k + 1])) continue;
    LossPeak p;
    p.grid_T_K = T[k];
    p.height = E[k];
    p.T_K = parabola_vertex(T[k - 1], E[k - 1], T[k], E[k], T[k + 1], E[k + 1]);
    // Drop to the lowest point within two grid steps on each side; the smaller drop counts.
    size_t lo_left = k - 1, lo_right = k + 1;
    if (k >= 2 && E[k - 2] < E[lo_left]) lo_left = k - 2;
    if (k + 2 < n && E[k + 2] < E[lo_right]) lo_right = k + 2;
    const size_t hn = E[lo_left] >= E[lo_right] ? lo_left : lo_right;
    const double sd_diff = std::hypot(S[k], S[hn]);
    p.prominence_se = sd_diff > 0 ? (E[k] - E[hn]) / sd_diff : std::numeric_limits<double>::infinity();
    const double h = 0.5 * (T[k + 1] - T[k - 1]);
    double boot_sd = 0;
    p.persistence = 1.0;
    if (have_se) {
      // Window k-2..k+2 where it exists: the maximum among k-1..k+1 may move.
      const size_t lo = k >= 2 ? k - 2 : 0, hi = std::min(n - 1, k + 2);
      std::vector<double> draw(n);
      double sum = 0, sum2 = 0;
      int kept = 0;
      for (int b = 0; b < kBootstrapDraws; ++b) {
        for (size_t j = lo; j <= hi; ++j) draw[j] = E[j] + S[j] * gauss(rng);
        size_t m = k;
        for (size_t j = k - 1; j <= k + 1; ++j)
          if (draw[j] > draw[m]) m = j;
        if (draw[k] > draw[k - 1] && draw[k] >= draw[k + 1]) ++kept;
        double x;
        if (m > lo && m < hi) x = parabola_vertex(T[m - 1], draw[m - 1], T[m], draw[m], T[m + 1], draw[m + 1]);
        else x = T[m];  // the window edge is the maximum: the peak sits at least there
        sum += x;
        sum2 += x * x;
      }
      const double mean = sum / kBootstrapDraws;
      boot_sd = std::sqrt(std::max(0.0, sum2 / kBootstrapDraws - mean * mean));
      p.persistence = static_cast<double>(kept) / kBootstrapDraws;
    }
    p.sigma_T_K = std::hypot(boot_sd, h / std::sqrt(12.0));
    peaks.push_back(p);
  }
  std::sort(peaks.begin(), peaks.end(), [](const LossPeak& a, const LossPeak& b) { return a.height > b.height; });
  return peaks;
}

std::string loss_peak_method() {
  return "interior local maxima of the replica-mean E''(T); location = vertex of the parabola through the maximum "
         "and its two neighbours; error = SD of that vertex over 2000 parametric-bootstrap redraws of E''(T) from "
         "N(mean, SE), combined in quadrature with half the neighbour spacing / sqrt(12)";
}

}  // namespace gb::analysis
