// NVE energy conservation of the OpenMM EAM force: Cu64Zr36 liquid at
// 1500 K, time step 2 fs, 10 ps (5000 steps), VerletIntegrator, on the
// Reference and CPU platforms, and LAMMPS NVE (velocity Verlet) on the same
// start for comparison.  Drift = slope of a least-squares line through the
// total energy per atom, in meV/atom/ns (1 eV/atom/ps = 1e6 meV/atom/ns).
//
// System size, to keep CI time down: 250 atoms (edge 16.1 A, just above
// 2 x 7.6 A cutoff, the smallest box OpenMM accepts) instead of the paper's
// 4000: the OpenMM CustomGBForce runs ~1e4 atom-steps/s on 2 cores, so 10 ps
// take ~2 min per platform.  The start is made in the test by LAMMPS
// (seeded random placement, minimisation, 2 ps NVT at 1500 K).
//
// Measured (this machine, 250 atoms): Reference -0.09 meV/atom/ns, CPU
// +0.30 meV/atom/ns (500 atoms); LAMMPS on the same starts -0.29 / -0.19
// meV/atom/ns (the issue's ~2e-7 eV/atom/ps = 0.2 meV/atom/ns); total
// energy excursions ~0.02 meV/atom.
#include <gtest/gtest.h>

#include <OpenMM.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "core/units.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"
#include "test_configs.hpp"

namespace {

constexpr double kDt = 0.002;  // ps
constexpr int kSteps = 5000;   // 10 ps
constexpr int kSample = 50;    // steps between energy samples

// Least-squares slope of y(t).
double slope(const std::vector<double>& t, const std::vector<double>& y) {
  double st = 0, sy = 0, stt = 0, sty = 0;
  const double n = static_cast<double>(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    st += t[i];
    sy += y[i];
    stt += t[i] * t[i];
    sty += t[i] * y[i];
  }
  return (n * sty - st * sy) / (n * stt - st * st);
}

int run_lammps(const gb::testing::TempDir& dir, const std::string& input) {
  dir.write("in.lmp", input);
  const std::string cmd = "cd '" + dir.path() + "' && '" + gb::testing::lammps_executable() +
                          "' -in in.lmp -log log.lammps -echo none -screen none > stdout.txt 2>&1";
  return std::system(cmd.c_str());
}

// Equilibrated 1500 K liquid with velocities, made by LAMMPS.
gb::AtomConfig liquid_start(const gb::testing::TempDir& dir, int n, uint64_t seed, const std::string& pot) {
  gb::write_lammps_data(dir.file("random.data"), gb::testing::cuzr_config(n, seed), "random start");
  std::ostringstream in;
  in << "units metal\natom_style atomic\nboundary p p p\nread_data random.data\n"
     << "pair_style eam/fs\npair_coeff * * " << pot << " Cu Zr\n"
     << "minimize 0 1e-6 200 2000\nreset_timestep 0\n"
     << "velocity all create 1500 " << seed << " dist gaussian mom yes rot no\n"
     << "fix 1 all nvt temp 1500 1500 0.1\ntimestep 0.002\nrun 1000\nunfix 1\n"
     << "write_data start.data\n";
  if (run_lammps(dir, in.str()) != 0) throw std::runtime_error("LAMMPS equilibration failed in " + dir.path());
  return gb::read_lammps_data(dir.file("start.data"));
}

// LAMMPS NVE drift (eV/atom/ps) from the same start.
double lammps_drift(const gb::testing::TempDir& dir, const std::string& pot, int natoms) {
  std::ostringstream in;
  in << "units metal\natom_style atomic\nboundary p p p\nread_data start.data\n"
     << "pair_style eam/fs\npair_coeff * * " << pot << " Cu Zr\n"
     << "fix 1 all nve\ntimestep " << kDt << "\n"
     << "thermo_style custom step etotal\nthermo_modify format float %.17g\nthermo " << kSample << "\n"
     << "run " << kSteps << "\n";
  if (run_lammps(dir, in.str()) != 0) throw std::runtime_error("LAMMPS NVE failed in " + dir.path());
  std::ifstream log(dir.file("log.lammps"));
  std::string line;
  std::vector<double> t, e;
  bool table = false;
  while (std::getline(log, line)) {
    if (line.rfind("   Step", 0) == 0 || line.rfind("Step", 0) == 0) {
      table = true;
      continue;
    }
    if (table) {
      std::istringstream ls(line);
      long step;
      double etot;
      if (!(ls >> step >> etot)) {
        table = false;
        continue;
      }
      t.push_back(step * kDt);
      e.push_back(etot / natoms);
    }
  }
  if (t.size() < 10) throw std::runtime_error("LAMMPS NVE log unreadable in " + dir.path());
  return slope(t, e);
}

// OpenMM NVE drift (eV/atom/ps) and the largest excursion of E from its start.
double openmm_drift(const gb::AtomConfig& start, const gb::EamPotential& pot, const std::string& platform,
                    gb::EamImplementation impl, double* max_excursion) {
  gb::EamForceOptions fo;
  fo.implementation = impl;
  gb::EamSystem s = gb::build_eam_system(start, pot, {0, 1}, fo);
  OpenMM::VerletIntegrator integ(kDt);
  gb::PlatformRequest r;
  r.name = platform;
  r.cpu_threads = 2;
  auto ctx = gb::make_context(*s.system, integ, gb::choose_platform(r));
  ctx->setPositions(s.positions_nm);
  ctx->setVelocities(s.velocities_nm_per_ps);
  std::vector<double> t, e;
  const double n = static_cast<double>(start.size());
  for (int step = 0; step <= kSteps; step += kSample) {
    if (step > 0) integ.step(kSample);
    const OpenMM::State st = ctx->getState(OpenMM::State::Energy);
    t.push_back(step * kDt);
    e.push_back((st.getPotentialEnergy() + st.getKineticEnergy()) * gb::units::kEVPerKJPerMol / n);
  }
  *max_excursion = 0;
  for (double x : e) *max_excursion = std::max(*max_excursion, std::fabs(x - e.front()));
  return slope(t, e);
}

constexpr double kMevPerAtomPerNs = 1e6;  // per (eV/atom/ps)

// Bound on |drift|: 2 meV/atom/ns.  Why: with ~0.01 meV/atom energy noise
// over 101 samples in 10 ps the fitted slope has a standard error of ~0.3
// meV/atom/ns, so the measured drifts of OpenMM and LAMMPS (both ~0.1-0.3)
// are at that noise level; 2 meV/atom/ns is ~6 standard errors, and a force
// inconsistent with the energy (wrong derivative, unit or sign) drifts by
// orders of magnitude more.
constexpr double kDriftBound = 2.0;

void check_nve(const std::string& platform, int natoms,
               gb::EamImplementation impl = gb::EamImplementation::Custom) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  if (impl == gb::EamImplementation::Native && !gb::native_force_available(platform))
    GTEST_SKIP() << "no native EAM kernel for " << platform;
  const std::string potfile = gb::locate_potential("CuZr_mm.eam.fs");
  const gb::EamPotential pot = gb::read_eam(potfile);
  gb::testing::TempDir dir("glassbench-nve");
  auto t0 = std::chrono::steady_clock::now();
  const gb::AtomConfig start = liquid_start(dir, natoms, 1500 + natoms, potfile);
  const double lmp = lammps_drift(dir, potfile, natoms) * kMevPerAtomPerNs;
  auto t1 = std::chrono::steady_clock::now();
  double excursion = 0;
  const double omm = openmm_drift(start, pot, platform, impl, &excursion) * kMevPerAtomPerNs;
  auto t2 = std::chrono::steady_clock::now();
  std::cout << "[nve] Cu64Zr36 N=" << natoms << " 1500 K, dt 2 fs, 10 ps: OpenMM " << platform << " " << gb::implementation_name(impl) << " drift " << omm
            << " meV/atom/ns (max |E - E0| " << excursion * 1e3 << " meV/atom); LAMMPS same start " << lmp
            << " meV/atom/ns  [LAMMPS " << std::chrono::duration<double>(t1 - t0).count() << " s, OpenMM "
            << std::chrono::duration<double>(t2 - t1).count() << " s]\n";
  EXPECT_LE(std::fabs(omm), kDriftBound) << platform;
  // Verlet's total-energy fluctuations here are ~0.02 meV/atom; 10x that.
  EXPECT_LE(excursion, 2e-4) << platform;
}

TEST(NveEnergyConservation, ReferencePlatformCuZrLiquid1500K) { check_nve("Reference", 250); }
TEST(NveEnergyConservation, CpuPlatformCuZrLiquid1500K) { check_nve("CPU", 250); }
// The native force (neighbour list with skin: a missed pair would show here).
TEST(NveEnergyConservation, NativeCpuCuZrLiquid1500K) { check_nve("CPU", 250, gb::EamImplementation::Native); }
TEST(NveEnergyConservation, NativeOpenCLCuZrLiquid1500K) { check_nve("OpenCL", 250, gb::EamImplementation::Native); }

}  // namespace
