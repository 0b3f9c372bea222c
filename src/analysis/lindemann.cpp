#include "analysis/lindemann.hpp"

#include <cmath>
#include <set>

#include "core/error.hpp"

namespace gb::analysis {

LindemannResult lindemann_ratio(const Trajectory& traj, double nn_distance_A) {
  if (!(nn_distance_A > 0)) throw InputError("Lindemann ratio: nearest-neighbour distance must be positive");
  const size_t nf = traj.frames(), na = traj.atoms();
  // COM displacement of each frame relative to frame 0.
  std::vector<Vec3> com(nf);
  for (size_t f = 0; f < nf; ++f) {
    Vec3 c;
    for (size_t a = 0; a < na; ++a) c += traj.positions[f][a] - traj.positions[0][a];
    com[f] = c * (1.0 / na);
  }
  std::vector<Vec3> mean(na);
  for (size_t f = 0; f < nf; ++f)
    for (size_t a = 0; a < na; ++a) mean[a] += traj.positions[f][a] - com[f];
  for (auto& m : mean) m = m * (1.0 / nf);
  std::vector<double> msf(na, 0.0);  // mean-square fluctuation per atom
  for (size_t f = 0; f < nf; ++f)
    for (size_t a = 0; a < na; ++a) msf[a] += (traj.positions[f][a] - com[f] - mean[a]).norm2();
  std::set<int> present(traj.types.begin(), traj.types.end());
  LindemannResult r;
  r.nn_distance_A = nn_distance_A;
  double s = 0;
  for (double v : msf) s += v / nf;
  r.rms_fluctuation_A = std::sqrt(s / na);
  r.ratio = r.rms_fluctuation_A / nn_distance_A;
  for (int t : present) {
    double st = 0;
    int cnt = 0;
    for (size_t a = 0; a < na; ++a)
      if (traj.types[a] == t) st += msf[a] / nf, ++cnt;
    r.types.push_back(t);
    r.ratio_per_type.push_back(std::sqrt(st / cnt) / nn_distance_A);
  }
  return r;
}

}  // namespace gb::analysis
