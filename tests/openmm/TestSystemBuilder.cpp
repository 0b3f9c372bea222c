// From a LAMMPS configuration to an OpenMM System: masses, box reduction,
// origin shift, and the errors for boxes OpenMM cannot represent.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "core/units.hpp"
#include "evaluator/eam_evaluator.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "test_configs.hpp"

namespace {

TEST(SystemBuilder, MassesFromDataFileElsePotential) {
  const gb::EamPotential pot = gb::read_eam("CuZr_mm.eam.fs");
  gb::AtomConfig cfg = gb::testing::cuzr_config(300, 3);
  cfg.type_masses.clear();
  gb::EamSystem s = gb::build_eam_system(cfg, pot, {0, 1});
  EXPECT_DOUBLE_EQ(s.system->getParticleMass(0), pot.masses[0]);  // type 1 = Cu
  cfg.type_masses = {60.0, 90.0};
  s = gb::build_eam_system(cfg, pot, {0, 1});
  EXPECT_DOUBLE_EQ(s.system->getParticleMass(0), 60.0);
  EXPECT_DOUBLE_EQ(s.system->getParticleMass(299), 90.0);
}

TEST(SystemBuilder, LargeTiltIsReducedWithoutChangingPhysics) {
  // xy = 0.8 lx ("box tilt large" in LAMMPS) is the same lattice as xy = -0.2 lx.
  const gb::EamPotential pot = gb::read_eam("CuZr_mm.eam.fs");
  gb::AtomConfig cfg = gb::testing::cuzr_config(1500, 4);
  std::vector<gb::Vec3> s;
  for (const auto& p : cfg.positions) s.push_back(cfg.box.to_fractional(p));
  cfg.box.xy = 0.8 * cfg.box.lx;
  for (size_t i = 0; i < s.size(); ++i) cfg.positions[i] = cfg.box.to_cartesian(s[i]);
  OpenMM::Vec3 v[3];
  gb::openmm_box_vectors(cfg.box, v);
  EXPECT_LE(std::fabs(v[1][0]), 0.5 * v[0][0] + 1e-12);
  EXPECT_NEAR(v[1][0], -0.2 * cfg.box.lx * gb::units::kNmPerAngstrom, 1e-12);
  // Same energy as the CPU evaluator (which handles any tilt itself).
  const double e_cpu = gb::EamEvaluator(pot, {0, 1}).compute(cfg).energy_eV;
  const double e_omm = gb::testing::reference_point(cfg, pot, {0, 1}).energy_eV;
  EXPECT_NEAR(e_omm, e_cpu, 1e-9 * std::fabs(e_cpu));  // rounding (see TestEamForceVsLammps)
}

TEST(SystemBuilder, OriginShiftedAndBoxTooSmallRefused) {
  const gb::EamPotential pot = gb::read_eam("CuZr_mm.eam.fs");
  gb::AtomConfig cfg = gb::testing::cuzr_config(300, 5);
  cfg.box.lo = {-3, 2, 7};
  for (auto& x : cfg.positions) x += cfg.box.lo;
  gb::EamSystem s = gb::build_eam_system(cfg, pot, {0, 1});
  EXPECT_NEAR(s.positions_nm[0][0], (cfg.positions[0].x + 3) * 0.1, 1e-12);
  // 100 atoms at 0.06/A^3: edge 11.9 A < 2 x 7.6 A.
  EXPECT_THROW(gb::build_eam_system(gb::testing::cuzr_config(100, 6), pot, {0, 1}), gb::InputError);
  // A type without an element.
  EXPECT_THROW(gb::build_eam_system(cfg, pot, {0}), gb::InputError);
}

}  // namespace
