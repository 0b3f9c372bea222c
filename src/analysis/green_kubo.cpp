#include "analysis/green_kubo.hpp"

#include <armadillo>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"

namespace gb::analysis {

namespace {
constexpr double kBoltzmannJPerK = 1.380649e-23;  // exact (SI 2019)
constexpr double kPaPerBar = 1e5, kM3PerA3 = 1e-30, kSPerPs = 1e-12;
}  // namespace

const std::array<const char*, 5>& green_kubo_components() {
  static const std::array<const char*, 5> names{"pxy", "pxz", "pyz", "(pxx-pyy)/2", "(pyy-pzz)/2"};
  return names;
}

double green_kubo_factor(double volume_A3, double temperature_K) {
  return volume_A3 * kM3PerA3 * kPaPerBar * kPaPerBar * kSPerPs / (kBoltzmannJPerK * temperature_K);
}

std::array<std::vector<double>, 5> traceless_components(const StressSeries& s) {
  std::array<std::vector<double>, 5> c;
  const auto& p = s.p_bar;
  for (size_t i = 0; i < s.size(); ++i) {
    c[0].push_back(p[3][i]);
    c[1].push_back(p[4][i]);
    c[2].push_back(p[5][i]);
    c[3].push_back(0.5 * (p[0][i] - p[1][i]));
    c[4].push_back(0.5 * (p[1][i] - p[2][i]));
  }
  return c;
}

std::vector<double> autocorrelation(const std::vector<double>& x, size_t max_lag) {
  const size_t n = x.size();
  if (n == 0) return {};
  max_lag = std::min(max_lag, n - 1);
  size_t m = 1;
  while (m < 2 * n) m <<= 1;  // zero padding: no wrap-around
  arma::vec v(m, arma::fill::zeros);
  for (size_t i = 0; i < n; ++i) v(i) = x[i];
  const arma::cx_vec X = arma::fft(v);
  const arma::vec r = arma::real(arma::ifft(arma::cx_vec(X % arma::conj(X))));
  std::vector<double> c(max_lag + 1);
  for (size_t k = 0; k <= max_lag; ++k) c[k] = r(k) / static_cast<double>(n - k);
  return c;
}

double GreenKuboResult::length_for_relative_error_ps(double target) const {
  if (!(eta_Pa_s > 0) || !(target > 0)) return NAN;
  const double rel = eta_se_Pa_s / eta_Pa_s;
  return total_length_ps * (rel / target) * (rel / target);
}

GreenKuboResult green_kubo(const std::vector<StressSeries>& series, const GreenKuboOptions& opt) {
  if (series.empty()) throw InputError("Green-Kubo: no stress series");
  if (opt.blocks < 1) throw InputError("Green-Kubo: blocks must be >= 1");
  GreenKuboResult R;
  R.interval_ps = series[0].interval_ps();
  size_t block_len = std::numeric_limits<size_t>::max();
  double vsum = 0, tsum = 0;
  for (const auto& s : series) {
    if (std::fabs(s.interval_ps() - R.interval_ps) > 1e-9 * R.interval_ps)
      throw InputError({s.source, 0, 0}, "time_ps",
                       fmt::format("sampled every {:g} ps, {} every {:g} ps: Green-Kubo needs one interval",
                                   s.interval_ps(), series[0].source, R.interval_ps));
    block_len = std::min(block_len, s.size() / static_cast<size_t>(opt.blocks));
    vsum += s.mean_volume_A3();
    const double Ts = std::isfinite(s.mean_temperature_K()) ? s.mean_temperature_K() : opt.temperature_K;
    if (!(Ts > 0))
      throw InputError({s.source, 0, 0}, "temperature_K", "no temperature column and no stage temperature given");
    tsum += Ts;
    R.total_length_ps += static_cast<double>(s.size()) * R.interval_ps;
  }
  R.volume_A3 = vsum / static_cast<double>(series.size());
  R.temperature_K = tsum / static_cast<double>(series.size());
  if (block_len < 4)
    throw InputError({series[0].source, 0, 0}, "time_ps",
                     fmt::format("{} samples per block ({} blocks): too short for a correlation function",
                                 block_len, opt.blocks));
  R.blocks = opt.blocks * static_cast<int>(series.size());
  if (R.blocks < 2) throw InputError("Green-Kubo: need at least 2 blocks in all for an error (blocks or replicas)");
  R.block_length_ps = static_cast<double>(block_len) * R.interval_ps;
  size_t max_lag = block_len / 2;
  if (opt.max_lag_ps > 0) max_lag = std::min(block_len - 1, static_cast<size_t>(std::lround(opt.max_lag_ps / R.interval_ps)));
  const size_t L = max_lag + 1;
  const double factor = green_kubo_factor(R.volume_A3, R.temperature_K);
  const double dt = R.interval_ps;

  std::vector<std::vector<double>> block_acf, block_int;
  for (auto& c : R.component_acf_bar2) c.assign(L, 0.0);
  for (const auto& s : series) {
    auto comps = traceless_components(s);
    if (opt.subtract_mean)
      for (auto& c : comps) {
        const double m = std::accumulate(c.begin(), c.end(), 0.0) / static_cast<double>(c.size());
        for (double& x : c) x -= m;
      }
    for (int b = 0; b < opt.blocks; ++b) {
      std::vector<double> acf(L, 0.0);
      for (int k = 0; k < 5; ++k) {
        std::vector<double> part(comps[k].begin() + static_cast<long>(b * block_len),
                                 comps[k].begin() + static_cast<long>((b + 1) * block_len));
        const auto a = autocorrelation(part, max_lag);
        for (size_t j = 0; j < L; ++j) {
          acf[j] += a[j] / 5.0;
          R.component_acf_bar2[k][j] += a[j] / R.blocks;
        }
      }
      std::vector<double> run(L, 0.0);
      for (size_t j = 1; j < L; ++j) run[j] = run[j - 1] + 0.5 * dt * (acf[j - 1] + acf[j]) * factor;
      block_acf.push_back(std::move(acf));
      block_int.push_back(std::move(run));
    }
  }
  const double B = static_cast<double>(block_acf.size());
  auto mean_se = [&](const std::vector<std::vector<double>>& v, size_t j, double& m, double& se) {
    m = 0;
    for (const auto& x : v) m += x[j];
    m /= B;
    double ss = 0;
    for (const auto& x : v) ss += (x[j] - m) * (x[j] - m);
    se = std::sqrt(ss / (B - 1) / B);
  };
  R.lag_ps.resize(L);
  R.acf_bar2.resize(L);
  R.acf_se_bar2.resize(L);
  R.running_eta_Pa_s.resize(L);
  R.running_eta_se_Pa_s.resize(L);
  for (size_t j = 0; j < L; ++j) {
    R.lag_ps[j] = static_cast<double>(j) * dt;
    mean_se(block_acf, j, R.acf_bar2[j], R.acf_se_bar2[j]);
    mean_se(block_int, j, R.running_eta_Pa_s[j], R.running_eta_se_Pa_s[j]);
  }
  R.cutoff_index = static_cast<int>(L - 1);
  for (size_t j = 1; j < L; ++j)
    if (R.acf_bar2[j] < opt.noise_sigmas * R.acf_se_bar2[j]) {
      R.cutoff_index = static_cast<int>(j);
      R.cutoff_found = true;
      break;
    }
  R.cutoff_ps = R.lag_ps[static_cast<size_t>(R.cutoff_index)];
  R.eta_Pa_s = R.running_eta_Pa_s[static_cast<size_t>(R.cutoff_index)];
  R.eta_se_Pa_s = R.running_eta_se_Pa_s[static_cast<size_t>(R.cutoff_index)];
  for (const auto& r : block_int) R.block_eta_Pa_s.push_back(r[static_cast<size_t>(R.cutoff_index)]);
  const double g = R.volume_A3 * kM3PerA3 * kPaPerBar * kPaPerBar / (kBoltzmannJPerK * R.temperature_K) * 1e-9;
  R.G_inf_GPa = g * R.acf_bar2[0];
  R.G_inf_se_GPa = g * R.acf_se_bar2[0];
  return R;
}

std::string green_kubo_method(const GreenKuboOptions& opt) {
  return fmt::format(
      "eta = V/(k_B T) * integral of the mean ACF of pxy, pxz, pyz, (pxx-pyy)/2, (pyy-pzz)/2 (FFT, all origins{}); "
      "trapezoidal running integral; cut-off at the first lag where the ACF < {:g} x its standard error; error = "
      "standard error over {} contiguous blocks per series; G_inf = V/(k_B T) ACF(0)",
      opt.subtract_mean ? ", fluctuations about the series mean" : "", opt.noise_sigmas, opt.blocks);
}

}  // namespace gb::analysis
