// S(q) and F_s(q,t) (scattering.hpp) on structures and trajectories with
// known answers: a simple cubic lattice (Bragg peak at 2 pi / a with
// S = N), an ideal gas (S = 1) and Gaussian random walks
// (F_s(q,t) = exp(-q^2 D t), tau_alpha = 1 / (q^2 D)).
#include <gtest/gtest.h>

#include <cmath>

#include "../analysis/synthetic_trajectories.hpp"
#include "analysis/internal/scattering.hpp"
#include "core/error.hpp"

namespace a = gb::analysis;

namespace {
a::Trajectory lattice(int n, double spacing) {
  a::Trajectory t;
  t.frame_interval_ps = 1;
  std::vector<gb::Vec3> r;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      for (int k = 0; k < n; ++k) {
        r.push_back({i * spacing, j * spacing, k * spacing});
        t.ids.push_back(static_cast<long>(t.ids.size() + 1));
        t.types.push_back(1);
      }
  t.positions.push_back(r);
  t.boxes.push_back(gb::Box::cubic(n * spacing));
  t.timesteps.push_back(0);
  return t;
}
}  // namespace

TEST(StructureFactor, BraggPeakOfASimpleCubicLattice) {
  const auto t = lattice(8, 3.0);
  a::StructureFactorOptions o;
  o.max_vectors_per_bin = 0;
  o.bin = 0.02;
  const auto s = a::compute_structure_factor(t, o);
  // (100) reflections at 2 pi / 3 = 2.094 1/A: all 512 atoms in phase, S = N
  // (6 vectors, 3 in the half space, all Bragg).  Parabola refinement inside one bin.
  EXPECT_NEAR(s.q1, 2 * M_PI / 3.0, o.bin);
  EXPECT_NEAR(s.S_q1, 512.0, 1e-6);  // exact phases: rounding only
  // Off the reciprocal lattice S vanishes (sum of N-th roots of unity).
  for (size_t i = 0; i < s.q.size(); ++i)
    if (s.q[i] < 2.0) {
      EXPECT_LT(s.S[i], 1e-9) << s.q[i];
    }
}

TEST(StructureFactor, IdealGasIsFlat) {
  const auto t = gb::testing::random_walk(2000, 3, 1.0, 0.0, 0.0, 30.0, 9);  // D = 0: three copies
  a::Trajectory u = t;
  gb::testing::Normal n(4);
  std::mt19937_64 eng(4);
  std::uniform_real_distribution<double> U(0, 30);
  for (auto& fr : u.positions)
    for (auto& p : fr) p = {U(eng), U(eng), U(eng)};
  const auto s = a::compute_structure_factor(u);
  double m = 0;
  int k = 0;
  for (size_t i = 0; i < s.q.size(); ++i)
    if (s.q[i] > 1.0) m += s.S[i], ++k;
  // S = 1 +- ~1/sqrt(vectors x frames) per bin; the mean over ~100 bins is good to ~1 %; 5 % margin.
  EXPECT_NEAR(m / k, 1.0, 0.05);
}

TEST(SelfScattering, RandomWalkDecaysAsExpMinusQ2Dt) {
  const double D = 0.5, q = 2.5, dt = 0.02;  // A^2/ps, 1/A, ps: tau = 1/(q^2 D) = 0.32 ps
  const auto t = gb::testing::random_walk(400, 400, dt, D, D, 40.0, 21);
  const auto r = a::compute_self_scattering(t, q);
  for (size_t i = 0; i < r.t_ps.size(); ++i)
    if (r.t_ps[i] <= 1.0) {  // 400 atoms x up to 200 origins: F_s good to ~0.01
      EXPECT_NEAR(r.Fs[i], std::exp(-q * q * D * r.t_ps[i]), 0.01) << r.t_ps[i];
    }
  const double tau = 1 / (q * q * D);
  ASSERT_TRUE(std::isfinite(r.tau_alpha_ps)) << r.note;
  ASSERT_TRUE(std::isfinite(r.tau_alpha_se_ps)) << r.note;
  EXPECT_NEAR(r.tau_alpha_ps, tau, 4 * r.tau_alpha_se_ps + 0.02 * tau);  // 4 SE + log-linear interpolation (2 %)
  EXPECT_LT(r.tau_alpha_se_ps, 0.1 * tau);
}

TEST(SelfScattering, IsotropicFormulaEqualsTheDirectSumOverWaveVectors) {
  // The definition: F_s = < cos(q . dr) > over wave vectors of one |q|.  Direct
  // sum over 300 Fibonacci-sphere directions at one lag vs sin(qr)/(qr).
  const double q = 2.8, dt = 0.05;
  const auto t = gb::testing::random_walk(300, 21, dt, 0.3, 0.1, 30.0, 5);
  a::SelfScatteringOptions o;
  o.per_decade = 100;
  const auto r = a::compute_self_scattering(t, q, o);
  const int lag = 10;
  size_t idx = 0;
  for (size_t i = 0; i < r.t_ps.size(); ++i)
    if (std::fabs(r.t_ps[i] - lag * dt) < 1e-9) idx = i;
  ASSERT_GT(idx, 0u);
  double sum = 0;
  long n = 0;
  const int dirs = 300;
  for (int o0 = 0; o0 + lag < 21; ++o0)
    for (size_t j = 0; j < t.atoms(); ++j) {
      const gb::Vec3 d = t.positions[o0 + lag][j] - t.positions[o0][j];
      for (int k = 0; k < dirs; ++k) {
        const double z = 1 - 2 * (k + 0.5) / dirs, rr = std::sqrt(1 - z * z), ph = k * M_PI * (3 - std::sqrt(5.0));
        sum += std::cos(q * (rr * std::cos(ph) * d.x + rr * std::sin(ph) * d.y + z * d.z));
        ++n;
      }
    }
  // 300 directions integrate the sphere to ~1e-3 for these |q dr| (<~ 4).
  EXPECT_NEAR(r.Fs[idx], sum / n, 3e-3);
}

TEST(SelfScattering, NoDecayMeansNoTau) {
  const auto t = gb::testing::random_walk(100, 50, 0.1, 0.0, 0.0, 20.0, 3);
  const auto r = a::compute_self_scattering(t, 2.5);
  EXPECT_TRUE(std::isnan(r.tau_alpha_ps));
  EXPECT_FALSE(r.note.empty());
  EXPECT_THROW(a::compute_self_scattering(t, 0.0), gb::InputError);
  EXPECT_NEAR(a::relaxation_time_1_over_e({0, 1, 2}, {1, std::exp(-0.5), std::exp(-1.5)}), 1.5, 1e-12);  // log-linear exact
}
