// Whole LAMMPS-engine runs of a small Cu64Zr36 case (500 atoms, ~1000 steps):
// the run directory has the OpenMM runner's layout (thermo.csv columns and
// steps, stage records, dumps, final data, provenance with the LAMMPS version
// and deck), `analyze run` reads it, a run stopped between stages resumes to
// the same result as an uninterrupted one, `--mpi 2` runs, and a missing lmp
// is a clear input error; a zero-pressure isotherm runs in its NPT stage's mean box.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/run_directory_analysis.hpp"
#include "cases/case_loader.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/lammps_dump.hpp"
#include "rundir/thermo_log.hpp"
#include "lammps/lammps_runner.hpp"
#include "runners/run_lock.hpp"
#include "runners/thermo_file.hpp"

namespace fs = std::filesystem;
using namespace gb;

namespace {

// 500 atoms; thermo every 25 steps; the isotherm has a 50-step equilibration
// and positions every 50 steps (frames at its steps 50, 100, ..., 300).
const char* kCase = R"(name: lammps-engine-test
system:
  composition: {Cu: 64, Zr: 36}
  atoms: 500
  structure: {kind: random, density: "0.0585 /A^3", min_distance: "2.0 A"}
  seed: 777
potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}
timestep: "2 fs"
thermostat: {kind: nose-hoover, time_constant: "0.1 ps"}
output: {thermo: "25 steps"}
protocol:
  - {kind: equilibrate, name: liquid, temperature: "2000 K", ensemble: NPT, pressure: "0 bar", duration: "0.4 ps"}
  - kind: isothermal
    start_from: liquid
    ensemble: NVT
    volume: start-state
    duration: "0.6 ps"
    equilibration: "0.1 ps"
    output: {positions: "50 steps", velocities: "100 steps", compress: true}
    temperatures: ["1500 K"]
)";

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string data_rows(const std::string& thermo) {  // thermo.csv without its '#' provenance line
  return thermo.substr(thermo.find('\n') + 1);
}

struct Fixture {
  gb::testing::TempDir tmp{"gb-lmp-run"};
  cases::Case c;
  Fixture() {
    c = cases::parse_case(kCase, tmp.write("case.yaml", kCase));
    c.file = tmp.file("case.yaml");
  }
  lammps::LammpsRunOptions opt(const std::string& out) const {
    lammps::LammpsRunOptions o;
    o.out_dir = tmp.file(out);
    o.echo_log = false;
    o.launcher.lmp = gb::testing::lammps_executable();
    return o;
  }
};

}  // namespace

TEST(LammpsEngineRun, WritesTheRunDirectoryLayout) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  Fixture f;
  const auto r = lammps::run_lammps_case(f.c, f.opt("run"));
  EXPECT_EQ(r.status, runners::RunStatus::Completed);
  const std::string dir = f.tmp.file("run");

  // thermo.csv: the OpenMM runner's header; rows at stage steps 0, 25, ..., last.
  const std::string thermo = slurp(dir + "/thermo.csv");
  EXPECT_EQ(thermo.rfind("# ", 0), 0u);
  std::istringstream in(thermo);
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  EXPECT_EQ(line, runners::ThermoFile::header());
  std::vector<long> steps;
  while (std::getline(in, line)) steps.push_back(std::stol(line.substr(line.find(',') + 1)));
  std::vector<long> want;
  for (long s = 0; s <= 200; s += 25) want.push_back(s);      // liquid: 200 steps
  for (long s = 0; s <= 300; s += 25) want.push_back(200 + s);  // isotherm: 300 steps from global 200
  EXPECT_EQ(steps, want);

  // Stage records and files.
  const YAML::Node st = YAML::LoadFile(dir + "/stages/02-isothermal-1500K/stage.yaml");
  EXPECT_EQ(st["kind"].as<std::string>(), "isothermal");
  EXPECT_EQ(st["achieved"]["thermo_rows"].as<int>(), 11);  // achieved T/P (run model): steps 250..500
  EXPECT_EQ(st["first_step"].as<long>(), 200);
  EXPECT_EQ(st["frames"].as<int>(), 6);
  EXPECT_EQ(st["velocity_frames"].as<int>(), 3);
  EXPECT_EQ(st["trajectory"].as<std::string>(), "trajectory.dump.gz");
  const auto frames = DumpReader::read_all(dir + "/stages/02-isothermal-1500K/trajectory.dump.gz");
  ASSERT_EQ(frames.size(), 6u);
  EXPECT_EQ(frames.front().timestep, 250);
  EXPECT_EQ(frames.back().timestep, 500);
  EXPECT_TRUE(frames.front().unwrapped);
  const auto vel = DumpReader::read_all(dir + "/stages/02-isothermal-1500K/velocities.dump.gz");
  ASSERT_EQ(vel.size(), 3u);
  EXPECT_EQ(vel[0].extra_columns.count("vx"), 1u);
  const AtomConfig fin = read_lammps_data(dir + "/stages/02-isothermal-1500K/final.data");
  EXPECT_EQ(fin.size(), 500u);
  EXPECT_EQ(fin.velocities.size(), 500u);

  // Provenance: engine, LAMMPS version, the deck.
  const YAML::Node p = YAML::LoadFile(dir + "/provenance.yaml");
  EXPECT_EQ(p["engine"].as<std::string>(), "lammps");
  EXPECT_FALSE(p["lammps"]["version"].as<std::string>().empty());
  EXPECT_TRUE(fs::exists(dir + "/" + p["lammps"]["deck"].as<std::string>()));
  EXPECT_EQ(p["status"].as<std::string>(), "completed");

  // The thermostat holds the isotherm: mean T of its 13 rows within 5% of 1500 K
  // (500 atoms fluctuate by ~1500 K * sqrt(2/1500) = 55 K per sample).
  std::istringstream rows(thermo);
  double sumT = 0;
  int nT = 0;
  while (std::getline(rows, line))
    if (line.rfind("isothermal-1500K,", 0) == 0) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string x;
      while (std::getline(ss, x, ',')) f.push_back(x);
      sumT += std::stod(f[3]);
      ++nT;
    }
  ASSERT_EQ(nT, 13);
  EXPECT_NEAR(sumT / nT, 1500.0, 75.0);

  // analyze run reads the directory as it reads an OpenMM run: every stage gets an entry (stages
  // without a trajectory get the thermo-only observables); the isotherm's has its 6 frames.
  analysis::StageAnalysisOptions ao;
  const auto summary = analysis::analyze_run_directory(dir, ao, "test");
  ASSERT_EQ(summary["stages"].size(), 2u);
  EXPECT_EQ(summary["stages"][1]["name"].get<std::string>(), "02-isothermal-1500K");
  EXPECT_EQ(summary["stages"][1]["frames"].get<int>(), 6);
  EXPECT_TRUE(fs::exists(dir + "/analysis/02-isothermal-1500K/msd.json"));
}

TEST(LammpsEngineRun, ResumeAfterAFinishedStageEqualsAnUninterruptedRun) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  Fixture f;
  lammps::run_lammps_case(f.c, f.opt("whole"));
  auto o = f.opt("split");
  o.stop_after_stages = 1;
  const auto r1 = lammps::run_lammps_case(f.c, o);
  EXPECT_EQ(r1.status, runners::RunStatus::Interrupted);
  EXPECT_FALSE(fs::exists(f.tmp.file("split/stages/02-isothermal-1500K/stage.yaml")));
  o.stop_after_stages = -1;
  o.resume = true;
  const auto r2 = lammps::run_lammps_case(f.c, o);
  EXPECT_EQ(r2.status, runners::RunStatus::Completed);
  // Serial LAMMPS is deterministic: the same rows, to the last digit.
  EXPECT_EQ(data_rows(slurp(f.tmp.file("split/thermo.csv"))), data_rows(slurp(f.tmp.file("whole/thermo.csv"))));
  const YAML::Node p = YAML::LoadFile(f.tmp.file("split/provenance.yaml"));
  EXPECT_EQ(p["sessions"].size(), 2u);
  // A run directory already holding a run is not overwritten.
  EXPECT_THROW(lammps::run_lammps_case(f.c, f.opt("whole")), InputError);
}

TEST(LammpsEngineRun, MpiTwoRanksRunsTheSameProtocol) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  if (std::system("mpirun --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "mpirun not installed";
  Fixture f;
  auto o = f.opt("mpi");
  o.launcher.mpi_ranks = 2;
  lammps::run_lammps_case(f.c, o);
  const YAML::Node p = YAML::LoadFile(f.tmp.file("mpi/provenance.yaml"));
  EXPECT_EQ(p["lammps"]["mpi_ranks"].as<int>(), 2);
  EXPECT_NE(p["lammps"]["command"].as<std::string>().find("-np 2"), std::string::npos);
  EXPECT_EQ(DumpReader::read_all(f.tmp.file("mpi/stages/02-isothermal-1500K/trajectory.dump.gz")).size(), 6u);
}

// volume: zero-pressure on the LAMMPS engine: the NVT isotherm starts in the
// mean volume of its NPT pre-equilibration's second half of thermo rows (the
// OpenMM runner's rule), and keeps it (NVT).
TEST(LammpsEngineRun, ZeroPressureIsothermRunsInTheMeanBoxOfItsNptStage) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  // The fixture's case with its isotherm at the zero-pressure volume: liquid
  // (200 steps), isothermal-1500K-npt (0.4 ps = 200 steps), NVT isotherm (300 steps).
  std::string yaml = kCase;
  const std::string from = "    volume: start-state\n";
  ASSERT_NE(yaml.find(from), std::string::npos);
  yaml.replace(yaml.find(from), from.size(), "    volume: zero-pressure\n    npt_duration: \"0.4 ps\"\n");
  gb::testing::TempDir tmp("gb-lmp-zp");
  cases::Case c = cases::parse_case(yaml, tmp.write("case.yaml", yaml));
  c.file = tmp.file("case.yaml");
  ASSERT_EQ(c.stages.size(), 3u);
  lammps::LammpsRunOptions o;
  o.out_dir = tmp.file("run");
  o.echo_log = false;
  o.launcher.lmp = gb::testing::lammps_executable();
  ASSERT_EQ(lammps::run_lammps_case(c, o).status, runners::RunStatus::Completed);
  std::vector<double> npt, nvt;
  for (const auto& r : rundir::read_thermo_log(tmp.file("run/thermo.csv"))) {
    if (r.stage == "isothermal-1500K-npt") npt.push_back(r.volume_A3);
    if (r.stage == "isothermal-1500K") nvt.push_back(r.volume_A3);
  }
  ASSERT_EQ(npt.size(), 9u);  // 200 steps, rows every 25 from 0
  ASSERT_EQ(nvt.size(), 13u);
  double mean = 0;
  for (size_t i = npt.size() / 2; i < npt.size(); ++i) mean += npt[i];
  mean /= static_cast<double>(npt.size() - npt.size() / 2);
  // The NPT box moves: its final volume is not its mean (else this test could not fail).
  ASSERT_GT(std::fabs(npt.back() - mean), 1e-3 * mean);
  // thermo.csv holds vol to 12 significant digits; the rescale is exact to rounding.
  for (double v : nvt) EXPECT_NEAR(v, mean, 1e-9 * mean);
  const YAML::Node st = YAML::LoadFile(tmp.file("run/stages/03-isothermal-1500K/stage.yaml"));
  EXPECT_EQ(st["volume"].as<std::string>(), "zero-pressure");
  EXPECT_NE(st["volume_source"].as<std::string>().find("mean volume of the second half of isothermal-1500K-npt"),
            std::string::npos);
}

TEST(LammpsEngineRun, MissingLammpsIsAnInputError) {
  Fixture f;
  auto o = f.opt("none");
  o.launcher.lmp = "/nonexistent/lmp";
  try {
    lammps::run_lammps_case(f.c, o);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/lmp"), std::string::npos) << e.what();
  }
}

// The LAMMPS engine follows the OpenMM runner's directory rules
// (runners/out_dir_guard.hpp, runners/run_lock.hpp): a non-empty directory
// holding no run is refused unless --force, and a directory another live
// process holds the run lock of is refused.  stop_after_stages = 0 stops each
// accepted run before its first stage, so these take a second.
TEST(LammpsEngineRun, RefusesAForeignNonEmptyDirectoryUnlessForced) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  Fixture f;
  fs::create_directories(f.tmp.file("mine"));
  f.tmp.write("mine/notes.txt", "a user's file\n");
  auto o = f.opt("mine");
  o.stop_after_stages = 0;
  try {
    lammps::run_lammps_case(f.c, o);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(f.tmp.file("mine/thermo.csv")));
  EXPECT_FALSE(fs::exists(f.tmp.file("mine/lammps")));
  o.force = true;
  const auto r = lammps::run_lammps_case(f.c, o);
  EXPECT_EQ(r.status, runners::RunStatus::Interrupted);
  EXPECT_TRUE(fs::exists(f.tmp.file("mine/lammps/state.yaml")));
  EXPECT_EQ(slurp(f.tmp.file("mine/notes.txt")), "a user's file\n");
}

TEST(LammpsEngineRun, RefusesADirectoryAnotherRunHoldsTheLockOf) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  Fixture f;
  fs::create_directories(f.tmp.file("busy"));
  const runners::RunLock other(f.tmp.file("busy"));  // as another live process would hold it
  auto o = f.opt("busy");
  o.stop_after_stages = 0;
  EXPECT_THROW(lammps::run_lammps_case(f.c, o), InputError);
  EXPECT_FALSE(fs::exists(f.tmp.file("busy/case.yaml")));  // nothing written under another run's lock
}
