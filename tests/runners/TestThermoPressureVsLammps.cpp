// The pressure in thermo.csv (ThermoSampler: EAM virial from the CPU evaluator
// plus the kinetic part 2 KE / 3V from OpenMM's velocities) equals LAMMPS's
// thermo `press` on the same configuration with velocities: the shipped
// 2000-atom Cu64Zr36 liquid at 1500 K (cases/cuzr/cu64zr36-2000.data, written
// by LAMMPS with its velocities).  Issue 9 asked whether the +4 kbar of the
// 2000 K melt came from the pressure estimator (a kinetic term missing or
// counted twice, units); the kinetic part is ~12 kbar here, so either slip
// fails this test by three orders of magnitude over its tolerance.
#include <gtest/gtest.h>

#include <OpenMM.h>

#include <cmath>

#include "common/lammps_oracle.hpp"
#include "core/lammps_data.hpp"
#include "core/units.hpp"
#include "potential/eam_reader.hpp"
#include "runners/thermo_sampler.hpp"

using namespace gb;

TEST(ThermoPressure, VirialPlusKineticEqualsLammpsPressOnALiquidWithVelocities) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  const std::string potential = "/usr/share/lammps/potentials/CuZr_mm.eam.fs";
  AtomConfig cfg = read_lammps_data(std::string(GB_SOURCE_DIR) + "/cases/cuzr/cu64zr36-2000.data");
  ASSERT_EQ(cfg.size(), 2000u);
  ASSERT_EQ(cfg.velocities.size(), 2000u);
  cfg.type_names = {"Cu", "Zr"};
  const EamPotential pot = read_eam(potential);
  const std::vector<int> element_of_type = map_elements(pot, cfg.type_names);

  // OpenMM holds the configuration as the runner does (nm, nm/ps, box from 0).
  cfg.type_masses.clear();
  for (int e : element_of_type) cfg.type_masses.push_back(pot.masses[static_cast<size_t>(e)]);
  const runners::Topology topo = runners::topology_of(cfg);
  OpenMM::System sys;
  for (int t : cfg.types) sys.addParticle(topo.type_masses_amu[static_cast<size_t>(t - 1)]);
  const double k = units::kNmPerAngstrom;
  sys.setDefaultPeriodicBoxVectors(OpenMM::Vec3(cfg.box.lx * k, 0, 0), OpenMM::Vec3(cfg.box.xy * k, cfg.box.ly * k, 0),
                                   OpenMM::Vec3(cfg.box.xz * k, cfg.box.yz * k, cfg.box.lz * k));
  // No force in the System: the sampler evaluates the EAM itself, and OpenMM's
  // kinetic energy is then that of the velocities as set (no half-step shift).
  OpenMM::VerletIntegrator integ(0.002);
  OpenMM::Context ctx(sys, integ, OpenMM::Platform::getPlatformByName("Reference"));
  const auto pos = cfg.unwrapped_positions();
  std::vector<OpenMM::Vec3> p, v;
  for (size_t i = 0; i < cfg.size(); ++i) {
    p.emplace_back((pos[i].x - cfg.box.lo.x) * k, (pos[i].y - cfg.box.lo.y) * k, (pos[i].z - cfg.box.lo.z) * k);
    v.emplace_back(cfg.velocities[i].x * k, cfg.velocities[i].y * k, cfg.velocities[i].z * k);
  }
  ctx.setPositions(p);
  ctx.setVelocities(v);
  const runners::ThermoSampler sampler(pot, element_of_type, 1, topo);
  const runners::ThermoRow row =
      sampler.sample(ctx.getState(OpenMM::State::Positions | OpenMM::State::Velocities | OpenMM::State::Energy));

  const auto lmp = gb::testing::run_lammps_static(cfg, {"eam/fs", {"* * " + potential + " Cu Zr"}});
  const double p_virial_lmp = (lmp.pressure_virial_bar[0] + lmp.pressure_virial_bar[1] + lmp.pressure_virial_bar[2]) / 3;
  const double p_kinetic_lmp = lmp.pressure_bar - p_virial_lmp;
  std::cout << "[pressure] glassbench " << row.pressure_bar << " bar, LAMMPS press " << lmp.pressure_bar
            << " bar (difference " << row.pressure_bar - lmp.pressure_bar << " bar; kinetic part " << p_kinetic_lmp
            << " bar), T " << row.temperature_K << " K\n";
  ASSERT_GT(p_kinetic_lmp, 5000.0) << "the configuration must carry its 1500 K velocities";
  // Tolerance 0.1 bar (measured 0.0008): LAMMPS's metal constants (nktv2p 1.6021765e6, mvv2e
  // 1.0364269e-4) are 8-digit, ~1e-7 of the 12-kbar kinetic part; the data
  // file holds positions and velocities to ~1e-9 relative.  A missing or doubled
  // kinetic term is off by ~12 kbar, a units slip by orders of magnitude.
  EXPECT_NEAR(row.pressure_bar, lmp.pressure_bar, 0.1);
  // Volume and density as LAMMPS reports them.
  EXPECT_NEAR(row.volume_A3, cfg.box.lx * cfg.box.ly * cfg.box.lz, 1e-6);
}
