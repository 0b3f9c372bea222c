// The runner's side of the stage-kind hooks (runners/openmm_stage_control):
//  * pressure_tensor_bar: its virial part is -(1/V) dE/d(strain) of the
//    OpenMM energy under the six affine strains (set_box applies them), its
//    kinetic part sum m v_a v_b / V checked against OpenMM's kinetic energy;
//  * record_sample on --resume keeps the rows up to the checkpoint's step,
//    writes nothing while the resume step's hook is replayed, then appends.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "common/eam_test_files.hpp"
#include "common/temp_dir.hpp"
#include "common/test_structures.hpp"
#include "core/error.hpp"
#include "core/text_util.hpp"
#include "core/units.hpp"
#include "openmm/platform.hpp"
#include "potential/eam_reader.hpp"
#include "openmm/system_builder.hpp"
#include "runners/internal/openmm_stage_control.hpp"

namespace {

namespace u = gb::units;

struct ControlRig {
  gb::EamPotential pot = gb::testing::asymmetric_fs_potential();
  gb::AtomConfig cfg;
  gb::EamSystem sys;
  OpenMM::VerletIntegrator integ{0.001};
  std::unique_ptr<OpenMM::Context> ctx;
  std::unique_ptr<gb::runners::ThermoSampler> sampler;

  explicit ControlRig(const std::string& dir, double xy = 1.3, double xz = -0.9, double yz = 0.7) {
    cfg = gb::testing::make_triclinic(gb::testing::cuzr_config(250, 7), xy, xz, yz);  // ~16 A box, cutoff 6 A
    const std::vector<int> elem = gb::map_elements(pot, {"Cu", "Zr"});
    sys = gb::build_eam_system(cfg, pot, elem);
    gb::PlatformRequest req;
    req.name = "Reference";  // double precision: finite differences of the energy need it
    ctx = gb::make_context(*sys.system, integ, gb::choose_platform(req));
    ctx->setPeriodicBoxVectors(sys.box_nm[0], sys.box_nm[1], sys.box_nm[2]);
    ctx->setPositions(sys.positions_nm);
    cfg.type_names = {"Cu", "Zr"};
    cfg.type_masses = {pot.masses[elem[0]], pot.masses[elem[1]]};
    sampler = std::make_unique<gb::runners::ThermoSampler>(pot, elem, 1, gb::runners::topology_of(cfg));
    (void)dir;
  }
  gb::runners::OpenMMStageControl control(const std::string& stage_dir, long first_step, long resume_step) {
    return gb::runners::OpenMMStageControl(*ctx, integ, false, *sampler, gb::rundir::StageLayout(stage_dir),
                                           first_step, 2.0, 0.001, resume_step);
  }
  double energy_eV() const { return ctx->getState(OpenMM::State::Energy).getPotentialEnergy() * u::kEVPerKJPerMol; }
};

// Box after the affine strain F = I + eps e_a e_b^T (a >= b in LAMMPS order) of a lower-triangular cell.
gb::Box strained(gb::Box b, int component, double eps) {
  switch (component) {
    case 0: b.lx *= 1 + eps, b.xy *= 1 + eps, b.xz *= 1 + eps; break;  // xx: x -> (1+eps) x
    case 1: b.ly *= 1 + eps, b.yz *= 1 + eps; break;                     // yy
    case 2: b.lz *= 1 + eps; break;                                      // zz
    case 3: b.xy += eps * b.ly, b.xz += eps * b.yz; break;              // xy: x += eps y
    case 4: b.xz += eps * b.lz; break;                                   // xz: x += eps z
    case 5: b.yz += eps * b.lz; break;                                   // yz: y += eps z
  }
  return b;
}

TEST(StageControl, PressureTensorVirialIsMinusTheStrainDerivativeOfTheEnergy) {
  gb::testing::TempDir t;
  ControlRig s(t.path());
  auto c = s.control(t.path(), 0, -1);
  s.ctx->setVelocities(std::vector<OpenMM::Vec3>(s.cfg.size(), OpenMM::Vec3(0, 0, 0)));
  const std::array<double, 6> p = c.pressure_tensor_bar();
  const gb::Box box0 = c.box();
  const double V = box0.volume();
  double pmax = 0;
  for (double v : p) pmax = std::max(pmax, std::fabs(v));
  const OpenMM::State st0 = s.ctx->getState(OpenMM::State::Positions);
  OpenMM::Vec3 b0[3];
  st0.getPeriodicBoxVectors(b0[0], b0[1], b0[2]);
  auto restore = [&] {
    s.ctx->setPeriodicBoxVectors(b0[0], b0[1], b0[2]);
    s.ctx->setPositions(st0.getPositions());
  };
  for (int k = 0; k < 6; ++k) {
    // Central difference, eps = 1e-5: truncation ~eps^2 * E''' and rounding
    // ~1e-15 E / eps are both below 1e-6 of the largest component.
    const double eps = 1e-5;
    c.set_box(strained(box0, k, eps));
    const double ep = s.energy_eV();
    restore();
    c.set_box(strained(box0, k, -eps));
    const double em = s.energy_eV();
    restore();
    const double fd = -(ep - em) / (2 * eps) / V * u::kBarPerEVPerAngstrom3;
    // 1e-5 of the largest component: the finite-difference error above, with margin.
    EXPECT_NEAR(p[k], fd, 1e-5 * pmax) << "component " << k;
  }
  EXPECT_GT(pmax, 1000.0);  // a random liquid-like configuration is far from zero stress: the test has signal
}

TEST(StageControl, PressureTensorKineticPartIsMvvOverV) {
  gb::testing::TempDir t;
  ControlRig s(t.path(), 0, 0, 0);
  auto c = s.control(t.path(), 0, -1);
  const size_t n = s.cfg.size();
  s.ctx->setVelocities(std::vector<OpenMM::Vec3>(n, OpenMM::Vec3(0, 0, 0)));
  const std::array<double, 6> p0 = c.pressure_tensor_bar();
  // Velocities along x only (alternating sign), then along x and y equally.
  for (int mode = 0; mode < 2; ++mode) {
    std::vector<OpenMM::Vec3> v(n);
    for (size_t i = 0; i < n; ++i) {
      const double a = (i % 2 ? 1.0 : -1.0) * (0.5 + 0.01 * (i % 7));  // nm/ps
      v[i] = OpenMM::Vec3(a, mode ? a : 0.0, 0);
    }
    s.ctx->setVelocities(v);
    const std::array<double, 6> p = c.pressure_tensor_bar();
    const double V = c.box().volume();
    // Kinetic energy in OpenMM units (amu nm^2/ps^2 = kJ/mol exactly), not
    // OpenMM's getKineticEnergy (a leapfrog integrator reports the half-step
    // average, which depends on the forces).
    double ke_kJ_mol = 0;
    for (size_t i = 0; i < n; ++i) ke_kJ_mol += 0.5 * s.sys.masses_amu[i] * v[i].dot(v[i]);
    const double ke = ke_kJ_mol * u::kEVPerKJPerMol;
    // sum m |v|^2 = 2 KE: the trace of the kinetic tensor is 2 KE / V.
    const double trace = 2 * ke / V * u::kBarPerEVPerAngstrom3;
    std::array<double, 6> k{};
    for (int a = 0; a < 6; ++a) k[a] = p[a] - p0[a];
    // Relative 1e-6: units constants to 7-8 digits (kEVPerAmuA2PerPs2, kBarPerEVPerAngstrom3).
    EXPECT_NEAR(k[0] + k[1] + k[2], trace, 1e-6 * trace) << "mode " << mode;
    EXPECT_NEAR(k[2], 0.0, 1e-9 * trace);
    EXPECT_NEAR(k[4], 0.0, 1e-9 * trace);
    EXPECT_NEAR(k[5], 0.0, 1e-9 * trace);
    if (mode == 0) {
      EXPECT_NEAR(k[1], 0.0, 1e-9 * trace);
      EXPECT_NEAR(k[3], 0.0, 1e-9 * trace);
    } else {
      EXPECT_NEAR(k[0], k[1], 1e-9 * trace);
      EXPECT_NEAR(k[3], k[0], 1e-6 * trace);  // v_x = v_y: xy equals xx
    }
  }
}

std::vector<std::string> data_rows(const std::string& path) {
  std::vector<std::string> rows;
  std::istringstream in(gb::read_text_file(path));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#' && line.rfind("step,", 0) != 0) rows.push_back(line.substr(0, line.find(',')));
  return rows;
}

TEST(StageControl, RecordSampleOnResumeCutsRowsAfterTheCheckpoint) {
  gb::testing::TempDir t;
  ControlRig s(t.path());
  // A stage that started at global step 1000 and wrote rows every 100 steps up to
  // 1500 before it was killed; the checkpoint is at 1300.
  std::string text = "# written before the crash\nstep,time_ps,pxy_bar\n";
  for (long st = 1000; st <= 1500; st += 100) text += std::to_string(st) + "," + std::to_string(st * 0.001) + ",1.5\n";
  t.write("stress.csv", text);
  {
    auto c = s.control(t.path(), 1000, 1300);
    c.set_step(300);  // the runner replays the checkpoint step's hook with sampling muted
    c.set_replaying(true);
    c.record_sample("stress.csv", {"pxy_bar"}, {9.0});
    c.set_replaying(false);
    c.set_step(400);
    c.record_sample("stress.csv", {"pxy_bar"}, {2.5});
    c.flush();
  }
  EXPECT_EQ(data_rows(t.file("stress.csv")), (std::vector<std::string>{"1000", "1100", "1200", "1300", "1400"}));
  const std::string out = gb::read_text_file(t.file("stress.csv"));
  EXPECT_NE(out.find("# written before the crash"), std::string::npos);  // the file's own header kept
  EXPECT_NE(out.find("1400,2.4,2.5"), std::string::npos) << out;     // time = 2.0 ps + 400 * 0.001 ps
  EXPECT_EQ(out.find(",9"), std::string::npos);                       // nothing written while replaying

  // A fresh stage (no resume) starts the file over.
  {
    auto c = s.control(t.path(), 1000, -1);
    c.set_step(0);
    c.record_sample("stress.csv", {"pxy_bar"}, {1.0});
    c.flush();
  }
  EXPECT_EQ(data_rows(t.file("stress.csv")), (std::vector<std::string>{"1000"}));
}

TEST(StageControl, ResumeOfAMalformedSampleFileNamesFileAndLine) {
  gb::testing::TempDir t;
  ControlRig s(t.path());
  t.write("stress.csv", "# x\nstep,time_ps,pxy_bar\n1000,1.0,1\nbroken,1.1,1\n");
  auto c = s.control(t.path(), 1000, 1300);
  c.set_step(400);
  try {
    c.record_sample("stress.csv", {"pxy_bar"}, {1.0});
    FAIL() << "expected gb::InputError";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(e.where().line, 4) << e.what();
    EXPECT_NE(std::string(e.what()).find("stress.csv"), std::string::npos) << e.what();
  }
}

}  // namespace
