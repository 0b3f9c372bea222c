#include "analysis/msd.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <stdexcept>

#include "analysis/internal/lag_grid.hpp"
#include "core/error.hpp"

namespace gb::analysis {

std::pair<double, double> line_fit(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < 2) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) mx += x[i], my += y[i];
  mx /= n;
  my /= n;
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < n; ++i) sxx += (x[i] - mx) * (x[i] - mx), sxy += (x[i] - mx) * (y[i] - my);
  const double b = sxy / sxx;
  return {my - b * mx, b};
}

std::vector<std::vector<double>> msd_at_lags(const Trajectory& traj, int first, int last,
                                             const std::vector<int>& lags,
                                             const std::vector<std::vector<int>>& groups, int stride,
                                             int max_origins, bool remove_com_drift,
                                             std::vector<int>* origins_used) {
  const int nf = last - first;
  std::vector<std::vector<double>> out(groups.size(), std::vector<double>(lags.size(), 0.0));
  if (origins_used) origins_used->assign(lags.size(), 0);
  const size_t natoms = traj.atoms();
  for (size_t l = 0; l < lags.size(); ++l) {
    const int lag = lags[l];
    const auto origins = time_origins(nf, lag, stride, max_origins);
    if (origins_used) (*origins_used)[l] = static_cast<int>(origins.size());
    if (origins.empty()) {
      for (auto& g : out) g[l] = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    std::vector<double> sum(groups.size(), 0.0);
    std::vector<double> d2(natoms);
    for (int o : origins) {
      const auto& r0 = traj.positions[first + o];
      const auto& r1 = traj.positions[first + o + lag];
      Vec3 com;
      if (remove_com_drift) {
        for (size_t a = 0; a < natoms; ++a) com += r1[a] - r0[a];
        com = com * (1.0 / natoms);
      }
      for (size_t a = 0; a < natoms; ++a) d2[a] = (r1[a] - r0[a] - com).norm2();
      for (size_t g = 0; g < groups.size(); ++g) {
        double s = 0;
        for (int a : groups[g]) s += d2[a];
        sum[g] += groups[g].empty() ? 0.0 : s / groups[g].size();
      }
    }
    for (size_t g = 0; g < groups.size(); ++g) out[g][l] = sum[g] / origins.size();
  }
  return out;
}

namespace {

// Evenly spaced integer lags covering [lo, hi] (at most n of them).
std::vector<int> fit_lags(int lo, int hi, int n) {
  std::vector<int> lags;
  if (hi < lo) return lags;
  if (hi - lo + 1 <= n) {
    for (int l = lo; l <= hi; ++l) lags.push_back(l);
    return lags;
  }
  for (int k = 0; k < n; ++k) {
    const int l = lo + static_cast<int>(std::lround(static_cast<double>(k) * (hi - lo) / (n - 1)));
    if (lags.empty() || l > lags.back()) lags.push_back(l);
  }
  return lags;
}

}  // namespace

MsdResult compute_msd(const Trajectory& traj, const MsdOptions& opt, const std::vector<std::string>& element_names) {
  const int nf = static_cast<int>(traj.frames());
  if (nf < 2) throw InputError("MSD needs at least 2 frames");
  const double dt = traj.frame_interval_ps;
  MsdResult res;

  // Atom groups: all (possibly restricted), then each species present.
  std::set<int> present(traj.types.begin(), traj.types.end());
  std::vector<std::vector<int>> groups;
  groups.emplace_back();
  for (size_t a = 0; a < traj.atoms(); ++a)
    if (opt.only_types.empty() ||
        std::find(opt.only_types.begin(), opt.only_types.end(), traj.types[a]) != opt.only_types.end())
      groups[0].push_back(static_cast<int>(a));
  if (groups[0].empty()) throw InputError("--species: no atoms of the requested species in " + traj.source);
  res.labels.push_back("all");
  res.label_types.push_back(0);
  for (int t : present) {
    if (!opt.only_types.empty() && std::find(opt.only_types.begin(), opt.only_types.end(), t) == opt.only_types.end())
      continue;
    if (opt.only_types.size() == 1) break;  // "all" already is that species
    groups.emplace_back();
    for (size_t a = 0; a < traj.atoms(); ++a)
      if (traj.types[a] == t) groups.back().push_back(static_cast<int>(a));
    res.labels.push_back(species_label(t, element_names));
    res.label_types.push_back(t);
  }

  const int max_lag = opt.max_lag > 0 ? std::min(opt.max_lag, nf - 1) : nf - 1;
  res.lag_frames = log_spaced_lags(max_lag, opt.lags_per_decade);
  for (int l : res.lag_frames) res.lag_ps.push_back(l * dt);
  res.msd_A2 = msd_at_lags(traj, 0, nf, res.lag_frames, groups, opt.origin_stride, opt.max_origins,
                           opt.remove_com_drift, &res.origins);

  // ---- D fit window: the long-time rule (msd.hpp) unless given ----
  const double duration = (nf - 1) * dt;
  double from = opt.fit_from_ps, to = opt.fit_to_ps;
  const bool user_range = opt.fit_to_ps > 0 || opt.fit_from_ps >= 0;
  if (to <= 0) to = 0.5 * duration;
  if (from < 0) from = 0.1 * to;
  const int hi = std::min(nf - 1, static_cast<int>(std::floor(to / dt + 1e-9)));
  // The default window is a full decade in whole frames: [floor(hi / 10), hi].
  int lo = opt.fit_from_ps >= 0 ? std::max(1, static_cast<int>(std::ceil(from / dt - 1e-9)))
                                : std::max(1, hi / 10);
  if (hi <= lo) {
    if (user_range)
      throw InputError("D fit range [" + std::to_string(from) + ", " + std::to_string(to) +
                       "] ps holds fewer than 2 lags of the trajectory (frame interval " + std::to_string(dt) +
                       " ps, duration " + std::to_string(duration) + " ps)");
    lo = std::max(1, hi - 1);
  }
  const auto lags = fit_lags(lo, hi, std::max(2, opt.fit_points));
  // Log-spaced lags over the same window for the log-log slope (even lags would weight its long end).
  std::vector<int> log_lags;
  for (int l : log_spaced_lags(hi, 10))
    if (l >= lo) log_lags.push_back(l);
  if (log_lags.size() < 2) log_lags = {lo, hi};
  const auto full = msd_at_lags(traj, 0, nf, lags, groups, opt.origin_stride, opt.max_origins, opt.remove_com_drift);
  const auto full_log =
      msd_at_lags(traj, 0, nf, log_lags, groups, opt.origin_stride, opt.max_origins, opt.remove_com_drift);
  std::vector<double> t(lags.size()), lt(log_lags.size());
  for (size_t k = 0; k < lags.size(); ++k) t[k] = lags[k] * dt;
  for (size_t k = 0; k < log_lags.size(); ++k) lt[k] = std::log(log_lags[k] * dt);
  const int subsets = std::max(1, opt.blocks);
  for (size_t g = 0; g < groups.size(); ++g) {
    DiffusionFit fit;
    fit.fit_from_ps = lags.front() * dt;
    fit.fit_to_ps = lags.back() * dt;
    fit.fit_points = static_cast<int>(lags.size());
    const auto ab = line_fit(t, full[g]);
    fit.intercept_A2 = ab.first;
    fit.D_A2_per_ps = ab.second / 6.0;
    std::vector<double> lm(log_lags.size());
    bool positive = true;
    for (size_t k = 0; k < log_lags.size(); ++k) {
      positive = positive && full_log[g][k] > 0;
      lm[k] = positive ? std::log(full_log[g][k]) : 0.0;
    }
    fit.loglog_slope = positive ? line_fit(lt, lm).second : std::numeric_limits<double>::quiet_NaN();
    fit.window_decades = std::log10(fit.fit_to_ps / fit.fit_from_ps);
    fit.msd_end_A2 = full[g].back();
    char why[200] = "";
    if (!(std::abs(fit.loglog_slope - 1.0) < 0.15))
      std::snprintf(why, sizeof why, "log-log slope %.3f is not within 0.15 of 1", fit.loglog_slope);
    else if (fit.window_decades < 1.0 - 1e-9)
      std::snprintf(why, sizeof why, "fit window spans %.2f decades of lag, need >= 1", fit.window_decades);
    else if (!(fit.msd_end_A2 >= opt.cage_msd_A2))
      std::snprintf(why, sizeof why, "MSD %.3g A^2 at the window end is below the cage bound %.3g A^2",
                    fit.msd_end_A2, opt.cage_msd_A2);
    fit.diffusive_reason = why;
    fit.diffusive = fit.diffusive_reason.empty();
    // Error: D over interleaved atom subsets of the group (atoms as independent walkers).
    const int k_sub = std::min<int>(subsets, static_cast<int>(groups[g].size()));
    if (k_sub > 1) {
      std::vector<std::vector<int>> sub(static_cast<size_t>(k_sub));
      for (size_t i = 0; i < groups[g].size(); ++i) sub[i % static_cast<size_t>(k_sub)].push_back(groups[g][i]);
      const auto per =
          msd_at_lags(traj, 0, nf, lags, sub, opt.origin_stride, opt.max_origins, opt.remove_com_drift);
      double m = 0, sq = 0;
      for (const auto& ms : per) {
        fit.block_D_A2_per_ps.push_back(line_fit(t, ms).second / 6.0);
        m += fit.block_D_A2_per_ps.back();
      }
      m /= k_sub;
      for (double d : fit.block_D_A2_per_ps) sq += (d - m) * (d - m);
      fit.D_error_A2_per_ps = std::sqrt(sq / (k_sub - 1)) / std::sqrt(static_cast<double>(k_sub));
    } else {
      fit.D_error_A2_per_ps = std::numeric_limits<double>::quiet_NaN();
    }
    res.fits.push_back(fit);
  }
  return res;
}

}  // namespace gb::analysis
