// The LAMMPS deck a case becomes: what it says (pair style, fixes, damping,
// ramp, output steps, seeds), and that LAMMPS itself accepts the deck of every
// shipped case (`lmp -in lammps/deck.lmp -skiprun`: every command parsed and
// set up, the dynamics skipped).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

#include "cases/case_loader.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lammps/lammps_deck.hpp"
#include "lammps/internal/lammps_log.hpp"
#include "lammps/lammps_process.hpp"
#include "lammps/lammps_runner.hpp"
#include "lammps/internal/lammps_stage_output.hpp"
#include "runners/protocol_runner.hpp"

namespace fs = std::filesystem;
using namespace gb;

namespace {

std::string src(const std::string& rel) { return std::string(GB_SOURCE_DIR) + "/" + rel; }

lammps::DeckInputs cuzr_inputs() {
  lammps::DeckInputs in;
  in.potential_path = "/usr/share/lammps/potentials/CuZr_mm.eam.fs";
  in.style = EamStyle::FinnisSinclair;
  in.type_elements = {"Cu", "Zr"};
  return in;
}

lammps::Deck smoke_deck(uint64_t seed = 0) {
  const cases::Case c = cases::load_case(src("cases/smoke/cuzr-smoke.yaml"));
  lammps::DeckInputs in = cuzr_inputs();
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
  // then three zero-pressure NVT isotherms, each an NPT pre-equilibration
  // (isothermal-<T>K-npt) followed by NVT in its mean box: 300 K and 700 K
  // (Langevin) from relax, 1500 K (Nose-Hoover) from liquid.
  ASSERT_EQ(d.stages.size(), 9u);
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
  // The liquid is start_from of the 1500 K group, but of its NPT stage, not of
  // a mean-box NVT stage: it averages no volume.
  EXPECT_TRUE(d.stages[0].mean_volume_file.empty());
  EXPECT_EQ(liquid.find("ave/time"), std::string::npos);

  const auto& quench = d.stages[1].text;
  EXPECT_TRUE(has_line(quench, "read_data lammps/01-liquid.final.data"));
  EXPECT_TRUE(has_line(quench, "fix gb_md all npt temp 2000 100 0.10000000000000001 iso 0 0 2"));
  EXPECT_EQ(quench.find("velocity all create"), std::string::npos) << "same T: velocities carried over";
  EXPECT_TRUE(has_line(quench, "reset_timestep 1000"));  // after the 2-ps liquid stage
  EXPECT_EQ(quench.find("minimize"), std::string::npos);

  // 300 K pre-equilibration: Langevin + nph at 0 bar from the relaxed glass at
  // 100 K (velocities drawn at 300 K); it starts at 1000 + 950 + 300 = 2250 and
  // runs 300 steps with thermo rows at 0, 50, ..., 300 (7 rows): the second
  // half is rows 3..6, steps 150..300 of the stage.
  const auto& npt300 = d.stages[3];
  EXPECT_TRUE(has_line(npt300.text, "read_data lammps/03-relax.final.data"));
  EXPECT_TRUE(has_line(npt300.text, "fix gb_md all nph iso 0 0 2"));
  EXPECT_NE(npt300.text.find("fix gb_langevin all langevin 300 300 0.10000000000000001 "), std::string::npos);
  EXPECT_TRUE(npt300.reassigns_velocities);
  EXPECT_EQ(npt300.mean_volume_file, "lammps/04-isothermal-0300K-npt.mean_volume.lmp");
  EXPECT_TRUE(has_line(npt300.text, "variable gb_vol equal vol"));
  EXPECT_TRUE(has_line(npt300.text, "fix gb_vmean all ave/time 50 1 50 v_gb_vol ave running start 2400"));
  EXPECT_NE(npt300.text.find("print 'variable gb_mean_volume_A3 equal $(f_gb_vmean:%.17g)' file "
                             "lammps/04-isothermal-0300K-npt.mean_volume.lmp screen no"),
            std::string::npos);
  EXPECT_TRUE(npt300.text.find("run 300") < npt300.text.find("print 'variable gb_mean_volume_A3"));
  EXPECT_TRUE(npt300.text.find("fix gb_vmean") < npt300.text.find("run 300"));

  // The 300 K isotherm: NVT (Langevin + nve) in the NPT stage's mean box,
  // velocities carried over (same temperature).
  const auto& glass300 = d.stages[4];
  EXPECT_TRUE(has_line(glass300.text, "read_data lammps/04-isothermal-0300K-npt.final.data"));
  EXPECT_EQ(glass300.box_from_mean_file, npt300.mean_volume_file);
  EXPECT_TRUE(has_line(glass300.text, "include lammps/04-isothermal-0300K-npt.mean_volume.lmp"));
  EXPECT_TRUE(has_line(glass300.text, "variable gb_box_scale equal (v_gb_mean_volume_A3/vol)^(1.0/3.0)"));
  EXPECT_TRUE(has_line(glass300.text,
                       "change_box all x scale ${gb_scale_now} y scale ${gb_scale_now} z scale ${gb_scale_now} remap"));
  EXPECT_TRUE(glass300.text.find("change_box") < glass300.text.find("run 200"));
  EXPECT_TRUE(has_line(glass300.text, "fix gb_md all nve"));
  EXPECT_NE(glass300.text.find("fix gb_langevin all langevin 300 300 0.10000000000000001 "), std::string::npos);
  EXPECT_FALSE(glass300.reassigns_velocities);
  EXPECT_EQ(glass300.text.find("velocity all create"), std::string::npos);
  EXPECT_TRUE(glass300.mean_volume_file.empty());

  // 1500 K: its NPT stage starts from the liquid (2000 K -> new velocities),
  // 1000 steps = 21 thermo rows, second half from row 10 = stage step 500.
  const long first_npt1500 = 1000 + 950 + 300 + 300 + 200 + 300 + 200;
  const auto& npt1500 = d.stages[7];
  EXPECT_TRUE(has_line(npt1500.text, "read_data lammps/01-liquid.final.data"));
  EXPECT_TRUE(has_line(npt1500.text, "fix gb_md all npt temp 1500 1500 0.10000000000000001 iso 0 0 2"));
  EXPECT_TRUE(has_line(npt1500.text, "fix gb_vmean all ave/time 50 1 50 v_gb_vol ave running start " +
                                         std::to_string(first_npt1500 + 500)));
  EXPECT_TRUE(npt1500.trajectory_dump.empty()) << "the pre-equilibration only finds the volume";

  const auto& hot = d.stages[8].text;  // NH NVT 1500 K, 0.2 ps equilibration, velocities dump
  EXPECT_TRUE(has_line(hot, "include lammps/08-isothermal-1500K-npt.mean_volume.lmp"));
  EXPECT_TRUE(has_line(hot, "fix gb_md all nvt temp 1500 1500 0.10000000000000001"));
  const long first = first_npt1500 + 1000;  // steps of the stages before it
  EXPECT_TRUE(has_line(hot, "reset_timestep " + std::to_string(first)));
  EXPECT_TRUE(has_line(hot, "variable gb_traj_at equal stride(" + std::to_string(first + 100) +
                                 ",1000000000000,100)"));
  EXPECT_TRUE(has_line(hot, "dump gb_vel all custom 1 lammps/09-isothermal-1500K.velocities.dump id type xu yu zu vx vy vz"));

  EXPECT_NE(d.master_text.find("include lammps/01-liquid.lmp\ninclude lammps/02-quench.lmp\n"), std::string::npos);
}

// The second half of a stage's thermo rows as the OpenMM runner takes it
// (rows at 0, interval, ..., last step; the half from index rows/2 on).
TEST(LammpsDeck, SecondHalfStartsAtTheOpenMMRunnersRow) {
  EXPECT_EQ(lammps::second_half_first_thermo_step(300, 50), 150);    // rows 0..6: from index 3
  EXPECT_EQ(lammps::second_half_first_thermo_step(1000, 50), 500);   // rows 0..20: from index 10
  EXPECT_EQ(lammps::second_half_first_thermo_step(350, 50), 200);    // rows 0..7: from index 4
  EXPECT_EQ(lammps::second_half_first_thermo_step(320, 50), 200);    // rows 0..6 and 320 (8 rows): index 4
  EXPECT_EQ(lammps::second_half_first_thermo_step(50, 50), 50);      // rows 0, 50: the last one
  EXPECT_DOUBLE_EQ(lammps::mean_volume_from_text("variable gb_mean_volume_A3 equal 4532.7360341845297\n"),
                   4532.7360341845297);
  EXPECT_TRUE(std::isnan(lammps::mean_volume_from_text("variable other equal 1\n")));
}

// A mean-box stage whose source is not NPT has no mean to take.
TEST(LammpsDeck, MeanBoxFromAnNvtStageIsRefused) {
  cases::Case c = cases::load_case(src("cases/smoke/cuzr-smoke.yaml"));
  c.stages[3].npt = false;  // 04-isothermal-0300K-npt made NVT
  try {
    lammps::make_deck(c, cuzr_inputs());
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("isothermal-0300K-npt, which is not an NPT stage"), std::string::npos) << e.what();
  }
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
