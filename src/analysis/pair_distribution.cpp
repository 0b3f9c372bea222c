#include "analysis/pair_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/internal/pair_search.hpp"
#include "core/error.hpp"

namespace gb::analysis {

GrResult compute_gr(const Trajectory& traj, const GrOptions& opt) {
  if (!(opt.bin_A > 0) || !(opt.r_max_A > opt.bin_A)) throw InputError("g(r): need bin > 0 and r_max > bin");
  GrResult res;
  const int nf = static_cast<int>(traj.frames());
  std::vector<int> frames;
  for (int f = 0; f < nf; f += std::max(1, opt.frame_stride)) frames.push_back(f);
  if (opt.max_frames > 0 && static_cast<int>(frames.size()) > opt.max_frames) {
    std::vector<int> picked;
    for (int k = 0; k < opt.max_frames; ++k)
      picked.push_back(frames[static_cast<size_t>(std::lround(k * (frames.size() - 1.0) / (opt.max_frames - 1)))]);
    frames = picked;
  }
  double wmin = 1e300;
  for (int f : frames) {
    const Vec3 w = traj.boxes[f].perpendicular_widths();
    wmin = std::min({wmin, w.x, w.y, w.z});
  }
  const double rmax = std::min(opt.r_max_A, 0.5 * wmin * (1 - 1e-9));
  const int nbins = static_cast<int>(std::floor(rmax / opt.bin_A));
  if (nbins < 1) throw InputError("g(r): box too small for the bin width");
  const double rcut = nbins * opt.bin_A;

  std::set<int> present(traj.types.begin(), traj.types.end());
  std::vector<int> types(present.begin(), present.end());
  const int ntmax = types.back();
  std::vector<double> count_of_type(ntmax + 1, 0);
  for (int t : traj.types) count_of_type[t] += 1;
  res.pairs.push_back({0, 0});
  for (size_t i = 0; i < types.size(); ++i)
    for (size_t j = i; j < types.size(); ++j) res.pairs.push_back({types[i], types[j]});
  auto pair_index = [&](int a, int b) {
    if (a > b) std::swap(a, b);
    for (size_t p = 1; p < res.pairs.size(); ++p)
      if (res.pairs[p].first == a && res.pairs[p].second == b) return static_cast<int>(p);
    return -1;
  };
  std::vector<std::vector<int>> pidx(ntmax + 1, std::vector<int>(ntmax + 1, -1));
  for (int a : types)
    for (int b : types) pidx[a][b] = pair_index(a, b);

  std::vector<std::vector<double>> hist(res.pairs.size(), std::vector<double>(nbins, 0.0));
  double inv_volume_sum = 0;
  for (int f : frames) {
    const Box& box = traj.boxes[f];
    // rcut < half the narrowest width: at most one image of a pair, each pair once.
    for_each_pair(box, traj.positions[f], rcut, [&](int i, int j, const Vec3&, double r2) {
      if (i == j) return;
      const int bin = static_cast<int>(std::sqrt(r2) / opt.bin_A);
      if (bin >= nbins) return;
      hist[0][bin] += 2;
      hist[pidx[traj.types[i]][traj.types[j]]][bin] += 2;  // ordered pairs (i,j) and (j,i), as a-b and b-a
    });
    inv_volume_sum += 1.0 / box.volume();
  }
  res.frames_used = static_cast<int>(frames.size());
  const double nframes = frames.size();
  const double mean_inv_v = inv_volume_sum / nframes;
  const double N = static_cast<double>(traj.atoms());
  res.g.assign(res.pairs.size(), std::vector<double>(nbins, 0.0));
  for (int b = 0; b < nbins; ++b) {
    const double r0 = b * opt.bin_A, r1 = r0 + opt.bin_A;
    const double shell = 4.0 / 3.0 * M_PI * (r1 * r1 * r1 - r0 * r0 * r0);
    res.r_A.push_back(r0 + 0.5 * opt.bin_A);
    for (size_t p = 0; p < res.pairs.size(); ++p) {
      double norm;
      if (p == 0) {
        norm = N * N * mean_inv_v * shell;
      } else {
        const int a = res.pairs[p].first, c = res.pairs[p].second;
        // The histogram holds a->c and c->a ordered pairs (twice N_a N_c rho-weighted for a != c).
        norm = (a == c ? 1.0 : 2.0) * count_of_type[a] * count_of_type[c] * mean_inv_v * shell;
      }
      res.g[p][b] = hist[p][b] / (nframes * norm);
    }
  }
  // First maximum of the total g(r): highest bin before g falls below 1 again
  // after first exceeding 1 (the first coordination peak).
  int best = -1;
  for (int b = 0; b < nbins; ++b) {
    if (res.g[0][b] > 1.0 && (best < 0 || res.g[0][b] > res.g[0][best])) best = b;
    if (best >= 0 && res.g[0][b] < 1.0) break;
  }
  res.first_peak_A = best >= 0 ? res.r_A[best] : 0.0;
  return res;
}

}  // namespace gb::analysis
