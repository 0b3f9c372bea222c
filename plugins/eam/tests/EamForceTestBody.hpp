// Tests of the native EamForce, one body for every platform (OpenMM plugin
// style): Test<Platform>EamForce.cpp defines kPlatform and kTol, then
// includes this file.  Every comparison with LAMMPS goes through the shared
// tests/common/eam_agreement body, with the same configurations as the
// evaluator's and the custom force's sweeps.
#include <gtest/gtest.h>

#include <OpenMM.h>
#include <openmm/serialization/XmlSerializer.h>

#include <cmath>
#include <sstream>

#include "EamForce.h"
#include "common/eam_agreement.hpp"
#include "common/test_structures.hpp"
#include "core/structure_builder.hpp"
#include "core/units.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/single_point.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"

namespace {

bool platform_present() {
  for (const auto& p : gb::available_platforms())
    if (p == kPlatform) return true;
  return false;
}

gb::SinglePointResult single_point(const gb::AtomConfig& cfg, const gb::EamPotential& pot,
                                   const std::vector<int>& elem, gb::EamImplementation impl,
                                   const std::string& precision = "") {
  gb::SinglePointOptions opt;
  opt.platform.name = kPlatform;
  opt.platform.precision = precision;  // "": the platform's default
  opt.platform.cpu_threads = 2;
  opt.check_density = false;
  opt.implementation = impl;
  return gb::openmm_single_point(cfg, pot, elem, opt);
}

gb::testing::Engine native_engine(const std::string& precision = "") {
  return [precision](const gb::AtomConfig& cfg, const gb::EamPotential& pot, const std::vector<int>& elem) {
    if (!platform_present()) throw gb::testing::EngineUnavailable{std::string(kPlatform) + " platform not available"};
    if (!gb::native_force_available(kPlatform))
      throw gb::testing::EngineUnavailable{std::string("native EAM kernel not built for ") + kPlatform};
    const gb::SinglePointResult r = single_point(cfg, pot, elem, gb::EamImplementation::Native, precision);
    gb::testing::EngineResult e;
    e.energy_eV = r.energy_eV;
    e.forces_eV_per_A = r.forces_eV_per_A;
    if (r.virial_eV && kTol.stress_rel >= 0) {
      std::array<double, 6> p{};
      for (int k = 0; k < 6; ++k) p[k] = (*r.virial_eV)[k] / cfg.box.volume() * gb::units::kBarPerEVPerAngstrom3;
      e.pressure_virial_bar = p;
    }
    e.description = r.platform + "/" + r.precision + " native";
    return e;
  };
}

gb::testing::AgreementTolerance tolerance() {
  gb::testing::AgreementTolerance t;
  t.energy_per_atom_eV = kTol.energy_per_atom_eV;
  t.max_force_eV_per_A = kTol.max_force_eV_per_A;
  t.max_stress_rel = kTol.stress_rel;
  return t;
}

class ShippedFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedFile, AgreesWithLammps) {
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case(GetParam()), native_engine(), tolerance());
}

INSTANTIATE_TEST_SUITE_P(Debian, ShippedFile, ::testing::ValuesIn(gb::testing::shipped_eam_files()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return gb::testing::test_name_of(i.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ShippedFile);

TEST(NativeEamForce, TriclinicCuZrAgreesWithLammps) {
  const std::string p = gb::locate_potential("CuZr_mm.eam.fs");
  gb::testing::AgreementCase c;
  c.label = "CuZr triclinic";
  c.cfg = gb::testing::make_triclinic(gb::testing::cuzr_config(1500, 7), 4.0, -3.0, 2.5);
  c.pot = gb::read_eam(p);
  c.elements = {"Cu", "Zr"};
  c.pair = {"eam/fs", {"* * " + p + " Cu Zr"}};
  gb::testing::expect_lammps_agreement(c, native_engine(), tolerance());
}

TEST(NativeEamForce, FuncflMixtureAgreesWithLammps) {
  const std::string cu = gb::locate_potential("Cu_u3.eam"), ag = gb::locate_potential("Ag_u3.eam");
  gb::testing::AgreementCase c;
  c.label = "Cu_u3 + Ag_u3 funcfl mixture";
  c.cfg = gb::random_structure({{"Cu", 600}, {"Ag", 400}}, {63.55, 107.87}, 0.07, 2.0, 9);
  c.pot = gb::read_funcfl_mixture({cu, ag});
  c.elements = {"Cu", "Ag"};
  c.pair = {"eam", {"1 1 " + cu, "2 2 " + ag}};
  gb::testing::expect_lammps_agreement(c, native_engine(), tolerance());
}

TEST(NativeEamForce, AgreesWithCustomForce) {
  if (!platform_present()) GTEST_SKIP() << kPlatform << " not available";
  if (!gb::native_force_available(kPlatform)) GTEST_SKIP() << "native kernel not built for " << kPlatform;
  const gb::EamPotential pot = gb::read_eam(gb::locate_potential("CuZr_mm.eam.fs"));
  const gb::AtomConfig cfg = gb::testing::cuzr_config(2000, 2022);
  const auto n = single_point(cfg, pot, {0, 1}, gb::EamImplementation::Native);
  const auto c = single_point(cfg, pot, {0, 1}, gb::EamImplementation::Custom);
  double df = 0;
  for (size_t i = 0; i < cfg.size(); ++i) df = std::max(df, (n.forces_eV_per_A[i] - c.forces_eV_per_A[i]).norm());
  const double de = std::fabs(n.energy_eV - c.energy_eV) / cfg.size();
  std::cout << "[native-vs-custom] " << kPlatform << " CuZr 2000: |dE|/N = " << de << " eV, max|dF| = " << df
            << " eV/A\n";
  EXPECT_LE(de, kTol.custom_energy_per_atom_eV);
  EXPECT_LE(df, kTol.custom_force_eV_per_A);
}

// A System holding the native force for the 864-atom Cu_u3 sweep case.
struct NativeSystem {
  gb::EamSystem s;
  explicit NativeSystem(const gb::testing::AgreementCase& c) {
    gb::EamForceOptions fo;
    fo.implementation = gb::EamImplementation::Native;
    s = gb::build_eam_system(c.cfg, c.pot, gb::map_elements(c.pot, c.elements), fo);
  }
};

// precision "": the platform's default.
std::unique_ptr<OpenMM::Context> context_for(OpenMM::System& system, OpenMM::Integrator& integ,
                                             const std::string& precision = "") {
  gb::PlatformRequest r;
  r.name = kPlatform;
  r.cpu_threads = 2;
  r.precision = precision;
  return gb::make_context(system, integ, gb::choose_platform(r));
}

TEST(NativeEamForce, SerializationRoundTrip) {
  if (!platform_present()) GTEST_SKIP() << kPlatform << " not available";
  if (!gb::native_force_available(kPlatform)) GTEST_SKIP() << "native kernel not built for " << kPlatform;
  NativeSystem ns(gb::testing::shipped_file_case("CuZr_mm.eam.fs"));
  std::stringstream xml;
  OpenMM::XmlSerializer::serialize<OpenMM::System>(ns.s.system.get(), "System", xml);
  std::unique_ptr<OpenMM::System> copy(OpenMM::XmlSerializer::deserialize<OpenMM::System>(xml));
  ASSERT_EQ(copy->getNumForces(), ns.s.system->getNumForces());
  auto* f = dynamic_cast<EamPlugin::EamForce*>(&copy->getForce(ns.s.eam_force_index));
  ASSERT_NE(f, nullptr) << "the force came back as another type";
  EXPECT_EQ(f->getNumParticles(), ns.s.native->getNumParticles());
  EXPECT_EQ(f->getTables().z2r, ns.s.native->getTables().z2r);  // %.17g: exact
  OpenMM::VerletIntegrator i1(0.001), i2(0.001);
  auto c1 = context_for(*ns.s.system, i1);
  auto c2 = context_for(*copy, i2);
  c1->setPositions(ns.s.positions_nm);
  c2->setPositions(ns.s.positions_nm);
  const OpenMM::State s1 = c1->getState(OpenMM::State::Energy | OpenMM::State::Forces);
  const OpenMM::State s2 = c2->getState(OpenMM::State::Energy | OpenMM::State::Forces);
  EXPECT_EQ(s1.getPotentialEnergy(), s2.getPotentialEnergy());  // same tables, same code: identical
  for (size_t k = 0; k < ns.s.positions_nm.size(); ++k)
    for (int d = 0; d < 3; ++d) ASSERT_EQ(s1.getForces()[k][d], s2.getForces()[k][d]);
}

// Forces in eV/A and the energy in eV of `positions` in `ctx`.
std::pair<double, std::vector<OpenMM::Vec3>> energy_forces(OpenMM::Context& ctx) {
  const OpenMM::State s = ctx.getState(OpenMM::State::Energy | OpenMM::State::Forces);
  std::vector<OpenMM::Vec3> f = s.getForces();
  for (auto& v : f) v *= gb::units::kEVPerKJPerMol / 10.0;  // kJ/mol/nm -> eV/A
  return {s.getPotentialEnergy() * gb::units::kEVPerKJPerMol, f};
}

// One context evaluated at a start configuration and then at `moved`
// (setPositions, as an integrator's motion: the kernel's skin rule must see
// it and rebuild its neighbour list) gives what a fresh context gives for
// `moved`, within the platform's bound vs LAMMPS.
// `precision` and the bounds: as the platform's LAMMPS comparison at that precision.
void expect_same_as_fresh_context(OpenMM::System& system, const std::vector<OpenMM::Vec3>& start,
                                  const std::vector<OpenMM::Vec3>& moved, const OpenMM::Vec3* movedBox,
                                  const char* what, const std::string& precision, double energy_per_atom_eV,
                                  double max_force_eV_per_A) {
  OpenMM::VerletIntegrator i1(0.001), i2(0.001);
  auto c1 = context_for(system, i1, precision);
  c1->setPositions(start);
  energy_forces(*c1);  // list built here
  if (movedBox) c1->setPeriodicBoxVectors(movedBox[0], movedBox[1], movedBox[2]);
  c1->setPositions(moved);
  const auto a = energy_forces(*c1);
  auto c2 = context_for(system, i2, precision);
  if (movedBox) c2->setPeriodicBoxVectors(movedBox[0], movedBox[1], movedBox[2]);
  c2->setPositions(moved);
  const auto b = energy_forces(*c2);
  double df = 0;
  for (size_t k = 0; k < moved.size(); ++k) {
    const OpenMM::Vec3 d = a.second[k] - b.second[k];
    df = std::max(df, std::sqrt(d.dot(d)));
  }
  const double de = std::fabs(a.first - b.first) / moved.size();
  std::cout << "[rebuild] " << kPlatform << (precision.empty() ? "" : " " + precision) << " " << what
            << ": vs fresh context |dE|/N = " << de << " eV, max|dF| = " << df << " eV/A\n";
  EXPECT_LE(de, energy_per_atom_eV) << what;
  EXPECT_LE(df, max_force_eV_per_A) << what;
}

// Pairs closer than r_in at (b, boxB) that were farther than r_out at
// (a, boxA): pairs a list built at a cannot hold.  Minimum image for
// lower-triangular boxes with tilts below half a box length.
int pairs_entering(const std::vector<OpenMM::Vec3>& a, const OpenMM::Vec3* boxA, const std::vector<OpenMM::Vec3>& b,
                   const OpenMM::Vec3* boxB, double r_in, double r_out) {
  auto dist = [](const std::vector<OpenMM::Vec3>& x, const OpenMM::Vec3* h, size_t i, size_t j) {
    OpenMM::Vec3 d = x[j] - x[i];
    for (int k = 2; k >= 0; --k) d -= h[k] * std::round(d[k] / h[k][k]);
    return std::sqrt(d.dot(d));
  };
  int n = 0;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = i + 1; j < a.size(); ++j)
      if (dist(b, boxB, i, j) < r_in && dist(a, boxA, i, j) > r_out) ++n;
  return n;
}

// The rebuild check at one precision ("" = the platform's default) with that
// precision's bounds; the TEST below runs the default, a platform's test file
// may run others (OpenCL: double, whose kernels keep a full list).
void check_list_rebuild(const std::string& precision, double energy_per_atom_eV, double max_force_eV_per_A) {
  // The 864-atom fcc Cu_u3 case (6x6x6 cells, thermal-like displacements).
  // Its upper half slides by one lattice vector along x (0.36 nm, > skin/2 =
  // 0.05 nm): still a valid crystal, but across the two slip planes atoms
  // get nearest neighbours that were beyond cutoff + skin when the list was
  // built.  A kernel that missed the motion would lose those pairs.
  NativeSystem ns(gb::testing::shipped_file_case("Cu_u3.eam"));
  const auto& box = ns.s.box_nm;
  ASSERT_EQ(box[1][0], 0.0);
  ASSERT_EQ(box[2][0], 0.0);
  ASSERT_EQ(box[2][1], 0.0);
  const double lattice = box[0][0] / 6, cutoff = ns.s.native->getCutoffDistance();
  const double skin = ns.s.native->getNeighborSkin();
  std::vector<OpenMM::Vec3> slid = ns.s.positions_nm;
  for (auto& x : slid)
    if (x[2] - box[2][2] * std::floor(x[2] / box[2][2]) >= box[2][2] / 2) x[0] += lattice;
  const int entering = pairs_entering(ns.s.positions_nm, box, slid, box, cutoff - 0.1, cutoff + skin);
  std::cout << "[rebuild] slip: pairs within cutoff - 0.1 nm after, beyond cutoff + skin before: " << entering << "\n";
  ASSERT_GT(entering, 20) << "the test motion does not exercise the rebuild";  // measured: 47
  expect_same_as_fresh_context(*ns.s.system, ns.s.positions_nm, slid, nullptr, "slip by one lattice vector",
                               precision, energy_per_atom_eV, max_force_eV_per_A);

  // The same slip at the periodic y boundary made by the box alone (a
  // barostat/deformation move): b tilted by one lattice vector along x, no
  // atom moves; only the image shifts tell the kernel to rebuild.
  const OpenMM::Vec3 tilted[3] = {box[0], box[1] + OpenMM::Vec3(lattice, 0, 0), box[2]};
  const int entering_tilt = pairs_entering(ns.s.positions_nm, box, ns.s.positions_nm, tilted, cutoff - 0.1, cutoff + skin);
  std::cout << "[rebuild] tilt: pairs within cutoff - 0.1 nm after, beyond cutoff + skin before: " << entering_tilt
            << "\n";
  ASSERT_GT(entering_tilt, 10) << "the box change does not exercise the rebuild";  // measured: 20
  expect_same_as_fresh_context(*ns.s.system, ns.s.positions_nm, ns.s.positions_nm, tilted,
                               "box tilted by one lattice vector", precision, energy_per_atom_eV, max_force_eV_per_A);
}

TEST(NativeEamForce, ListRebuildAfterMotionBeyondHalfSkinMatchesFreshContext) {
  if (!platform_present()) GTEST_SKIP() << kPlatform << " not available";
  if (!gb::native_force_available(kPlatform)) GTEST_SKIP() << "native kernel not built for " << kPlatform;
  check_list_rebuild("", kTol.energy_per_atom_eV, kTol.max_force_eV_per_A);
}

// A kernel may reuse its last result when a call repeats the last state (the
// CPU kernel does: OpenMM 7.7's Nose-Hoover integrator evaluates each state
// twice).  New particle elements at the same positions and box are a new
// state: the energy must be the changed system's, as a fresh context gives it.
TEST(NativeEamForce, NewElementsAtTheSamePositionsAreRecomputed) {
  if (!platform_present()) GTEST_SKIP() << kPlatform << " not available";
  if (!gb::native_force_available(kPlatform)) GTEST_SKIP() << "native kernel not built for " << kPlatform;
  NativeSystem ns(gb::testing::shipped_file_case("CuZr_mm.eam.fs"));
  OpenMM::VerletIntegrator i1(0.001), i2(0.001);
  auto c1 = context_for(*ns.s.system, i1);
  c1->setPositions(ns.s.positions_nm);
  const double before = energy_forces(*c1).first;
  EXPECT_EQ(energy_forces(*c1).first, before);  // the same state again: the same answer
  const int n = ns.s.native->getNumParticles();
  for (int i = 0; i < n; i += 7) ns.s.native->setParticleElement(i, 1 - ns.s.native->getParticleElement(i));
  ns.s.native->updateParametersInContext(*c1);
  const auto changed = energy_forces(*c1);
  auto c2 = context_for(*ns.s.system, i2);
  c2->setPositions(ns.s.positions_nm);
  const auto fresh = energy_forces(*c2);
  std::cout << "[new elements] " << kPlatform << ": E before " << before << " eV, after " << changed.first
            << " eV, fresh context " << fresh.first << " eV\n";
  // Swapping every 7th atom's element moves the energy by eV, not rounding.
  EXPECT_GT(std::fabs(changed.first - before), 1e-3);
  EXPECT_LE(std::fabs(changed.first - fresh.first) / n, kTol.energy_per_atom_eV);
  double df = 0;
  for (int k = 0; k < n; ++k) {
    const OpenMM::Vec3 d = changed.second[k] - fresh.second[k];
    df = std::max(df, std::sqrt(d.dot(d)));
  }
  EXPECT_LE(df, kTol.max_force_eV_per_A);
}

TEST(NativeEamForce, CheckpointResumeContinuesTheTrajectory) {
  if (!platform_present()) GTEST_SKIP() << kPlatform << " not available";
  if (!gb::native_force_available(kPlatform)) GTEST_SKIP() << "native kernel not built for " << kPlatform;
  NativeSystem ns(gb::testing::shipped_file_case("Cu_u3.eam"));
  OpenMM::VerletIntegrator i1(0.002);
  auto c1 = context_for(*ns.s.system, i1);
  c1->setPositions(ns.s.positions_nm);
  c1->setVelocitiesToTemperature(800.0, 11);
  i1.step(20);
  std::stringstream checkpoint;
  c1->createCheckpoint(checkpoint);
  i1.step(30);
  const OpenMM::State a = c1->getState(OpenMM::State::Positions | OpenMM::State::Energy);

  // A fresh context (from the serialized System, as a resumed run builds it).
  std::stringstream xml;
  OpenMM::XmlSerializer::serialize<OpenMM::System>(ns.s.system.get(), "System", xml);
  std::unique_ptr<OpenMM::System> copy(OpenMM::XmlSerializer::deserialize<OpenMM::System>(xml));
  OpenMM::VerletIntegrator i2(0.002);
  auto c2 = context_for(*copy, i2);
  c2->loadCheckpoint(checkpoint);
  i2.step(30);
  const OpenMM::State b = c2->getState(OpenMM::State::Positions | OpenMM::State::Energy);
  double dx = 0;
  for (size_t k = 0; k < ns.s.positions_nm.size(); ++k) {
    const OpenMM::Vec3 d = a.getPositions()[k] - b.getPositions()[k];
    dx = std::max(dx, std::sqrt(d.dot(d)));
  }
  std::cout << "[checkpoint] " << kPlatform << ": max |dx| after resume + 30 steps = " << dx << " nm\n";
  // The resumed context builds its neighbour list at the checkpoint, so
  // pair sums run in another order: rounding-level differences, amplified
  // by 30 steps of chaotic dynamics, far below a bond length.
  EXPECT_LE(dx, kTol.resume_nm);
  EXPECT_NEAR(a.getPotentialEnergy(), b.getPotentialEnergy(), 1e-6 * std::fabs(a.getPotentialEnergy()));
}

}  // namespace
