// The LAMMPS deck a case becomes: what it says (pair style, fixes, damping,
// ramp, output steps, seeds), and that LAMMPS itself accepts the deck of every
// shipped case (`lmp -in lammps/deck.lmp -skiprun`: every command parsed and
// set up, the dynamics skipped).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "cases/case_loader.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lammps/lammps_deck.hpp"
#include "lammps/lammps_log.hpp"
#include "lammps/lammps_process.hpp"
#include "lammps/lammps_runner.hpp"
#include "lammps/lammps_stage_output.hpp"
#include "runners/protocol_runner.hpp"

namespace fs = std::filesystem;
using namespace gb;

namespace {

std::string src(const std::string& rel) { return std::string(GB_SOURCE_DIR) + "/" + rel; }

lammps::Deck smoke_deck(uint64_t seed = 0) {
  const cases::Case c = cases::load_case(src("cases/smoke/cuzr-smoke.yaml"));
  lammps::DeckInputs in;
  in.potential_path = "/usr/share/lammps/potentials/CuZr_mm.eam.fs";
  in.style = EamStyle::FinnisSinclair;
  in.type_elements = {"Cu", "Zr"};
  in.seed = seed ? seed : c.system.seed;
  return lammps::make_deck(c, in);
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST(LammpsDeck, SmokeCaseStagesMapToLammpsFixes) {
  const lammps::Deck d = smoke_deck();
  // cuzr-smoke: liquid (NPT 2000 K), quench (NPT 2000 -> 100 K), relax (NPT),
  // 2 Langevin NVT isotherms from relax, one NH NVT isotherm from liquid.
  ASSERT_EQ(d.stages.size(), 6u);
  const auto& liquid = d.stages[0].text;
  EXPECT_TRUE(has_line(liquid, "pair_style eam/fs"));
  EXPECT_TRUE(has_line(liquid, "pair_coeff * * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr"));
  EXPECT_TRUE(has_line(liquid, "read_data lammps/start.data"));
  EXPECT_NE(liquid.find("minimize 0 0.01 100 1000"), std::string::npos);
  // Tdamp = the case's 0.1 ps; Pdamp = 1000 steps of 2 fs.
  EXPECT_TRUE(has_line(liquid, "fix gb_md all npt temp 2000 2000 0.10000000000000001 iso 0 0 2"));
  EXPECT_TRUE(has_line(liquid, "timestep 0.002"));
  EXPECT_TRUE(has_line(liquid, "reset_timestep 0"));
  EXPECT_TRUE(liquid.find("velocity all create 2000 ") != std::string::npos);
  // thermo every 0.1 ps = 50 steps, positions every 0.2 ps = 100 steps.
  EXPECT_TRUE(has_line(liquid, "variable gb_thermo equal stride(0,1000000000000,50)"));
  EXPECT_TRUE(has_line(liquid, "variable gb_traj_at equal stride(0,1000000000000,100)"));
  EXPECT_TRUE(has_line(liquid, "write_data lammps/01-liquid.final.data nocoeff"));

  const auto& quench = d.stages[1].text;
  EXPECT_TRUE(has_line(quench, "read_data lammps/01-liquid.final.data"));
  EXPECT_TRUE(has_line(quench, "fix gb_md all npt temp 2000 100 0.10000000000000001 iso 0 0 2"));
  EXPECT_EQ(quench.find("velocity all create"), std::string::npos) << "same T: velocities carried over";
  EXPECT_TRUE(has_line(quench, "reset_timestep 500"));  // after the 1-ps liquid stage
  EXPECT_EQ(quench.find("minimize"), std::string::npos);

  const auto& glass300 = d.stages[3].text;  // Langevin NVT at 300 K from the relaxed glass at 100 K
  EXPECT_TRUE(has_line(glass300, "read_data lammps/03-relax.final.data"));
  EXPECT_TRUE(has_line(glass300, "fix gb_md all nve"));
  EXPECT_NE(glass300.find("fix gb_langevin all langevin 300 300 0.10000000000000001 "), std::string::npos);
  EXPECT_NE(glass300.find("velocity all create 300 "), std::string::npos);
  EXPECT_TRUE(d.stages[3].reassigns_velocities);

  const auto& hot = d.stages[5].text;  // NH NVT 1500 K, 0.2 ps equilibration, velocities dump
  EXPECT_TRUE(has_line(hot, "fix gb_md all nvt temp 1500 1500 0.10000000000000001"));
  const long first = 500 + 950 + 300 + 200 + 200;  // steps of the stages before it
  EXPECT_TRUE(has_line(hot, "reset_timestep " + std::to_string(first)));
  EXPECT_TRUE(has_line(hot, "variable gb_traj_at equal stride(" + std::to_string(first + 100) +
                                 ",1000000000000,100)"));
  EXPECT_TRUE(has_line(hot, "dump gb_vel all custom 1 lammps/06-isothermal-1500K.velocities.dump id type xu yu zu vx vy vz"));

  EXPECT_NE(d.master_text.find("include lammps/01-liquid.lmp\ninclude lammps/02-quench.lmp\n"), std::string::npos);
}

TEST(LammpsDeck, SeedsAreDerivedAndInLammpsRange) {
  const lammps::Deck a = smoke_deck(), b = smoke_deck(lammps::replica_seed(20220707, 1));
  EXPECT_NE(a.stages[0].velocity_seed, b.stages[0].velocity_seed);
  EXPECT_NE(a.stages[0].velocity_seed, a.stages[3].velocity_seed);
  for (const auto& d : {a, b})
    for (const auto& s : d.stages) {
      EXPECT_GE(s.velocity_seed, 1);
      EXPECT_LE(s.velocity_seed, 900000000);
      EXPECT_GE(s.langevin_seed, 1);
      EXPECT_LE(s.langevin_seed, 900000000);
    }
  EXPECT_EQ(lammps::replica_seed(42, 0), 42u);
  EXPECT_NE(lammps::replica_seed(42, 1), lammps::replica_seed(42, 2));
}

TEST(LammpsDeck, FuncflAlloyIsRefusedWithTheCaseLocation) {
  const cases::Case c = cases::load_case(src("cases/smoke/cuzr-smoke.yaml"));
  lammps::DeckInputs in;
  in.potential_path = "/x/Cu_u3.eam";
  in.style = EamStyle::Funcfl;
  in.type_elements = {"Cu", "Zr"};
  try {
    lammps::make_deck(c, in);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "potential.file");
    EXPECT_NE(std::string(e.what()).find("cuzr-smoke.yaml"), std::string::npos);
  }
}

// LAMMPS parses and sets up the deck of every shipped case.
TEST(LammpsDeck, EveryShippedCaseDeckIsAcceptedByLammps) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  int checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(src("cases"))) {
    if (e.path().extension() != ".yaml") continue;
    SCOPED_TRACE(e.path().string());
    const cases::Case c = cases::load_case(e.path().string());
    try {
      lammps::require_expressible(c);
    } catch (const InputError& x) {  // e.g. a shear (MD-DMA) stage: OpenMM engine only
      std::cout << "not checked (" << x.what() << ")\n";
      continue;
    }
    lammps::ResolvedPotential rp;
    try {
      rp = lammps::resolve_potential(c);
    } catch (const runners::PotentialNotSupplied& s) {
      std::cout << "not checked (" << s.what() << ")\n";
      continue;
    }
    gb::testing::TempDir tmp("gb-deck");
    const lammps::Deck d = lammps::write_lammps_inputs(c, rp, tmp.path(), c.system.seed);
    lammps::LmpLauncher l;
    l.lmp = gb::testing::lammps_executable();
    const auto r = lammps::run_process(lammps::lmp_argv(l, d.master_file, "lammps/check.log", {"-skiprun"}),
                                       tmp.path(), nullptr);
    EXPECT_TRUE(r.ok()) << r.tail;
    for (const auto& s : d.stages) EXPECT_TRUE(fs::exists(tmp.file(s.final_data))) << s.final_data;
    ++checked;
  }
  EXPECT_GE(checked, 2);  // the Al-La case is skipped unless its potential is supplied
}

TEST(LammpsLog, ThermoBlocksVersionAndErrors) {
  const std::string log =
      "LAMMPS (29 Sep 2021 - Update 2)\n"
      "Step Temp E_pair E_mol TotEng Press \n"
      "       0            0   -4.2           0   -4.2    -1000 \n"
      "      10            0   -4.3           0   -4.3     -900 \n"
      "Loop time of 0.1 on 1 procs for 10 steps with 500 atoms\n"
      "Step Temp PotEng KinEng TotEng Volume Density Press \n"
      "     100 1500 -2000 90 -1910 8000 7.1 1200.5 \n"
      "WARNING: something (src/x.cpp:1)\n"
      "     150 1490 -2001 89 -1912 8001 7.099 1100 \n"
      "     200 1510 -2002 91 -1911 8002 7.098 1000 \n"
      "Loop time of 0.2 on 1 procs for 100 steps with 500 atoms\n";
  const auto b = lammps::parse_thermo_blocks(log, "x.log");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].rows.size(), 2u);
  EXPECT_TRUE(b[1].complete);
  ASSERT_EQ(b[1].rows.size(), 3u);
  EXPECT_DOUBLE_EQ(b[1].rows[1][b[1].column("Press")], 1100);
  EXPECT_EQ(lammps::lammps_version_from_text(log), "29 Sep 2021 - Update 2");
  EXPECT_EQ(lammps::lammps_error_from_text("x\nERROR: Lost atoms: original 500 current 499 (src/thermo.cpp:1)\n"
                                           "Last command: run 100\n"),
            "ERROR: Lost atoms: original 500 current 499 (src/thermo.cpp:1) (Last command: run 100)");

  // thermo.csv rows: stage of 100 steps from global step 100, thermo every 50.
  cases::StageSpec st;
  st.name = "hot";
  st.steps = 100;
  st.timestep_ps = 0.002;
  st.t_start_K = 1500;
  st.t_end_K = 1500;
  st.output.thermo_steps = 50;
  const auto rows = lammps::thermo_rows_from_log(log, "x.log", st, 100, 1.0);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].step, 200);
  EXPECT_DOUBLE_EQ(rows[1].time_ps, 1.1);
  EXPECT_DOUBLE_EQ(rows[1].density_g_cm3, 7.099);
  EXPECT_DOUBLE_EQ(rows[2].total_energy_eV(), -2002 + 91);
  // A thermo interval the log does not have is an error naming the file.
  st.output.thermo_steps = 40;
  EXPECT_THROW(lammps::thermo_rows_from_log(log, "x.log", st, 100, 1.0), InputError);
  // A run cut short (no "Loop time") is an error.
  EXPECT_THROW(lammps::thermo_rows_from_log(log.substr(0, log.rfind("Loop")), "x.log", st, 100, 1.0), InputError);
}
