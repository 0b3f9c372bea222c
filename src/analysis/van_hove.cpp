#include "analysis/van_hove.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/internal/lag_grid.hpp"
#include "core/error.hpp"

namespace gb::analysis {

VanHoveResult compute_van_hove(const Trajectory& traj, const VanHoveOptions& opt,
                               const std::vector<std::string>& element_names) {
  if (!(opt.bin_A > 0) || !(opt.u_max_A > opt.bin_A)) throw InputError("van Hove: need bin > 0 and u_max > bin");
  const int nf = static_cast<int>(traj.frames());
  const double dt = traj.frame_interval_ps;
  std::vector<int> lags;
  if (opt.times_ps.empty()) {
    const auto all = log_spaced_lags(std::max(1, (nf - 1) / 2), 2);
    // ~5 times spread over the decades
    const size_t step = std::max<size_t>(1, all.size() / 5);
    for (size_t k = 0; k < all.size(); k += step) lags.push_back(all[k]);
    if (lags.back() != all.back()) lags.push_back(all.back());
  } else {
    for (double t : opt.times_ps) {
      const int l = static_cast<int>(std::lround(t / dt));
      if (l < 1 || l > nf - 1)
        throw InputError("--times: " + std::to_string(t) + " ps is outside the trajectory (frame interval " +
                         std::to_string(dt) + " ps, duration " + std::to_string((nf - 1) * dt) + " ps)");
      lags.push_back(l);
    }
  }
  VanHoveResult res;
  std::set<int> present(traj.types.begin(), traj.types.end());
  res.labels.push_back("all");
  res.label_types.push_back(0);
  for (int t : present) {
    res.labels.push_back(species_label(t, element_names));
    res.label_types.push_back(t);
  }
  const int nbins = static_cast<int>(std::ceil(opt.u_max_A / opt.bin_A - 1e-9));
  for (int b = 0; b < nbins; ++b) res.u_A.push_back((b + 0.5) * opt.bin_A);
  std::vector<size_t> label_of_atom(traj.atoms());
  for (size_t a = 0; a < traj.atoms(); ++a)
    label_of_atom[a] = static_cast<size_t>(std::distance(
        res.label_types.begin(), std::find(res.label_types.begin(), res.label_types.end(), traj.types[a])));
  for (int lag : lags) {
    res.t_ps.push_back(lag * dt);
    std::vector<std::vector<double>> h(res.labels.size(), std::vector<double>(nbins, 0.0));
    std::vector<double> over(res.labels.size(), 0.0), total(res.labels.size(), 0.0);
    for (int o : time_origins(nf, lag, opt.origin_stride, opt.max_origins)) {
      const auto& r0 = traj.positions[o];
      const auto& r1 = traj.positions[o + lag];
      for (size_t a = 0; a < traj.atoms(); ++a) {
        const double u = (r1[a] - r0[a]).norm();
        const int b = static_cast<int>(u / opt.bin_A);
        const size_t ls[2] = {0, label_of_atom[a]};
        for (size_t li : ls) {
          total[li] += 1;
          if (b < nbins) h[li][b] += 1;
          else over[li] += 1;
        }
      }
    }
    for (size_t li = 0; li < res.labels.size(); ++li) {
      for (auto& v : h[li]) v = total[li] > 0 ? v / (total[li] * opt.bin_A) : 0.0;
      over[li] = total[li] > 0 ? over[li] / total[li] : 0.0;
    }
    res.p.push_back(std::move(h));
    res.beyond.push_back(std::move(over));
  }
  return res;
}

}  // namespace gb::analysis
