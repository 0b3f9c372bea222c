// CPU EAM evaluator against LAMMPS (Debian's lmp, run inside the test on the
// same data file): energy, per-atom energy, forces and the virial pressure
// tensor for every EAM style, funcfl mixing, an asymmetric eam/fs file,
// triclinic and small (narrower than 2*cutoff) boxes.
//
// Tolerances.  Both codes evaluate the same cubic splines of the same tables
// in double precision, so they differ only by summation order.  Measured on
// this machine (lmp 29 Sep 2021 Update 2), worst over the cases below:
// |dE|/N 8e-13 eV/atom (compressed crystal, |E| ~ 1e3 eV/atom; otherwise
// <= 7e-14), max|dE_i| 2e-13 eV, max|dF| 7e-13 eV/A, stress 5e-15 relative.
// The bounds below leave ~10-100x room for other compilers/CPUs and are far
// tighter than the 1e-9 eV/atom / 2e-5 eV/A / 1e-6.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "common/eam_agreement.hpp"
#include "common/eam_test_files.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "common/test_structures.hpp"
#include "core/structure_builder.hpp"
#include "evaluator/eam_evaluator.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"

namespace {

using gb::testing::LammpsPair;

// Summation-order rounding of ~1e3-1e5 eV totals (see file comment).
constexpr double kEnergyTol = 1e-11;
// One atom's sum of ~100 terms: rounding ~1e-14 eV.
constexpr double kAtomEnergyTol = 1e-11;
// Rounding in ~100 pair terms of up to ~10 eV/A each.
constexpr double kForceTol = 1e-10;
// Relative to the largest component: rounding only.
constexpr double kStressTol = 1e-12;

gb::testing::AgreementTolerance evaluator_tolerance() {
  gb::testing::AgreementTolerance tol;
  tol.energy_per_atom_eV = kEnergyTol;
  tol.max_per_atom_energy_eV = kAtomEnergyTol;
  tol.max_force_eV_per_A = kForceTol;
  tol.max_stress_rel = kStressTol;
  return tol;
}

// The CPU evaluator as an engine of the shared body (tests/common/eam_agreement).
gb::testing::EngineResult evaluator_engine(const gb::AtomConfig& cfg, const gb::EamPotential& pot,
                                           const std::vector<int>& elem) {
  const gb::EamResult r = gb::EamEvaluator(pot, elem, 2).compute(cfg);
  gb::testing::EngineResult e;
  e.energy_eV = r.energy_eV;
  e.per_atom_energy_eV = r.per_atom_energy_eV;
  e.forces_eV_per_A = r.forces_eV_per_A;
  e.pressure_virial_bar = r.pressure_virial_bar(cfg.box.volume());
  e.description = "evaluator";
  return e;
}

void expect_agreement(const gb::AtomConfig& cfg, const gb::EamPotential& pot, const std::vector<std::string>& elements,
                      const LammpsPair& pair, const std::string& label) {
  const gb::EamResult r = gb::EamEvaluator(pot, gb::map_elements(pot, elements), 2).compute(cfg);
  EXPECT_FALSE(r.density_out_of_range) << "test configuration should stay inside the F(rho) table";
  gb::testing::expect_lammps_agreement({label, cfg, pot, elements, pair}, evaluator_engine, evaluator_tolerance());
}

std::string pot_path(const std::string& name) { return gb::locate_potential(name); }

using gb::testing::cuzr_config;
using gb::testing::make_triclinic;

TEST(EvaluatorVsLammps, CuZrMmEamFs2000Atoms) {
  const std::string p = pot_path("CuZr_mm.eam.fs");
  expect_agreement(cuzr_config(2000, 2022), gb::read_eam(p), {"Cu", "Zr"}, {"eam/fs", {"* * " + p + " Cu Zr"}},
                   "CuZr_mm.eam.fs");
}

TEST(EvaluatorVsLammps, CuZrTriclinicBox) {
  const std::string p = pot_path("CuZr_mm.eam.fs");
  gb::AtomConfig cfg = make_triclinic(cuzr_config(1500, 7), 4.0, -3.0, 2.5);
  cfg.box.lo = {-5.0, 1.0, 2.0};
  for (auto& x : cfg.positions) x += cfg.box.lo;
  expect_agreement(cfg, gb::read_eam(p), {"Cu", "Zr"}, {"eam/fs", {"* * " + p + " Cu Zr"}}, "CuZr triclinic");
}

TEST(EvaluatorVsLammps, SmallBoxNarrowerThanTwoCutoffs) {
  // 100 atoms: box edge 11.9 A < 2 * 7.6 A, so atoms see several images of a neighbour.
  const std::string p = pot_path("CuZr_mm.eam.fs");
  expect_agreement(make_triclinic(cuzr_config(100, 11), 1.5, 0.0, -1.0), gb::read_eam(p), {"Cu", "Zr"},
                   {"eam/fs", {"* * " + p + " Cu Zr"}}, "CuZr small triclinic box");
}

TEST(EvaluatorVsLammps, AlCuEamAlloy) {
  const std::string p = pot_path("AlCu.eam.alloy");
  const auto cfg = gb::random_structure({{"Al", 900}, {"Cu", 100}}, {26.982, 63.546}, 0.06, 2.2, 5);
  expect_agreement(cfg, gb::read_eam(p), {"Al", "Cu"}, {"eam/alloy", {"* * " + p + " Al Cu"}}, "AlCu.eam.alloy");
}

TEST(EvaluatorVsLammps, AlMmEamFs) {
  const std::string p = pot_path("Al_mm.eam.fs");
  const auto cfg = gb::random_structure({{"Al", 1000}}, {26.982}, 0.058, 2.2, 6);
  expect_agreement(cfg, gb::read_eam(p), {"Al"}, {"eam/fs", {"* * " + p + " Al"}}, "Al_mm.eam.fs");
}

TEST(EvaluatorVsLammps, CuU3Funcfl) {
  const std::string p = pot_path("Cu_u3.eam");
  const auto cfg = gb::random_structure({{"Cu", 1000}}, {63.55}, 0.08, 1.9, 8);
  expect_agreement(cfg, gb::read_eam(p), {"Cu"}, {"eam", {"1 1 " + p}}, "Cu_u3.eam");
}

TEST(EvaluatorVsLammps, FuncflMixtureCuAg) {
  const std::string cu = pot_path("Cu_u3.eam"), ag = pot_path("Ag_u3.eam");
  const auto cfg = gb::random_structure({{"Cu", 600}, {"Ag", 400}}, {63.55, 107.87}, 0.07, 2.0, 9);
  expect_agreement(cfg, gb::read_funcfl_mixture({cu, ag}), {"Cu", "Ag"}, {"eam", {"1 1 " + cu, "2 2 " + ag}},
                   "Cu_u3 + Ag_u3 funcfl mixture");
}

TEST(EvaluatorVsLammps, FuncflMixtureCuNiThreeTypes) {
  // Three LAMMPS types on two files (type 3 reuses Cu): exercises the
  // type -> element map and the mixed grid from files of different dr.
  const std::string cu = pot_path("Cu_u3.eam"), ni = pot_path("Ni_u3.eam");
  auto cfg = gb::random_structure({{"Ni", 300}, {"Cu", 500}, {"Cu", 200}}, {58.69, 63.55, 63.55}, 0.085, 1.9, 10);
  expect_agreement(cfg, gb::read_funcfl_mixture({ni, cu}), {"Ni", "Cu", "Cu"},
                   {"eam", {"1 1 " + ni, "2 2 " + cu, "3 3 " + cu}}, "Ni_u3 + Cu_u3 funcfl mixture");
}

TEST(EvaluatorVsLammps, AsymmetricEamFs) {
  gb::testing::TempDir dir;
  const std::string p = dir.file("Asym.eam.fs");
  gb::testing::write_setfl_file(p, gb::testing::asymmetric_fs_potential());
  const gb::EamPotential pot = gb::read_eam(p);
  const auto cfg = cuzr_config(2000, 31);
  expect_agreement(cfg, pot, {"Cu", "Zr"}, {"eam/fs", {"* * " + p + " Cu Zr"}}, "asymmetric eam/fs");

  // The test can tell the convention apart: with the cross densities
  // transposed the energy moves by far more than the tolerance.
  gb::EamPotential swapped = pot;
  std::swap(swapped.density_tab[0][1], swapped.density_tab[1][0]);
  const double e = gb::EamEvaluator(pot, {0, 1}).compute(cfg).energy_eV;
  const double es = gb::EamEvaluator(swapped, {0, 1}).compute(cfg).energy_eV;
  EXPECT_GT(std::fabs(e - es) / cfg.size(), 1e-3);  // >= 1 meV/atom: 1e9 x the energy tolerance
}

TEST(EvaluatorVsLammps, RhoBeyondTableIsExtrapolatedLikeLammps) {
  // Cu_u3.eam tabulates F up to rho = 0.25; a strongly compressed fcc crystal
  // goes past it, where LAMMPS continues F linearly with the end slope.
  const std::string p = pot_path("Cu_u3.eam");
  auto cfg = gb::fcc_structure({{"Cu", 1.0}}, {63.55}, 2.3, 3, 3, 3, 1);
  const gb::EamPotential pot = gb::read_eam(p);
  const auto r = gb::EamEvaluator(pot, {0}).compute(cfg);
  ASSERT_TRUE(r.density_out_of_range) << "max rho " << r.max_density << " should exceed " << pot.rho_max();
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  const auto l = gb::testing::run_lammps_static(cfg, {"eam", {"1 1 " + p}});
  const auto a = gb::testing::compare_to_lammps(l, r.energy_eV, r.per_atom_energy_eV, r.forces_eV_per_A,
                                                r.pressure_virial_bar(cfg.box.volume()));
  std::cout << "[agreement] Cu_u3 compressed beyond rho_max: " << a.str() << "\n";
  EXPECT_LE(a.energy_per_atom_eV, kEnergyTol);
  EXPECT_LE(a.max_force_eV_per_A, kForceTol);
  EXPECT_LE(a.max_stress_rel, kStressTol);
}

// ---- every EAM file Debian ships (shared body: tests/common/eam_agreement) --
class ShippedFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedFile, Evaluator) {
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case(GetParam()), evaluator_engine,
                                       evaluator_tolerance());
}

INSTANTIATE_TEST_SUITE_P(Debian, ShippedFile, ::testing::ValuesIn(gb::testing::shipped_eam_files()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return gb::testing::test_name_of(i.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ShippedFile);

}  // namespace
