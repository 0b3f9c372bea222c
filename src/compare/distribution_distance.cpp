#include "compare/internal/distribution_distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

#include "core/structure_builder.hpp"

namespace gb::compare {

double wasserstein1(std::vector<double> a, std::vector<double> b) {
  if (a.empty() || b.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  // Integrate |F_a(x) - F_b(x)| over the merged breakpoints.
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  size_t i = 0, j = 0;
  double x = std::min(a[0], b[0]), w = 0;
  while (i < a.size() || j < b.size()) {
    double next;
    if (j >= b.size() || (i < a.size() && a[i] <= b[j])) next = a[i];
    else next = b[j];
    w += std::fabs(i / na - j / nb) * (next - x);
    x = next;
    if (i < a.size() && a[i] == next) ++i;
    else ++j;
  }
  return w;
}

double curve_rms(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) throw std::invalid_argument("curve_rms: curves of different length");
  double s = 0;
  int n = 0;
  for (size_t k = 0; k < a.size(); ++k)
    if (std::isfinite(a[k]) && std::isfinite(b[k])) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
      ++n;
    }
  return n ? std::sqrt(s / n) : std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> mean_curve(const std::vector<std::vector<double>>& c) {
  if (c.empty()) return {};
  std::vector<double> m(c[0].size(), 0.0);
  for (const auto& v : c) {
    if (v.size() != m.size()) throw std::invalid_argument("mean_curve: curves of different length");
    for (size_t k = 0; k < m.size(); ++k) m[k] += v[k];
  }
  for (double& x : m) x /= static_cast<double>(c.size());
  return m;
}

namespace {

template <class Stat>
BootstrapInterval percentile(double full, int resamples, double confidence, Stat&& one) {
  BootstrapInterval r;
  r.value = full;
  r.resamples = resamples;
  std::vector<double> v;
  for (int k = 0; k < resamples; ++k) v.push_back(one());
  std::sort(v.begin(), v.end());
  if (v.empty()) {
    r.lo = r.hi = full;
    return r;
  }
  const double q = (1.0 - confidence) / 2.0;
  auto at = [&](double p) {
    const double pos = p * (v.size() - 1);
    const size_t i = static_cast<size_t>(std::floor(pos));
    const double f = pos - i;
    return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
  };
  r.lo = at(q);
  r.hi = at(1 - q);
  return r;
}

template <class T>
std::vector<T> resample(const std::vector<T>& x, std::mt19937_64& rng) {
  std::vector<T> out;
  out.reserve(x.size());
  for (size_t k = 0; k < x.size(); ++k) out.push_back(x[static_cast<size_t>(uniform01(rng()) * x.size())]);
  return out;
}

}  // namespace

BootstrapInterval bootstrap_wasserstein1(const std::vector<double>& a, const std::vector<double>& b, int resamples,
                                         double confidence, uint64_t seed) {
  std::mt19937_64 rng(seed);
  return percentile(wasserstein1(a, b), resamples, confidence,
                    [&] { return wasserstein1(resample(a, rng), resample(b, rng)); });
}

BootstrapInterval bootstrap_curve_rms(const std::vector<std::vector<double>>& a,
                                      const std::vector<std::vector<double>>& b, int resamples, double confidence,
                                      uint64_t seed) {
  std::mt19937_64 rng(seed);
  const double full = (a.empty() || b.empty()) ? std::numeric_limits<double>::quiet_NaN()
                                                : curve_rms(mean_curve(a), mean_curve(b));
  if (a.empty() || b.empty()) return percentile(full, 0, confidence, [] { return 0.0; });
  return percentile(full, resamples, confidence,
                    [&] { return curve_rms(mean_curve(resample(a, rng)), mean_curve(resample(b, rng))); });
}

}  // namespace gb::compare
