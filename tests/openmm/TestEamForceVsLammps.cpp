// The OpenMM EAM force (CustomGBForce) against LAMMPS (Debian's lmp, run in
// the test on the same data file) on the Reference, CPU and OpenCL
// platforms: total energy and forces for CuZr_mm.eam.fs (eam/fs),
// AlCu.eam.alloy, Al_mm.eam.fs, Cu_u3.eam (funcfl), an asymmetric eam/fs
// file and a triclinic box.  Each case prints its measured agreement.
//
// The force evaluates LAMMPS's own interval cubics (EamInterpolation::
// LammpsHermite), so on Reference it agrees to rounding; CPU and OpenCL
// lose digits to float arithmetic.  Configurations: random, 2000 atoms,
// minimum distance 2 A (steeper than a relaxed liquid: a harder test).
// Measured numbers are printed as [agreement] lines and quoted below.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>

#include "common/eam_agreement.hpp"
#include "common/eam_test_files.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "common/test_structures.hpp"
#include "core/structure_builder.hpp"
#include "core/error.hpp"
#include "openmm/platform.hpp"
#include "openmm/single_point.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"

namespace {

using gb::testing::LammpsPair;

struct Tolerance {
  double energy_per_atom_eV;
  double max_force_eV_per_A;
};

// Reference (double), LAMMPS's own interval cubics, including LAMMPS's
// slope past the last knot (eam_force.cpp, stop_gradient): rounding only.
// Measured <= 1e-13 eV/atom, 3e-9 eV/A.  Tightened 100x / 200x from the
// issue's 1e-9 / 2e-5.
constexpr Tolerance kReference{1e-11, 1e-7};
// CPU platform: positions, table coefficients and pair forces in float
// (relative ~6e-8), energy accumulated in double; measured <= 1.7e-7
// eV/atom, 1.4e-4 eV/A.  ~5x room: tightened 10x / 4x from the issue's
// 1e-5 / 2e-3.
constexpr Tolerance kCpu{1e-6, 5e-4};
// OpenCL (PoCL), mixed precision: float coefficients and pair forces as on
// CPU; measured <= 6.1e-7 eV/atom, 1.6e-4 eV/A.  Tightened 2x / 2x from the
// issue's 1e-5 / 2e-3 (PoCL's float math is not guaranteed beyond that).
constexpr Tolerance kOpenCL{5e-6, 1e-3};

bool has_platform(const std::string& name) {
  for (const auto& p : gb::available_platforms())
    if (p == name) return true;
  return false;
}

const Tolerance& tolerance_of(const std::string& platform) {
  return platform == "Reference" ? kReference : platform == "CPU" ? kCpu : kOpenCL;
}

gb::testing::Engine custom_force_engine(const std::string& platform) {
  return [platform](const gb::AtomConfig& cfg, const gb::EamPotential& pot, const std::vector<int>& elem) {
    if (!has_platform(platform)) throw gb::testing::EngineUnavailable{platform + " platform not available"};
    gb::SinglePointOptions opt;
    opt.platform.name = platform;
    opt.platform.cpu_threads = 2;
    opt.check_density = false;
    opt.implementation = gb::EamImplementation::Custom;
    const gb::SinglePointResult r = gb::openmm_single_point(cfg, pot, elem, opt);
    gb::testing::EngineResult e;
    e.energy_eV = r.energy_eV;
    e.forces_eV_per_A = r.forces_eV_per_A;
    e.description = r.platform + "/" + r.precision + " custom";
    return e;
  };
}

gb::testing::AgreementTolerance as_sweep(const Tolerance& t) {
  gb::testing::AgreementTolerance a;
  a.energy_per_atom_eV = t.energy_per_atom_eV;
  a.max_force_eV_per_A = t.max_force_eV_per_A;
  return a;
}

// One body per behaviour (tests/common/eam_agreement, shared with the
// evaluator and the native force), run once per platform as OpenMM's
// platforms/*/tests do: a platform that is absent is a SKIP (exit 77).
void expect_agreement(const gb::AtomConfig& cfg, const gb::EamPotential& pot, const std::vector<std::string>& elements,
                      const LammpsPair& pair, const std::string& label, const std::string& platform) {
  if (platform == "CPU" && cfg.box.triclinic() && has_platform("CPU")) {
    // OpenMM 7.7's CPU platform treats CustomGBForce boxes as rectangular
    // (openmm/openmm#5387): glassbench refuses the combination.
    gb::SinglePointOptions opt;
    opt.platform.name = "CPU";
    opt.implementation = gb::EamImplementation::Custom;
    EXPECT_THROW(gb::openmm_single_point(cfg, pot, gb::map_elements(pot, elements), opt), gb::InputError);
    std::cout << "[agreement] " << label << " CPU: refused (triclinic box, openmm#5387)\n";
    return;
  }
  gb::testing::expect_lammps_agreement({label, cfg, pot, elements, pair}, custom_force_engine(platform),
                                       as_sweep(tolerance_of(platform)));
}

using gb::testing::cuzr_config;
using gb::testing::make_triclinic;

// Parameter: the OpenMM platform.
class EamForceVsLammps : public ::testing::TestWithParam<std::string> {};

TEST_P(EamForceVsLammps, CuZrMmEamFs) {
  const std::string p = gb::locate_potential("CuZr_mm.eam.fs");
  expect_agreement(cuzr_config(2000, 2022), gb::read_eam(p), {"Cu", "Zr"}, {"eam/fs", {"* * " + p + " Cu Zr"}},
                   "CuZr_mm.eam.fs", GetParam());
}

TEST_P(EamForceVsLammps, CuZrTriclinicBox) {
  const std::string p = gb::locate_potential("CuZr_mm.eam.fs");
  gb::AtomConfig cfg = make_triclinic(cuzr_config(1500, 7), 4.0, -3.0, 2.5);
  cfg.box.lo = {-5.0, 1.0, 2.0};
  for (auto& x : cfg.positions) x += cfg.box.lo;
  expect_agreement(cfg, gb::read_eam(p), {"Cu", "Zr"}, {"eam/fs", {"* * " + p + " Cu Zr"}}, "CuZr triclinic", GetParam());
}

TEST_P(EamForceVsLammps, AlCuEamAlloy) {
  const std::string p = gb::locate_potential("AlCu.eam.alloy");
  const auto cfg = gb::random_structure({{"Al", 1800}, {"Cu", 200}}, {26.982, 63.546}, 0.06, 2.2, 5);
  expect_agreement(cfg, gb::read_eam(p), {"Al", "Cu"}, {"eam/alloy", {"* * " + p + " Al Cu"}}, "AlCu.eam.alloy", GetParam());
}

TEST_P(EamForceVsLammps, AlMmEamFs) {
  const std::string p = gb::locate_potential("Al_mm.eam.fs");
  const auto cfg = gb::random_structure({{"Al", 2000}}, {26.982}, 0.058, 2.2, 6);
  expect_agreement(cfg, gb::read_eam(p), {"Al"}, {"eam/fs", {"* * " + p + " Al"}}, "Al_mm.eam.fs", GetParam());
}

TEST_P(EamForceVsLammps, CuU3Funcfl) {
  const std::string p = gb::locate_potential("Cu_u3.eam");
  const auto cfg = gb::random_structure({{"Cu", 2000}}, {63.55}, 0.08, 1.9, 8);
  expect_agreement(cfg, gb::read_eam(p), {"Cu"}, {"eam", {"1 1 " + p}}, "Cu_u3.eam", GetParam());
}

TEST_P(EamForceVsLammps, AsymmetricEamFs) {
  gb::testing::TempDir dir;
  const std::string p = dir.file("Asym.eam.fs");
  gb::testing::write_setfl_file(p, gb::testing::asymmetric_fs_potential());
  const gb::EamPotential pot = gb::read_eam(p);
  const auto cfg = cuzr_config(2000, 31);
  expect_agreement(cfg, pot, {"Cu", "Zr"}, {"eam/fs", {"* * " + p + " Cu Zr"}}, "asymmetric eam/fs", GetParam());

  // The comparison can tell the density convention apart: with the cross
  // densities transposed the OpenMM energy moves far beyond the tolerance.
  gb::EamPotential swapped = pot;
  std::swap(swapped.density_tab[0][1], swapped.density_tab[1][0]);
  gb::SinglePointOptions opt;
  opt.platform.name = "Reference";
  opt.implementation = gb::EamImplementation::Custom;
  const double e = gb::openmm_single_point(cfg, pot, {0, 1}, opt).energy_eV;
  const double es = gb::openmm_single_point(cfg, swapped, {0, 1}, opt).energy_eV;
  EXPECT_GT(std::fabs(e - es) / cfg.size(), 1e-3);  // >= 1 meV/atom: 1e6 x the Reference tolerance
}

INSTANTIATE_TEST_SUITE_P(Platforms, EamForceVsLammps, ::testing::Values("Reference", "CPU", "OpenCL"),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

// ---- every EAM file Debian ships, per platform ------------------------------
// The shared body (tests/common/eam_agreement) with the custom force as the
// engine; the same configurations as the evaluator's and the native force's
// sweeps.  This sweep found the funcfl defect (Cu_smf7.eam, Ni_smf7.eam:
// 6.8e-3 / 1.7e-2 eV/A before the past-the-end slope was reproduced).
class ShippedFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedFile, Reference) {
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case(GetParam()), custom_force_engine("Reference"),
                                       as_sweep(kReference));
}
TEST_P(ShippedFile, CPU) {
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case(GetParam()), custom_force_engine("CPU"),
                                       as_sweep(kCpu));
}
TEST_P(ShippedFile, OpenCL) {
  // The CustomGBForce on PoCL compiles a large program per Context: the 29
  // files took 11 min here, so CI runs the native force's OpenCL sweep
  // (plugins/eam/tests, 3 min) and this one only on request.
  if (!std::getenv("GLASSBENCH_FULL_SWEEP"))
    GTEST_SKIP() << "custom-force OpenCL sweep: set GLASSBENCH_FULL_SWEEP=1 (measured: all 29 files pass)";
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case(GetParam()), custom_force_engine("OpenCL"),
                                       as_sweep(kOpenCL));
}

INSTANTIATE_TEST_SUITE_P(Debian, ShippedFile, ::testing::ValuesIn(gb::testing::shipped_eam_files()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return gb::testing::test_name_of(i.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ShippedFile);

}  // namespace
