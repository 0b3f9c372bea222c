// Properties any correct EAM force routine has, independent of LAMMPS
// (OpenKIM-style): forces are minus the energy gradient, the virial is minus
// the strain derivative of the energy, translation/permutation invariance,
// thread-count independence, continuity at the cutoff.  Uses the analytic
// asymmetric eam/fs potential, so no installed files are needed.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <numeric>

#include "common/eam_test_files.hpp"
#include "core/error.hpp"
#include "core/structure_builder.hpp"
#include "evaluator/eam_evaluator.hpp"

namespace {

const gb::EamPotential& potential() {
  static const gb::EamPotential p = gb::testing::asymmetric_fs_potential();
  return p;
}

// 250 atoms (box edge 16.1 A, cutoff 6 A) in a tilted triclinic cell.
gb::AtomConfig config(uint64_t seed = 3) {
  gb::AtomConfig c = gb::random_structure({{"Cu", 160}, {"Zr", 90}}, {63.546, 91.224}, 0.06, 2.0, seed);
  std::vector<gb::Vec3> s;
  for (const auto& p : c.positions) s.push_back(c.box.to_fractional(p));
  c.box.xy = 1.7;
  c.box.xz = -0.9;
  c.box.yz = 1.1;
  for (size_t i = 0; i < s.size(); ++i) c.positions[i] = c.box.to_cartesian(s[i]);
  return c;
}

double energy(const gb::AtomConfig& c) { return gb::EamEvaluator(potential(), {0, 1}).compute(c).energy_eV; }

TEST(EvaluatorProperties, ForcesAreMinusCentralDifferenceOfEnergy) {
  const gb::AtomConfig c = config();
  const auto r = gb::EamEvaluator(potential(), {0, 1}).compute(c);
  const double h = 1e-4;  // A
  double worst = 0;
  for (size_t i : {0, 7, 100, 170, 249})
    for (int k = 0; k < 3; ++k) {
      gb::AtomConfig p = c, m = c;
      p.positions[i][k] += h;
      m.positions[i][k] -= h;
      const double fd = -(energy(p) - energy(m)) / (2 * h);
      worst = std::max(worst, std::fabs(fd - r.forces_eV_per_A[i][k]));
    }
  // Central difference error: h^2 F''/6 ~ 1e-8 * O(10) plus energy rounding
  // (1e-13 * 1e3 eV)/h ~ 1e-9; measured 7e-8 eV/A, bound 1e-6 (C1 splines:
  // a knot inside [x-h, x+h] adds O(h * jump in F'') ~ 1e-7).
  std::cout << "[finite difference] max |F + dE/dx| = " << worst << " eV/A\n";
  EXPECT_LT(worst, 1e-6) << "max |F + dE/dx| = " << worst;
}

TEST(EvaluatorProperties, VirialIsMinusStrainDerivativeOfEnergy) {
  const gb::AtomConfig c = config();
  const auto r = gb::EamEvaluator(potential(), {0, 1}).compute(c);
  // Homogeneous deformation x' = (1 + e) x with the box deformed alike;
  // W_ab = -dE/de_ab for the components (a, b) = (x,x), (y,y), (z,z),
  // (x,y), (x,z), (y,z) with the displacement gradient along a, varying with b.
  const int comp[6][2] = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
  const double e = 1e-6;
  for (int v = 0; v < 6; ++v) {
    auto deformed = [&](double eps) {
      gb::AtomConfig d = c;
      const int a = comp[v][0], b = comp[v][1];
      for (auto& x : d.positions) x[a] += eps * x[b];
      // Box edges are the columns a=(lx,0,0), b=(xy,ly,0), c=(xz,yz,lz).
      gb::Vec3 A = d.box.a(), B = d.box.b(), C = d.box.c();
      A[a] += eps * A[b];
      B[a] += eps * B[b];
      C[a] += eps * C[b];
      d.box.lx = A.x;
      d.box.xy = B.x;
      d.box.ly = B.y;
      d.box.xz = C.x;
      d.box.yz = C.y;
      d.box.lz = C.z;
      return d;
    };
    const double dEde = (energy(deformed(e)) - energy(deformed(-e))) / (2 * e);
    std::cout << "[strain derivative] W_" << v << " - (-dE/de) = " << r.virial_eV[v] + dEde << " eV\n";
    // Rounding of E (~1e-12 eV) / 2e-6 ~ 1e-6 eV plus O(e^2) curvature;
    // measured <= 2e-7 eV on virials of 4-370 eV.
    EXPECT_NEAR(r.virial_eV[v], -dEde, 2e-6) << "component " << v;
  }
}

TEST(EvaluatorProperties, TranslationInvariance) {
  const gb::AtomConfig c = config();
  gb::AtomConfig t = c;
  for (auto& x : t.positions) x += gb::Vec3{13.37, -4.2, 27.9};  // also crosses box faces
  const auto a = gb::EamEvaluator(potential(), {0, 1}).compute(c);
  const auto b = gb::EamEvaluator(potential(), {0, 1}).compute(t);
  // Rounding only: positions change in the last bits when wrapped.
  EXPECT_NEAR(a.energy_eV, b.energy_eV, 1e-10);
  for (size_t i = 0; i < c.size(); ++i)
    EXPECT_LT((a.forces_eV_per_A[i] - b.forces_eV_per_A[i]).norm(), 1e-10) << i;
  for (int k = 0; k < 6; ++k) EXPECT_NEAR(a.virial_eV[k], b.virial_eV[k], 1e-9);
}

TEST(EvaluatorProperties, PermutationInvariance) {
  const gb::AtomConfig c = config();
  std::vector<size_t> perm(c.size());
  std::iota(perm.begin(), perm.end(), 0);
  for (size_t i = 0; i < perm.size(); ++i) std::swap(perm[i], perm[(i * 7919 + 13) % perm.size()]);
  gb::AtomConfig p = c;
  for (size_t i = 0; i < perm.size(); ++i) {
    p.positions[i] = c.positions[perm[i]];
    p.types[i] = c.types[perm[i]];
    p.ids[i] = c.ids[perm[i]];
  }
  const auto a = gb::EamEvaluator(potential(), {0, 1}).compute(c);
  const auto b = gb::EamEvaluator(potential(), {0, 1}).compute(p);
  EXPECT_NEAR(a.energy_eV, b.energy_eV, 1e-10);  // summation order only
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_LT((b.forces_eV_per_A[i] - a.forces_eV_per_A[perm[i]]).norm(), 1e-11) << i;
    EXPECT_NEAR(b.per_atom_energy_eV[i], a.per_atom_energy_eV[perm[i]], 1e-12) << i;
  }
}

TEST(EvaluatorProperties, ThreadCountChangesResultsOnlyByRounding) {
  const gb::AtomConfig c = config();
  const auto a = gb::EamEvaluator(potential(), {0, 1}, 1).compute(c);
  const auto b = gb::EamEvaluator(potential(), {0, 1}, 3).compute(c);
  const auto b2 = gb::EamEvaluator(potential(), {0, 1}, 3).compute(c);
  // The half list gives each thread its own density/force buffers, summed
  // in thread order: the same thread count repeats bitwise ...
  EXPECT_EQ(b.energy_eV, b2.energy_eV);
  for (size_t i = 0; i < c.size(); ++i) EXPECT_EQ(b.forces_eV_per_A[i].x, b2.forces_eV_per_A[i].x);
  // ... and another count regroups the same terms: rounding of ~1e3 eV
  // totals and ~1-10 eV/A forces (~1e-13 relative).
  EXPECT_NEAR(a.energy_eV, b.energy_eV, 1e-10);
  for (int k = 0; k < 6; ++k) EXPECT_NEAR(a.virial_eV[k], b.virial_eV[k], 1e-10);
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_NEAR(a.forces_eV_per_A[i].x, b.forces_eV_per_A[i].x, 1e-11);
    EXPECT_NEAR(a.per_atom_energy_eV[i], b.per_atom_energy_eV[i], 1e-11);
  }
}

TEST(EvaluatorProperties, NetForceVanishes) {
  const auto r = gb::EamEvaluator(potential(), {0, 1}).compute(config());
  gb::Vec3 sum;
  for (const auto& f : r.forces_eV_per_A) sum += f;
  EXPECT_LT(sum.norm(), 1e-10);  // pair forces cancel exactly up to rounding
}

TEST(EvaluatorProperties, EnergyContinuousAtCutoff) {
  // Dimer in a big box: energy just inside and just outside the cutoff.
  gb::AtomConfig c;
  c.box = gb::Box::cubic(40.0);
  c.ntypes = 2;
  c.ids = {1, 2};
  c.types = {1, 2};
  const double rc = potential().cutoff;
  auto dimer = [&](double r) {
    c.positions = {{10, 10, 10}, {10 + r, 10, 10}};
    return gb::EamEvaluator(potential(), {0, 1}).compute(c).energy_eV;
  };
  const double inside = dimer(rc - 1e-7), outside = dimer(rc + 1e-7);
  // Beyond rc the atoms do not interact: only F(0) of each remains.
  EXPECT_EQ(outside, potential().embedding[0][0] + potential().embedding[1][0]);
  // Tabulated functions vanish with zero slope at rc: a jump would show as
  // |dE| >> 1e-12 eV.
  EXPECT_NEAR(inside, outside, 1e-12);
}

TEST(EvaluatorProperties, UnmappedTypeIsAnInputError) {
  gb::AtomConfig c = config();
  c.types[5] = 3;
  EXPECT_THROW(gb::EamEvaluator(potential(), {0, 1}).compute(c), gb::InputError);
  EXPECT_THROW(gb::EamEvaluator(potential(), {0, 2}), std::invalid_argument);
}

}  // namespace
