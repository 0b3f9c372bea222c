#include "analysis/string_atoms.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/internal/lag_grid.hpp"
#include "analysis/internal/pair_search.hpp"
#include "core/error.hpp"

namespace gb::analysis {

namespace {

// Fast atoms (true, unwrapped displacement beyond the fast threshold, no
// minimum image) and, of those, the ones whose position at t is within the
// string threshold of another atom's position at 0 (its nearest such atom is
// the partner).  One pair search over the points {r0} + {rt of fast atoms} in
// the box at 0; only mixed pairs count.
FastStringCount count_fast_and_string_in(const Box& box0, const std::vector<Vec3>& r0, const std::vector<Vec3>& rt,
                                         const StringOptions& opt, std::vector<int>* partner) {
  FastStringCount c;
  const double f2 = opt.fast_threshold_A * opt.fast_threshold_A;
  if (partner) partner->assign(r0.size(), -1);
  const int n = static_cast<int>(r0.size());
  std::vector<Vec3> points(r0);
  std::vector<int> fast;  // atom of points[n + m]
  for (int j = 0; j < n; ++j)
    if ((rt[j] - r0[j]).norm2() > f2) {
      fast.push_back(j);
      points.push_back(rt[j]);
    }
  c.n_fast = static_cast<int>(fast.size());
  if (fast.empty()) return c;
  std::vector<double> best(fast.size(), std::numeric_limits<double>::infinity());
  std::vector<int> hit(fast.size(), -1);
  for_each_pair(box0, points, opt.string_threshold_A, [&](int a, int b, const Vec3&, double r2) {
    if ((a < n) == (b < n)) return;  // both at 0 or both at t
    const int k = a < n ? a : b, m = (a < n ? b : a) - n;
    if (k != fast[m] && r2 < best[m]) best[m] = r2, hit[m] = k;
  });
  for (size_t m = 0; m < fast.size(); ++m)
    if (hit[m] >= 0) {
      ++c.n_string;
      if (partner) (*partner)[fast[m]] = hit[m];
    }
  return c;
}

void check(const StringOptions& opt) {
  if (!(opt.fast_threshold_A > 0) || !(opt.string_threshold_A > 0))
    throw InputError("string analysis: thresholds must be positive");
}

}  // namespace

FastStringCount count_fast_and_string(const Box& box0, const std::vector<Vec3>& r0, const std::vector<Vec3>& rt,
                                      const StringOptions& opt, std::vector<int>* string_partner) {
  check(opt);
  if (r0.size() != rt.size()) throw std::invalid_argument("count_fast_and_string: frame sizes differ");
  return count_fast_and_string_in(box0, r0, rt, opt, string_partner);
}

StringRatioResult compute_string_ratio(const Trajectory& traj, const StringOptions& opt) {
  check(opt);
  const int nf = static_cast<int>(traj.frames());
  StringRatioResult res;
  const int max_lag = opt.max_lag > 0 ? std::min(opt.max_lag, nf - 1) : nf - 1;
  res.lag_frames = log_spaced_lags(max_lag, opt.lags_per_decade);
  const size_t nl = res.lag_frames.size();
  res.origins.assign(nl, 0);
  std::vector<double> sum_fast(nl, 0), sum_string(nl, 0);
  // Group work by origin.
  std::vector<std::vector<int>> origins_of_lag(nl);
  std::vector<std::vector<size_t>> lags_of_origin(nf);
  for (size_t l = 0; l < nl; ++l) {
    origins_of_lag[l] = time_origins(nf, res.lag_frames[l], opt.origin_stride, opt.max_origins);
    res.origins[l] = static_cast<int>(origins_of_lag[l].size());
    for (int o : origins_of_lag[l]) lags_of_origin[o].push_back(l);
  }
  for (int o = 0; o < nf; ++o) {
    if (lags_of_origin[o].empty()) continue;
    const Box& box0 = traj.boxes[o];
    for (size_t l : lags_of_origin[o]) {
      const auto c = count_fast_and_string_in(box0, traj.positions[o], traj.positions[o + res.lag_frames[l]], opt,
                                              nullptr);
      sum_fast[l] += c.n_fast;
      sum_string[l] += c.n_string;
    }
  }
  double best = -1;
  for (size_t l = 0; l < nl; ++l) {
    res.t_ps.push_back(res.lag_frames[l] * traj.frame_interval_ps);
    const double n = res.origins[l];
    res.n_fast.push_back(sum_fast[l] / n);
    res.n_string.push_back(sum_string[l] / n);
    res.ratio.push_back(sum_fast[l] > 0 ? sum_string[l] / sum_fast[l] : std::numeric_limits<double>::quiet_NaN());
    // A zero ratio is no string diffusion at all, never a peak.
    if (res.n_fast.back() >= opt.min_fast_per_origin && res.ratio.back() > 0 && res.ratio.back() > best) {
      best = res.ratio.back();
      res.peak_index = static_cast<int>(l);
    }
  }
  if (res.peak_index >= 0) {
    res.tau_string_ps = res.t_ps[res.peak_index];
    res.peak_ratio = res.ratio[res.peak_index];
  } else {
    bool any_fast = false;
    for (double n : res.n_fast) any_fast = any_fast || n >= opt.min_fast_per_origin;
    res.no_peak_reason = any_fast ? "the ratio N_string/N_fast is zero at every lag with enough fast atoms"
                                  : "no lag has enough fast atoms";
  }
  return res;
}

}  // namespace gb::analysis
