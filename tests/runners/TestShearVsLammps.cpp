// The shear stage's machinery against LAMMPS (issue 11 §3): the same starting
// state (500-atom fcc Cu, CuZr_mm.eam.fs, 300 K velocities) is sheared
// sinusoidally in xy for three cycles at 4 THz, 1 % amplitude, in NVE with
// 1 fs steps: glassbench through the runner's stage control
// (runners::OpenMMStageControl::set_box: affine remap; pressure_tensor_bar:
// kinetic + virial, bar — what the shear stage kind calls) with the run's
// default force, the native EAM force, on OpenMM's CPU platform (double
// precision forces and positions, velocity-Verlet custom integrator; the
// custom CustomGBForce on Reference gives the same series but took 392 s),
// LAMMPS with `fix deform 1 xy wiggle ... remap x` and fix nve.  The pxy
// series must agree sample by sample.  The crystal keeps the dynamics nearly harmonic, so the
// two double-precision trajectories stay together over the 0.75 ps.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "core/structure_builder.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "runners/internal/openmm_stage_control.hpp"
#include "runners/thermo_sampler.hpp"

namespace {

constexpr double kDt = 0.001, kFreq = 4.0, kAmp = 0.01;  // ps, 1/ps (4 THz), strain
constexpr int kSteps = 750, kEvery = 5;                  // three periods of 250 steps
const char* kPot = "/usr/share/lammps/potentials/CuZr_mm.eam.fs";

gb::AtomConfig start_state() {
  gb::AtomConfig c = gb::fcc_structure({{"Cu", 1.0}}, {63.546}, 3.639087, 5, 5, 5, 1);
  c.ntypes = 1;
  c.type_masses = {63.546};
  c.type_names = {"Cu"};
  // Maxwell-Boltzmann velocities at 300 K with zero total momentum (portable generator).
  std::mt19937_64 eng(99);
  const double s = std::sqrt(8.617333262e-5 * 300 / (63.546 * 1.0364269e-4));  // A/ps
  auto gauss = [&] {
    const double u1 = gb::uniform01(eng()) + 1e-300, u2 = gb::uniform01(eng());
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  };
  gb::Vec3 mean{0, 0, 0};
  for (size_t i = 0; i < c.size(); ++i) {
    c.velocities.push_back({s * gauss(), s * gauss(), s * gauss()});
    mean += c.velocities.back();
  }
  mean = mean * (1.0 / c.size());
  for (auto& v : c.velocities) v -= mean;
  return c;
}

}  // namespace

TEST(ShearVsLammps, StressSeriesUnderSinusoidalShearMatches) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  const gb::AtomConfig cfg = start_state();
  const double ly = cfg.box.ly;

  // --- LAMMPS
  gb::testing::TempDir dir("glassbench-shear");
  gb::write_lammps_data(dir.file("start.data"), cfg, "fcc Cu, 300 K");
  std::ostringstream in;
  in.precision(17);
  in << "units metal\natom_style atomic\nboundary p p p\natom_modify map yes\nread_data start.data\n"
     << "change_box all triclinic\npair_style eam/fs\npair_coeff * * " << kPot << " Cu\n"
     << "timestep " << kDt << "\nfix 1 all nve\n"
     << "fix 2 all deform 1 xy wiggle " << kAmp * ly << " " << 1.0 / kFreq << " remap x\n"
     << "variable pxy equal pxy\nvariable xy equal xy\n"
     << "fix 3 all ave/time " << kEvery << " 1 " << kEvery << " v_pxy v_xy file stress.txt format \" %.17g\"\n"
     << "run " << kSteps << "\n";
  dir.write("in.lmp", in.str());
  const std::string cmd = "cd '" + dir.path() + "' && '" + gb::testing::lammps_executable() +
                          "' -in in.lmp -log log.lammps -echo none -screen none > stdout.txt 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "LAMMPS failed; see " << dir.path();
  std::vector<double> lmp_pxy, lmp_xy;
  {
    std::ifstream s(dir.file("stress.txt"));
    std::string line;
    while (std::getline(s, line)) {
      if (line.empty() || line[0] == '#') continue;
      long step;
      double p, xy;
      std::istringstream(line) >> step >> p >> xy;
      if (step == 0) continue;  // setup sample
      lmp_pxy.push_back(p);
      lmp_xy.push_back(xy);
    }
  }
  ASSERT_EQ(lmp_pxy.size(), static_cast<size_t>(kSteps / kEvery));

  // --- glassbench on OpenMM CPU with the native EAM force (the runner's default where it exists)
  if (!gb::native_force_available("CPU")) GTEST_SKIP() << "native EAM force not built for the CPU platform";
  const gb::EamPotential pot = gb::read_eam(kPot);
  const std::vector<int> elem = gb::map_elements(pot, {"Cu"});
  gb::EamForceOptions fo;
  fo.implementation = gb::EamImplementation::Native;
  gb::EamSystem es = gb::build_eam_system(cfg, pot, elem, fo);
  OpenMM::CustomIntegrator vv(kDt);  // velocity Verlet, as LAMMPS fix nve
  vv.addUpdateContextState();
  vv.addComputePerDof("v", "v+0.5*dt*f/m");
  vv.addComputePerDof("x", "x+dt*v");
  vv.addComputePerDof("v", "v+0.5*dt*f/m");
  gb::PlatformRequest req;
  req.name = "CPU";
  req.cpu_threads = 1;
  const gb::PlatformChoice pc = gb::choose_platform(req);
  auto ctx = gb::make_context(*es.system, vv, pc);
  ctx->setPeriodicBoxVectors(es.box_nm[0], es.box_nm[1], es.box_nm[2]);
  ctx->setPositions(es.positions_nm);
  ctx->setVelocities(es.velocities_nm_per_ps);
  gb::runners::Topology topo;
  topo.ids = es.ids;
  topo.types = es.types;
  topo.type_names = {"Cu"};
  topo.type_masses_amu = {63.546};
  topo.origin_A = es.origin_A;
  const gb::runners::ThermoSampler sampler(pot, elem, 1, topo);
  gb::runners::OpenMMStageControl control(*ctx, vv, false, sampler, gb::rundir::StageLayout(dir.file("stage")), 0, 0.0,
                                          kDt, -1);
  std::vector<double> ours, ours_xy;
  for (int n = 1; n <= kSteps; ++n) {
    vv.step(1);
    control.set_step(n);
    // LAMMPS's pxy at step n holds the virial of the force call of step n,
    // before its end-of-step deformation: sample before deforming.
    if (n % kEvery == 0) ours.push_back(control.pressure_tensor_bar()[3]);
    gb::Box b = control.box();
    b.xy = kAmp * std::sin(2 * M_PI * kFreq * n * kDt) * b.ly;
    control.set_box(b);
    if (n % kEvery == 0) ours_xy.push_back(control.box().xy);
  }
  double amp = 0, worst = 0, worst_xy = 0;
  for (double p : lmp_pxy) amp = std::max(amp, std::fabs(p));
  for (size_t i = 0; i < ours.size(); ++i) {
    worst = std::max(worst, std::fabs(ours[i] - lmp_pxy[i]));
    worst_xy = std::max(worst_xy, std::fabs(ours_xy[i] - lmp_xy[i]));
  }
  // Where the residual sits in time: per cycle (a timing error would be the same in every cycle,
  // trajectory divergence grows).
  const size_t per_cycle = ours.size() / 3;
  for (size_t k = 0; k < 3; ++k) {
    double w = 0;
    for (size_t i = k * per_cycle; i < (k + 1) * per_cycle; ++i) w = std::max(w, std::fabs(ours[i] - lmp_pxy[i]));
    std::cout << "[ shear ] cycle " << k + 1 << ": max |pxy - pxy_LAMMPS| = " << w << " bar\n";
  }
  std::cout << "[ shear ] " << ours.size() << " samples over 3 cycles: max |pxy - pxy_LAMMPS| = " << worst
            << " bar of max |pxy| " << amp << " bar (" << worst / amp << "); max |xy - xy_LAMMPS| = " << worst_xy
            << " A\n";
  EXPECT_LT(worst_xy, 1e-9 * ly);  // the same sinusoid: rounding only
  EXPECT_GT(amp, 1000);            // 1 % shear of Cu (C44 ~ 75 GPa) gives kbar stresses: the test sees the strain
  // Same state, same deformation, double precision.  Measured (native force,
  // CPU platform, as with the custom force on Reference): 8.7e-5 of the
  // amplitude (0.76 bar of 8706 bar) over 150 samples.  The difference is 0.007
  // bar at the first sample (5 steps) and does not grow from cycle to cycle
  // (per-cycle maxima 0.73, 0.65, 0.76 bar): not exponential divergence and not
  // a drift; its source is still open.  Bound 2e-4, 2x the measurement.
  EXPECT_LT(worst / amp, 2e-4);
}
