#pragma once
// Synthetic trajectories with known answers for the dynamics tests: Gaussian
// random walks (MSD = 6 D t exactly in expectation).  Random numbers:
// std::mt19937_64 with our own Box-Muller, portable across platforms.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "analysis/trajectory.hpp"

namespace gb::testing {

struct Normal {
  explicit Normal(uint64_t seed) : eng(seed) {}
  double operator()() {
    if (have) { have = false; return spare; }
    const double u1 = (static_cast<double>(eng() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    const double u2 = (static_cast<double>(eng() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    const double r = std::sqrt(-2 * std::log(u1));
    spare = r * std::sin(2 * M_PI * u2);
    have = true;
    return r * std::cos(2 * M_PI * u2);
  }
  std::mt19937_64 eng;
  bool have = false;
  double spare = 0;
};

/// natoms walkers (types alternate 1,2; type 2 diffuses with D2) in a cubic
/// box of edge L, starting uniformly in the box, `frames` frames dt apart.
inline analysis::Trajectory random_walk(int natoms, int frames, double dt_ps, double D1, double D2, double L,
                                        uint64_t seed) {
  Normal n(seed);
  analysis::Trajectory t;
  t.frame_interval_ps = dt_ps;
  std::vector<Vec3> r(natoms);
  for (int a = 0; a < natoms; ++a) {
    t.ids.push_back(a + 1);
    t.types.push_back(1 + a % 2);
    r[a] = {L * (0.5 + 0.1 * n()), L * (0.5 + 0.1 * n()), L * (0.5 + 0.1 * n())};
  }
  for (int f = 0; f < frames; ++f) {
    if (f > 0)
      for (int a = 0; a < natoms; ++a) {
        const double s = std::sqrt(2 * (t.types[a] == 1 ? D1 : D2) * dt_ps);
        r[a] += Vec3{s * n(), s * n(), s * n()};
      }
    t.positions.push_back(r);
    t.boxes.push_back(Box::cubic(L));
    t.timesteps.push_back(f * 100L);
  }
  return t;
}

}  // namespace gb::testing
