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
// series must agree sample by sample.  The crystal keeps the dynamics nearly
// harmonic, so the two double-precision trajectories stay together over the
// 0.75 ps.
//
// Why the production series differs from LAMMPS's by ~1e-4 of the amplitude:
// LAMMPS's Verlet deforms the box at the end of step n (fix deform end_of_step)
// and starts step n+1 with a half kick by the forces of step n, computed BEFORE
// that remap; OpenMM recomputes the forces at the remapped positions for that
// kick.  The second test runs our side with LAMMPS's order (a custom integrator
// that kicks with the previous step's forces) and the residual falls to
// rounding (1.9e-8 of the amplitude): the remaining difference is that O(dt *
// strain increment) choice of integrator, not the stress, the remap or the
// deformation's timing.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

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

constexpr double kDt = 0.001, kFreq = 4.0,
                 kAmp = 0.01;            // ps, 1/ps (4 THz), strain
constexpr int kSteps = 750, kEvery = 5;  // three periods of 250 steps
const char *kPot = "/usr/share/lammps/potentials/CuZr_mm.eam.fs";

gb::AtomConfig start_state() {
  gb::AtomConfig c = gb::fcc_structure({{"Cu", 1.0}}, {63.546}, 3.639087, 5, 5, 5, 1);
  c.ntypes = 1;
  c.type_masses = {63.546};
  c.type_names = {"Cu"};
  // Maxwell-Boltzmann velocities at 300 K with zero total momentum (portable
  // generator).
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
  for (auto &v : c.velocities) v -= mean;
  return c;
}

struct LammpsSeries {
  std::vector<double> pxy, xy;
};

// LAMMPS's pxy and xy every kEvery steps (run once, shared by both tests).
const LammpsSeries &lammps_series(const gb::AtomConfig &cfg) {
  static const LammpsSeries series = [&] {
    LammpsSeries out;
    const double ly = cfg.box.ly;

    // --- LAMMPS
    gb::testing::TempDir dir("glassbench-shear");
    gb::write_lammps_data(dir.file("start.data"), cfg, "fcc Cu, 300 K");
    std::ostringstream in;
    in.precision(17);
    in << "units metal\natom_style atomic\nboundary p p p\natom_modify map "
          "yes\nread_data start.data\n"
       << "change_box all triclinic\npair_style eam/fs\npair_coeff * * " << kPot << " Cu\n"
       << "timestep " << kDt << "\nfix 1 all nve\n"
       << "fix 2 all deform 1 xy wiggle " << kAmp * ly << " " << 1.0 / kFreq << " remap x\n"
       << "variable pxy equal pxy\nvariable xy equal xy\n"
       << "fix 3 all ave/time " << kEvery << " 1 " << kEvery << " v_pxy v_xy file stress.txt format \" %.17g\"\n"
       << "run " << kSteps << "\n";
    dir.write("in.lmp", in.str());
    const std::string cmd = "cd '" + dir.path() + "' && '" + gb::testing::lammps_executable() +
                            "' -in in.lmp -log log.lammps -echo none -screen "
                            "none > stdout.txt 2>&1";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("LAMMPS failed; see " + dir.path());
    std::vector<double> &lmp_pxy = out.pxy;
    std::vector<double> &lmp_xy = out.xy;
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
    return out;
  }();
  return series;
}

// Our pxy series (bar) and xy (A) every kEvery steps.  lammps_kick_order: start
// each step with a half kick by the previous step's forces (from before the box
// remap), as LAMMPS's Verlet does; otherwise plain velocity Verlet on OpenMM
// (forces at the remapped positions).
void our_series(const gb::AtomConfig &cfg, bool lammps_kick_order, const gb::testing::TempDir &dir,
                std::vector<double> &ours, std::vector<double> &ours_xy) {
  const gb::EamPotential pot = gb::read_eam(kPot);
  const std::vector<int> elem = gb::map_elements(pot, {"Cu"});
  gb::EamForceOptions fo;
  fo.implementation = gb::EamImplementation::Native;
  gb::EamSystem es = gb::build_eam_system(cfg, pot, elem, fo);
  OpenMM::CustomIntegrator vv(kDt);   // velocity Verlet, as LAMMPS fix nve
  vv.addPerDofVariable("f_prev", 0);  // the forces of the previous step (LAMMPS order only)
  vv.addUpdateContextState();
  vv.addComputePerDof("v", lammps_kick_order ? "v+0.5*dt*f_prev/m" : "v+0.5*dt*f/m");
  vv.addComputePerDof("x", "x+dt*v");
  vv.addComputePerDof("v", "v+0.5*dt*f/m");
  if (lammps_kick_order) vv.addComputePerDof("f_prev", "f");
  gb::PlatformRequest req;
  req.name = "CPU";
  req.cpu_threads = 1;
  const gb::PlatformChoice pc = gb::choose_platform(req);
  auto ctx = gb::make_context(*es.system, vv, pc);
  ctx->setPeriodicBoxVectors(es.box_nm[0], es.box_nm[1], es.box_nm[2]);
  ctx->setPositions(es.positions_nm);
  ctx->setVelocities(es.velocities_nm_per_ps);
  if (lammps_kick_order) vv.setPerDofVariableByName("f_prev", ctx->getState(OpenMM::State::Forces).getForces());
  const gb::runners::Topology topo = gb::runners::topology_of(cfg);
  const gb::runners::ThermoSampler sampler(pot, elem, 1, topo);
  gb::runners::OpenMMStageControl control(*ctx, vv, false, sampler, gb::rundir::StageLayout(dir.file("stage")), 0, 0.0,
                                          kDt, -1);
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
}

// max |ours - LAMMPS| of pxy over max |pxy|, printed per cycle; checks the
// deformation matches.
double relative_residual(const std::vector<double> &ours, const std::vector<double> &ours_xy, const LammpsSeries &lmp,
                         double ly, const char *label) {
  double amp = 0, worst = 0, worst_xy = 0;
  for (double p : lmp.pxy) amp = std::max(amp, std::fabs(p));
  for (size_t i = 0; i < ours.size(); ++i) {
    worst = std::max(worst, std::fabs(ours[i] - lmp.pxy[i]));
    worst_xy = std::max(worst_xy, std::fabs(ours_xy[i] - lmp.xy[i]));
  }
  // Where the residual sits in time: per cycle (a timing error would be the
  // same in every cycle, trajectory divergence grows).
  const size_t per_cycle = ours.size() / 3;
  for (size_t k = 0; k < 3; ++k) {
    double w = 0;
    for (size_t i = k * per_cycle; i < (k + 1) * per_cycle; ++i) w = std::max(w, std::fabs(ours[i] - lmp.pxy[i]));
    std::cout << "[ shear " << label << " ] cycle " << k + 1 << ": max |pxy - pxy_LAMMPS| = " << w << " bar\n";
  }
  std::cout << "[ shear " << label << " ] " << ours.size()
            << " samples over 3 cycles: max |pxy - pxy_LAMMPS| = " << worst << " bar of max |pxy| " << amp << " bar ("
            << worst / amp << "); max |xy - xy_LAMMPS| = " << worst_xy << " A\n";
  EXPECT_LT(worst_xy, 1e-9 * ly);  // the same sinusoid: rounding only
  EXPECT_GT(amp, 1000);            // 1 % shear of Cu (C44 ~ 75 GPa) gives kbar stresses:
                                   // the test sees the strain
  return worst / amp;
}

}  // namespace

TEST(ShearVsLammps, StressSeriesUnderSinusoidalShearMatches) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  if (!gb::native_force_available("CPU")) GTEST_SKIP() << "native EAM force not built for the CPU platform";
  const gb::AtomConfig cfg = start_state();
  const LammpsSeries &lmp = lammps_series(cfg);
  ASSERT_EQ(lmp.pxy.size(), static_cast<size_t>(kSteps / kEvery));
  gb::testing::TempDir dir("glassbench-shear-ours");
  std::vector<double> ours, ours_xy;
  our_series(cfg, false, dir, ours, ours_xy);
  // Same state, same deformation, double precision, the runner's integration
  // order. Measured (native force, CPU platform, as with the custom force on
  // Reference): 8.7e-5 of the amplitude (0.76 bar of 8706 bar) over 150
  // samples, per-cycle maxima 0.73, 0.65, 0.76 bar: no growth.  Its source is
  // the first half kick after each box remap (file header; the next test).
  // Bound 2e-4, 2x the measurement.
  EXPECT_LT(relative_residual(ours, ours_xy, lmp, cfg.box.ly, "openmm"), 2e-4);
}

TEST(ShearVsLammps, WithLammpsKickOrderTheSeriesAgreesToRounding) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  if (!gb::native_force_available("CPU")) GTEST_SKIP() << "native EAM force not built for the CPU platform";
  const gb::AtomConfig cfg = start_state();
  const LammpsSeries &lmp = lammps_series(cfg);
  ASSERT_EQ(lmp.pxy.size(), static_cast<size_t>(kSteps / kEvery));
  gb::testing::TempDir dir("glassbench-shear-lammps-order");
  std::vector<double> ours, ours_xy;
  our_series(cfg, true, dir, ours, ours_xy);
  // Measured 1.9e-8 of the amplitude (1.6e-4 bar; per
  // cycle 4.7e-5, 1.4e-4, 1.6e-4 bar): the 8.7e-5 of the test above is gone, so
  // the kick order is the whole residual. Bound 1e-6: 50x the measurement for
  // rounding growth over 750 double-precision steps, still 90x below the
  // production residual, so the test fails if the residual had another source.
  EXPECT_LT(relative_residual(ours, ours_xy, lmp, cfg.box.ly, "lammps-order"), 1e-6);
}
