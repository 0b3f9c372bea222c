// OpenKIM-style checks of the OpenMM EAM force on the Reference platform:
// forces are minus the derivative of the energy, the energy is invariant
// under translation, rotation (isolated cluster) and atom order, and it is
// continuous at the cutoff.  These hold for any correct implementation, so
// they check the force without any second code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "common/eam_test_files.hpp"
#include "potential/eam_reader.hpp"
#include "test_configs.hpp"

namespace {

using gb::testing::cuzr_config;
using gb::testing::reference_point;

const gb::EamPotential& cuzr_pot() {
  static const gb::EamPotential p = gb::read_eam("CuZr_mm.eam.fs");
  return p;
}

TEST(EamForceProperties, ForcesAreMinusEnergyGradient) {
  gb::AtomConfig cfg = cuzr_config(300, 41);  // box 17.1 A > 2 x 7.6 A cutoff
  const auto f0 = reference_point(cfg, cuzr_pot(), {0, 1}).forces_eV_per_A;
  // Step 1e-5 A: LAMMPS's cubics are C1 (curvature jumps at knots 7.6e-4 A
  // apart), so the central difference can err by ~h * |jump in phi''|;
  // round-off ~ 1e-16 * 1200 eV / 1e-5 A ~ 1e-8 eV/A.  Measured max 1e-7.
  const double h = 1e-5;
  gb::testing::ReferenceEnergyProbe probe(cfg, cuzr_pot(), {0, 1});
  double worst = 0;
  for (int atom : {0, 57, 150, 222, 299})
    for (int d = 0; d < 3; ++d) {
      std::vector<gb::Vec3> p = cfg.positions, m = cfg.positions;
      p[atom][d] += h;
      m[atom][d] -= h;
      const double fd = -(probe.energy(p, cfg.box.lo) - probe.energy(m, cfg.box.lo)) / (2 * h);
      worst = std::max(worst, std::fabs(fd - f0[atom][d]));
      // Forces here are ~0.1-20 eV/A; 10x the measured worst case.
      EXPECT_NEAR(fd, f0[atom][d], 1e-6) << "atom " << atom << " dim " << d;
    }
  std::cout << "[properties] max |F + dE/dx| = " << worst << " eV/A (h = " << h << " A)\n";
}

TEST(EamForceProperties, TranslationInvariant) {
  gb::AtomConfig cfg = cuzr_config(300, 42);
  const auto a = reference_point(cfg, cuzr_pot(), {0, 1});
  for (auto& x : cfg.positions) x += gb::Vec3(1.37, -2.71, 0.44);
  const auto b = reference_point(cfg, cuzr_pot(), {0, 1});
  // Same pair distances up to rounding of the shifted coordinates (1e-15 A).
  EXPECT_NEAR(a.energy_eV, b.energy_eV, 1e-9 * std::fabs(a.energy_eV));
  for (size_t i = 0; i < cfg.size(); ++i) EXPECT_LT((a.forces_eV_per_A[i] - b.forces_eV_per_A[i]).norm(), 1e-9);
}

TEST(EamForceProperties, RotationInvariantForIsolatedCluster) {
  // Isolated 150-atom cluster (non-periodic cutoff).
  gb::AtomConfig cfg = cuzr_config(150, 43);
  const auto a = reference_point(cfg, cuzr_pot(), {0, 1}, false);
  // Rotation by Euler angles (0.3, 1.1, -0.7) about the box centre.
  const double al = 0.3, be = 1.1, ga = -0.7;
  const double R[3][3] = {
      {std::cos(al) * std::cos(ga) - std::sin(al) * std::cos(be) * std::sin(ga),
       -std::cos(al) * std::sin(ga) - std::sin(al) * std::cos(be) * std::cos(ga), std::sin(al) * std::sin(be)},
      {std::sin(al) * std::cos(ga) + std::cos(al) * std::cos(be) * std::sin(ga),
       -std::sin(al) * std::sin(ga) + std::cos(al) * std::cos(be) * std::cos(ga), -std::cos(al) * std::sin(be)},
      {std::sin(be) * std::sin(ga), std::sin(be) * std::cos(ga), std::cos(be)}};
  auto rot = [&](const gb::Vec3& v) {
    return gb::Vec3(R[0][0] * v.x + R[0][1] * v.y + R[0][2] * v.z, R[1][0] * v.x + R[1][1] * v.y + R[1][2] * v.z,
                    R[2][0] * v.x + R[2][1] * v.y + R[2][2] * v.z);
  };
  const gb::Vec3 c(cfg.box.lx / 2, cfg.box.ly / 2, cfg.box.lz / 2);
  gb::AtomConfig r = cfg;
  for (auto& x : r.positions) x = rot(x - c) + c;
  const auto b = reference_point(r, cuzr_pot(), {0, 1}, false);
  // Distances agree to ~1e-15 relative after rotation; the sum of ~1e4 terms
  // keeps that to ~1e-12 relative.
  EXPECT_NEAR(a.energy_eV, b.energy_eV, 1e-10 * std::fabs(a.energy_eV));
  double worst = 0;
  for (size_t i = 0; i < cfg.size(); ++i)
    worst = std::max(worst, (rot(a.forces_eV_per_A[i]) - b.forces_eV_per_A[i]).norm());
  EXPECT_LT(worst, 1e-8);  // forces up to ~50 eV/A at the rough surface, rounding only
}

TEST(EamForceProperties, PermutationInvariant) {
  gb::AtomConfig cfg = cuzr_config(300, 44);
  const auto a = reference_point(cfg, cuzr_pot(), {0, 1});
  std::vector<size_t> perm(cfg.size());
  std::iota(perm.begin(), perm.end(), 0);
  std::shuffle(perm.begin(), perm.end(), std::mt19937_64(5));
  gb::AtomConfig p = cfg;
  for (size_t k = 0; k < perm.size(); ++k) {
    p.ids[k] = cfg.ids[perm[k]];
    p.types[k] = cfg.types[perm[k]];
    p.positions[k] = cfg.positions[perm[k]];
  }
  const auto b = reference_point(p, cuzr_pot(), {0, 1});
  // Only the summation order changes.
  EXPECT_NEAR(a.energy_eV, b.energy_eV, 1e-10 * std::fabs(a.energy_eV));
  for (size_t k = 0; k < perm.size(); ++k)
    EXPECT_LT((b.forces_eV_per_A[k] - a.forces_eV_per_A[perm[k]]).norm(), 1e-10);
}

// Energy of a dimer of elements (ea, eb) at distance r, isolated.
double dimer_energy(const gb::EamPotential& pot, int ea, int eb, double r) {
  gb::AtomConfig c;
  c.box = gb::Box::cubic(40);
  c.ntypes = pot.nelements();
  c.ids = {1, 2};
  c.types = {ea + 1, eb + 1};
  c.positions = {gb::Vec3(10, 10, 10), gb::Vec3(10 + r, 10, 10)};
  std::vector<int> elem(pot.nelements());
  std::iota(elem.begin(), elem.end(), 0);
  return reference_point(c, pot, elem, false).energy_eV;
}

TEST(EamForceProperties, EnergyContinuousAtCutoff) {
  // Across the cutoff a dimer's energy changes by phi(rc) + F(rho(rc)) terms;
  // a correct force shows only what the tables hold there.  CuZr_mm.eam.fs
  // and the test's asymmetric file both go smoothly to zero at rc.
  for (const auto& pot : {cuzr_pot(), gb::testing::asymmetric_fs_potential()}) {
    const double rc = pot.cutoff;
    for (int a = 0; a < pot.nelements(); ++a)
      for (int b = a; b < pot.nelements(); ++b) {
        const double in = dimer_energy(pot, a, b, rc - 1e-7), out = dimer_energy(pot, a, b, rc + 1e-7);
        // The files' functions vanish at rc (CuZr_mm: |r*phi| < 1e-20 over
        // the last knots), so any jump above rounding would be ours.
        EXPECT_NEAR(in, out, 1e-9) << pot.source << " elements " << a << "," << b;
      }
  }
}

}  // namespace
