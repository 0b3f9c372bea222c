// With the native EAM force, the runner's pressure (thermo.csv `press` and the
// pressure tensor of the shear / Green-Kubo stress samples) comes from the
// force's own virial (EamForce::getVirial via capture_state), not from a CPU
// evaluator pass.  It must equal the evaluator-based tensor on the same State:
//   - Reference and CPU (2 threads): the native kernels compute in double with
//     the potential's own tables, like the evaluator;
//   - OpenCL (PoCL, mixed precision): per-pair work in single precision;
// on the shipped 2000-atom Cu64Zr36 liquid with its velocities, in a cubic and
// in a tilted (triclinic) cell, and again after the configuration changed
// without any step (new positions, then an affine xy shear of the box through
// OpenMMStageControl::set_box, as the shear stage does): a virial left from
// the previous evaluation would miss by far more than the tolerance, which
// the test checks too.  And after real integrator steps (Nose-Hoover, as the
// runner's NVT stages, and Langevin middle): OpenMM 7.7's integrators leave
// the kernel's last virial a step behind the final positions (printed as
// "reused"; ~0.7 % of |P| here), so the runner's sample must not reuse it.
#include <gtest/gtest.h>

#include <OpenMM.h>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <random>

#include "common/temp_dir.hpp"
#include "common/test_structures.hpp"
#include "core/lammps_data.hpp"
#include "core/units.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "runners/internal/openmm_stage_control.hpp"

namespace {

using Tensor = std::array<double, 6>;

// Largest component difference over the tensor's norm.
double rel_diff(const Tensor& a, const Tensor& b) {
  double d = 0, n = 0;
  for (int k = 0; k < 6; ++k) d = std::max(d, std::fabs(a[k] - b[k])), n += b[k] * b[k] * (k < 3 ? 1 : 2);
  return d / std::sqrt(n);
}

struct Rig {
  gb::EamPotential pot = gb::read_eam("/usr/share/lammps/potentials/CuZr_mm.eam.fs");
  gb::AtomConfig cfg;
  gb::EamSystem sys;
  std::unique_ptr<OpenMM::Integrator> integ;
  std::unique_ptr<OpenMM::Context> ctx;
  std::unique_ptr<gb::runners::ThermoSampler> sampler;
  std::unique_ptr<gb::runners::OpenMMStageControl> control;
  gb::testing::TempDir tmp{"gb-native-virial"};

  Rig(const std::string& platform, bool triclinic, bool langevin = false) {
    if (langevin) integ = std::make_unique<OpenMM::LangevinMiddleIntegrator>(1500.0, 10.0, 0.002);
    else integ = std::make_unique<OpenMM::NoseHooverIntegrator>(1500.0, 10.0, 0.002);
    cfg = gb::read_lammps_data(std::string(GB_TEST_SOURCE_DIR) + "/cases/cuzr/cu64zr36-2000.data");
    cfg.type_names = {"Cu", "Zr"};
    if (triclinic) cfg = gb::testing::make_triclinic(cfg, 3.1, -2.3, 1.7);  // ~31 A cell, cutoff 7.6 A
    const std::vector<int> elem = gb::map_elements(pot, cfg.type_names);
    gb::EamForceOptions fo;
    fo.implementation = gb::EamImplementation::Native;
    sys = gb::build_eam_system(cfg, pot, elem, fo);
    gb::PlatformRequest req;
    req.name = platform;
    if (platform == "CPU") req.cpu_threads = 2;
    if (platform == "OpenCL") req.precision = "mixed";
    ctx = gb::make_context(*sys.system, *integ, gb::choose_platform(req));
    ctx->setPeriodicBoxVectors(sys.box_nm[0], sys.box_nm[1], sys.box_nm[2]);
    ctx->setPositions(sys.positions_nm);
    ctx->setVelocities(sys.velocities_nm_per_ps);
    cfg.type_masses.clear();
    for (int e : elem) cfg.type_masses.push_back(pot.masses[static_cast<size_t>(e)]);
    sampler = std::make_unique<gb::runners::ThermoSampler>(pot, elem, 1, gb::runners::topology_of(cfg));
    control = std::make_unique<gb::runners::OpenMMStageControl>(*ctx, *integ, false, *sampler,
                                                                gb::rundir::StageLayout(tmp.path()), 0, 0.0, 0.001,
                                                                -1, sys.native);
  }
  // The evaluator's tensor at the context's current positions.
  Tensor evaluator_tensor() const {
    return sampler->pressure_tensor_bar(ctx->getState(OpenMM::State::Positions | OpenMM::State::Velocities));
  }
};

// One configuration: the runner's native-path tensor and thermo row against the evaluator's.
void expect_same(Rig& r, double tol, const char* what) {
  ASSERT_EQ(r.control->pressure_source(), gb::runners::PressureSource::NativeVirial);
  const Tensor native = r.control->pressure_tensor_bar();
  const Tensor ref = r.evaluator_tensor();
  const double d = rel_diff(native, ref);
  std::cout << "[ virial ] " << what << ": P = (" << ref[0] << ", " << ref[1] << ", " << ref[2] << "; " << ref[3]
            << ", " << ref[4] << ", " << ref[5] << ") bar, native - evaluator: " << d << " of |P|\n";
  EXPECT_LE(d, tol) << what;
  const auto s = gb::runners::capture_state(
      *r.ctx, OpenMM::State::Positions | OpenMM::State::Velocities | OpenMM::State::Energy, r.sys.native);
  ASSERT_TRUE(s.virial_kJ_mol.has_value());
  const gb::runners::ThermoRow tn = r.sampler->sample(s);
  const gb::runners::ThermoRow te = r.sampler->sample(s.state);  // evaluator on the same State
  const double p_scale = std::sqrt(ref[0] * ref[0] + ref[1] * ref[1] + ref[2] * ref[2]);
  EXPECT_LE(std::fabs(tn.pressure_bar - te.pressure_bar), tol * p_scale) << what;
  EXPECT_LE(std::fabs(tn.potential_energy_eV - te.potential_energy_eV), tol * std::fabs(te.potential_energy_eV))
      << what;
}

void run_case(const std::string& platform, bool triclinic, double tol) {
  gb::load_openmm_plugins();
  if (!gb::native_force_available(platform)) GTEST_SKIP() << "native EAM force not available on " << platform;
  Rig r(platform, triclinic);
  const std::string cell = triclinic ? "tilted cell" : "cubic cell";
  expect_same(r, tol, (platform + ", " + cell + ", start").c_str());
  const Tensor before = r.control->pressure_tensor_bar();

  // New positions (random 0.1 A displacements), no step, no getState in between.
  std::vector<OpenMM::Vec3> pos = r.ctx->getState(OpenMM::State::Positions).getPositions();
  std::mt19937_64 rng(7);
  std::normal_distribution<double> g(0.0, 0.01);  // nm
  for (auto& p : pos) p += OpenMM::Vec3(g(rng), g(rng), g(rng));
  r.ctx->setPositions(pos);
  const Tensor moved = r.evaluator_tensor();
  // The change must dwarf the tolerance, or a stale virial could pass.
  EXPECT_GT(rel_diff(before, moved), 100 * tol);
  expect_same(r, tol, (platform + ", " + cell + ", atoms moved").c_str());

  // An affine 3 % xy shear of the box, as the shear stage applies it.
  gb::Box b = r.control->box();
  b.xy += 0.03 * b.ly;
  const Tensor unsheared = r.evaluator_tensor();
  r.control->set_box(b);
  const Tensor sheared = r.evaluator_tensor();
  EXPECT_GT(rel_diff(unsheared, sheared), 100 * tol);
  expect_same(r, tol, (platform + ", " + cell + ", box sheared").c_str());

  // Integrator steps, then the runner's sample.
  for (const bool langevin : {false, true}) {
    Rig q(platform, triclinic, langevin);
    const std::string what = platform + ", " + cell + (langevin ? ", Langevin" : ", Nose-Hoover");
    const Tensor start = q.control->pressure_tensor_bar();
    q.integ->step(8);
    const Tensor stepped_ref = q.evaluator_tensor();
    EXPECT_GT(rel_diff(start, stepped_ref), 100 * tol) << what;  // 8 steps move P far beyond tol
    const Tensor reused = q.sampler->pressure_tensor_bar(gb::runners::SampledState{
        q.ctx->getState(OpenMM::State::Velocities), q.sys.native->getVirial(*q.ctx)});
    const Tensor stepped = q.control->pressure_tensor_bar();
    const double d = rel_diff(stepped, stepped_ref);
    std::cout << "[ virial ] " << what << ", after 8 steps: native - evaluator " << d
              << " of |P|; the integrator's last virial reused: " << rel_diff(reused, stepped_ref) << "\n";
    EXPECT_LE(d, tol) << what << " after steps";
  }
}

// Reference and CPU: both sides double precision on the same tables; what is
// left is rounding of the nm/kJ-mol <-> A/eV conversions summed over ~1e5
// pairs: measured 1e-14 to 8e-14 of |P|; 1e-9 leaves room and is 1e8 below a stale virial.
constexpr double kDoubleTol = 1e-9;
// OpenCL mixed: pair terms in single precision (relative 6e-8 each) summed in
// double over ~1e5 pairs whose virials (~1e6 bar each side) cancel to |P| ~
// 4e4 bar; measured 1.2e-6 to 3.4e-6 of |P| (PoCL): 5e-5 is 15x that, and a
// stale virial misses by ~0.5.
constexpr double kMixedTol = 5e-5;

}  // namespace

TEST(NativeVirialPressure, ReferenceCubic) { run_case("Reference", false, kDoubleTol); }
TEST(NativeVirialPressure, ReferenceTilted) { run_case("Reference", true, kDoubleTol); }
TEST(NativeVirialPressure, CpuCubic) { run_case("CPU", false, kDoubleTol); }
TEST(NativeVirialPressure, CpuTilted) { run_case("CPU", true, kDoubleTol); }
TEST(NativeVirialPressure, OpenCLMixedCubic) { run_case("OpenCL", false, kMixedTol); }
TEST(NativeVirialPressure, OpenCLMixedTilted) { run_case("OpenCL", true, kMixedTol); }
