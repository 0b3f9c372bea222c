// Densities beyond the embedding table: the LAMMPS-exact force extrapolates
// F(rho) linearly as LAMMPS does; the natural-spline tables cannot, and the
// density guard must stop them instead of returning silently wrong numbers.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "evaluator/eam_evaluator.hpp"
#include "openmm/density_guard.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "test_configs.hpp"

namespace {

// Cu_u3.eam tabulates F up to rho = 0.25; fcc with a = 2.3 A (compressed
// from 3.615 A) pushes every atom beyond it.  5^3 cells: edge 11.5 A > 2 rc.
gb::AtomConfig compressed_cu() { return gb::fcc_structure({{"Cu", 1.0}}, {63.55}, 2.3, 5, 5, 5, 1); }

TEST(DensityGuard, CountsAtomsBeyondTheTable) {
  const gb::EamPotential pot = gb::read_eam("Cu_u3.eam");
  gb::EamSystem s = gb::build_eam_system(compressed_cu(), pot, {0});
  gb::DensityGuard guard(*s.eam, s.box_nm);
  EXPECT_EQ(guard.count_out_of_range(s.positions_nm), static_cast<int>(s.positions_nm.size()));
  EXPECT_THROW(guard.check(s.positions_nm, nullptr, "test"), gb::SimulationError);

  const gb::AtomConfig ok = gb::fcc_structure({{"Cu", 1.0}}, {63.55}, 3.615, 3, 3, 3, 1);
  gb::EamSystem s2 = gb::build_eam_system(ok, pot, {0});
  gb::DensityGuard guard2(*s2.eam, s2.box_nm);
  EXPECT_EQ(guard2.count_out_of_range(s2.positions_nm), 0);
}

TEST(DensityGuard, HermiteForceExtrapolatesLikeLammps) {
  // The CPU evaluator reproduces LAMMPS's extrapolation (checked against
  // lmp in tests/evaluator); the OpenMM force must give the same energy.
  const gb::EamPotential pot = gb::read_eam("Cu_u3.eam");
  const gb::AtomConfig cfg = compressed_cu();
  const gb::EamResult cpu = gb::EamEvaluator(pot, {0}).compute(cfg);
  ASSERT_TRUE(cpu.density_out_of_range);
  const auto omm = gb::testing::reference_point(cfg, pot, {0});
  // Rounding of ~1e5 eV totals (the compressed crystal is strongly repulsive).
  EXPECT_NEAR(omm.energy_eV, cpu.energy_eV, 1e-9 * std::fabs(cpu.energy_eV));
  for (size_t i = 0; i < cfg.size(); ++i)
    EXPECT_LT((omm.forces_eV_per_A[i] - cpu.forces_eV_per_A[i]).norm(), 1e-7);  // rounding, forces ~0 by symmetry
}

TEST(DensityGuard, NaturalSplineTablesRefuseOutOfRangeDensities) {
  const gb::EamPotential pot = gb::read_eam("Cu_u3.eam");
  gb::SinglePointOptions o;
  o.platform.name = "Reference";
  gb::EamTableOptions t;
  t.interpolation = gb::EamInterpolation::NaturalSpline;
  o.tables = t;
  o.implementation = gb::EamImplementation::Custom;
  EXPECT_THROW(gb::openmm_single_point(compressed_cu(), pot, {0}, o), gb::SimulationError);
}

}  // namespace
