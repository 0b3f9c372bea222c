// The shipped smoke case end to end (CI): every stage kind runs, the run
// directory follows docs/run-directory.md, the quenched glass has a sane
// density, the thermostats hold their temperatures, the isotherms sit at
// zero pressure, and LAMMPS (the
// independent oracle) reads final.data and finds the potential energy that
// thermo.csv reports for the same state.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "cases/case_loader.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "core/lammps_dump.hpp"
#include "run_test_support.hpp"
#include "runners/protocol_runner.hpp"

namespace fs = std::filesystem;

namespace {

// CTest runs every TEST() as its own process, so the case is run once, in a
// single TEST, and the checks below are plain functions.
struct SmokeCase {
  gb::testing::TempDir* dir_ = nullptr;
  gb::runners::RunResult result_;
  std::string run_dir() const { return dir_->file("run"); }
  std::vector<std::map<std::string, std::string>> rows_of(const std::string& stage) const {
    std::vector<std::map<std::string, std::string>> out;
    for (auto& r : gbtest::thermo_rows(run_dir() + "/thermo.csv"))
      if (r.at("stage") == stage) out.push_back(r);
    return out;
  }
  static double mean_T(const std::vector<std::map<std::string, std::string>>& rows, size_t from) {
    double s = 0;
    for (size_t i = from; i < rows.size(); ++i) s += std::stod(rows[i].at("temperature_K"));
    return s / double(rows.size() - from);
  }
  void CompletesWithTheContractLayout();
  void ThermoRowsPerStage();
  void QuenchedGlassDensityIsSane();
  void ThermostatsHoldTheirTemperatures();
  void IsothermsSitAtZeroPressure();
  void LammpsReadsFinalDataWithTheReportedEnergy();
};

void SmokeCase::CompletesWithTheContractLayout() {
  EXPECT_EQ(result_.status, gb::runners::RunStatus::Completed);
  // 1000 + 950 + 300, then per isotherm an NPT pre-equilibration (300, 300,
  // 1000 steps) and the NVT stage (200, 200, 300), by hand from the case.
  EXPECT_EQ(result_.global_step, 4550);
  for (const char* f : {"provenance.yaml", "case.yaml", "thermo.csv", "run.log"})
    EXPECT_TRUE(fs::exists(run_dir() + "/" + f)) << f;
  // Frames by hand: steps/dump interval (100) + 1; the 1500 K stage records
  // after 100 steps; the NPT pre-equilibrations write no trajectory.
  const std::vector<std::pair<std::string, int>> stages = {
      {"01-liquid", 11},          {"02-quench", 10},          {"03-relax", 4},
      {"04-isothermal-0300K-npt", 0}, {"05-isothermal-0300K", 3}, {"06-isothermal-0700K-npt", 0},
      {"07-isothermal-0700K", 3}, {"08-isothermal-1500K-npt", 0}, {"09-isothermal-1500K", 3}};
  long first_step = 0;
  const long steps[] = {1000, 950, 300, 300, 200, 300, 200, 1000, 300};
  int k = 0;
  for (const auto& [name, frames] : stages) {
    const std::string sd = run_dir() + "/stages/" + name;
    for (const char* f : {"stage.yaml", "final.data", "final_state.xml"})
      EXPECT_TRUE(fs::exists(sd + "/" + f)) << name << "/" << f;
    const YAML::Node st = YAML::LoadFile(sd + "/stage.yaml");
    EXPECT_EQ(st["frames"].as<int>(), frames) << name;
    EXPECT_EQ(st["first_step"].as<long>(), first_step) << name;
    if (frames == 0) {
      EXPECT_EQ(st["ensemble"].as<std::string>(), "NPT") << name;
      first_step += steps[k++];
      continue;
    }
    if (name.find("isothermal") != std::string::npos) {
      EXPECT_EQ(st["volume"].as<std::string>(), "zero-pressure") << name;
    }
    const bool gz = name == "09-isothermal-1500K";
    const auto dump = gb::DumpReader::read_all(sd + (gz ? "/trajectory.dump.gz" : "/trajectory.dump"));
    ASSERT_EQ(static_cast<int>(dump.size()), frames) << name;
    EXPECT_TRUE(dump.front().unwrapped);
    EXPECT_EQ(dump.front().size(), 500u);
    const long eq = gz ? 100 : 0;
    EXPECT_EQ(dump.front().timestep, first_step + eq) << name;  // dump timestep = global step
    // Frames at eq + j*100 up to the stage's last step (the quench's 950 steps end between frames).
    EXPECT_EQ(dump.back().timestep, first_step + eq + (steps[k] - eq) / 100 * 100) << name;
    first_step += steps[k++];
  }
  EXPECT_EQ(gb::DumpReader::read_all(run_dir() + "/stages/09-isothermal-1500K/velocities.dump.gz").size(), 3u);
  const YAML::Node prov = YAML::LoadFile(run_dir() + "/provenance.yaml");
  EXPECT_EQ(prov["status"].as<std::string>(), "completed");
  // Which path computed energy and pressure (native force: its virial; custom: the CPU evaluator).
  EXPECT_EQ(prov["platform"]["pressure"].as<std::string>(),
            prov["platform"]["force"].as<std::string>() == "native" ? "native-force-virial" : "cpu-evaluator");
}

void SmokeCase::ThermoRowsPerStage() {
  // steps / 50 (0.1 ps) + 1 rows per stage, by hand.
  EXPECT_EQ(rows_of("liquid").size(), 21u);
  EXPECT_EQ(rows_of("quench").size(), 20u);
  EXPECT_EQ(rows_of("relax").size(), 7u);
  EXPECT_EQ(rows_of("isothermal-0300K").size(), 5u);
  EXPECT_EQ(rows_of("isothermal-1500K").size(), 7u);
  EXPECT_EQ(rows_of("isothermal-0700K-npt").size(), 7u);
  EXPECT_EQ(rows_of("isothermal-1500K-npt").size(), 21u);
}

void SmokeCase::IsothermsSitAtZeroPressure() {
  // Issue 9: in the 2000 K liquid's box the 1500 K isotherm sat at -14.7 kbar
  // and in the 100 K glass's box the 700 K one at +11.5 kbar.  At their
  // zero-pressure volume the means over the stage must be near 0: 500 atoms
  // fluctuate by ~1e4 bar per sample; 5-7 correlated rows leave a ~3 kbar
  // standard error, so |mean| < 6 kbar (2 sigma) and far from +-11..15 kbar.
  for (const char* st : {"isothermal-0300K", "isothermal-0700K", "isothermal-1500K"}) {
    const auto rows = rows_of(st);
    ASSERT_FALSE(rows.empty()) << st;
    double p = 0;
    for (const auto& r : rows) p += std::stod(r.at("pressure_bar"));
    p /= rows.size();
    std::cout << st << ": mean pressure " << p << " bar over " << rows.size() << " rows\n";
    EXPECT_LT(std::fabs(p), 6000.0) << st;
  }
}

void SmokeCase::QuenchedGlassDensityIsSane() {
  const auto relax = rows_of("relax");
  ASSERT_FALSE(relax.empty());
  const double rho = std::stod(relax.back().at("density_g_cm3"));
  // Cu64Zr36 glass is ~7.4-7.7 g/cm^3 (experiment and this potential); a
  // 1.9-ps quench of 500 atoms leaves it looser: accept 7.0-8.0.
  EXPECT_GT(rho, 7.0);
  EXPECT_LT(rho, 8.0);
  // The NPT stages at 0 bar: the relaxed glass's mean pressure is near zero
  // (500-atom pressure fluctuations are ~1 GPa = 1e4 bar instantaneously).
  double p = 0;
  for (const auto& r : relax) p += std::stod(r.at("pressure_bar"));
  EXPECT_LT(std::fabs(p / relax.size()), 1.5e4);
}

void SmokeCase::ThermostatsHoldTheirTemperatures() {
  // 500 atoms: instantaneous T fluctuates by sqrt(2/(3N)) ~ 4%; the means
  // below cover 3-8 correlated samples after a 0.1-0.2 ps thermostat
  // transient, so 10% (liquid, NH) / 15% (reassigned starts) bounds.
  const auto liquid = rows_of("liquid");
  EXPECT_NEAR(mean_T(liquid, 3), 2000.0, 200.0);
  const auto hot = rows_of("isothermal-1500K");
  EXPECT_NEAR(mean_T(hot, 3), 1500.0, 225.0);
  const auto warm = rows_of("isothermal-0700K");
  EXPECT_NEAR(mean_T(warm, 2), 700.0, 105.0);
  // The relax stage starts hot: the thermostat cannot follow the smoke
  // case's 1000 K/ps quench, which ends near 300 K.  Nose-Hoover (0.1 ps)
  // pulls it to 100 K within ~0.3 ps; over the last 0.2 ps allow 25 K.
  const auto relax = rows_of("relax");
  EXPECT_NEAR(mean_T(relax, relax.size() - 3), 100.0, 25.0);
}

void SmokeCase::LammpsReadsFinalDataWithTheReportedEnergy() {
  if (!gb::testing::lammps_available()) {
    std::cout << "LAMMPS comparison skipped: " << gb::testing::lammps_skip_message() << "\n";
    return;
  }
  const gb::AtomConfig cfg = gb::read_lammps_data(run_dir() + "/stages/03-relax/final.data");
  ASSERT_EQ(cfg.size(), 500u);
  const auto lmp = gb::testing::run_lammps_static(
      cfg, {"eam/fs", {"* * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr"}});
  const double reported = std::stod(rows_of("relax").back().at("potential_energy_eV"));
  // thermo.csv prints 10 significant digits (~3e-7 eV/atom at -4 eV/atom);
  // its energy (native force, or the evaluator with the custom force) agrees
  // with LAMMPS to rounding.
  EXPECT_NEAR(lmp.energy_eV / 500.0, reported / 500.0, 1e-6);
}

TEST(SmokeCase, RunsEveryStageKindWithSaneResults) {
  gb::testing::TempDir dir("gb-smoke");
  SmokeCase t;
  t.dir_ = &dir;
  gb::runners::RunOptions o;
  o.out_dir = t.run_dir();
  o.echo_log = false;
  o.handle_signals = false;
  const auto c = gb::cases::load_case(gbtest::source("cases/smoke/cuzr-smoke.yaml"));
  t.result_ = gb::runners::ProtocolRunner(c, o).run();
  {
    SCOPED_TRACE("layout");
    t.CompletesWithTheContractLayout();
  }
  {
    SCOPED_TRACE("thermo rows");
    t.ThermoRowsPerStage();
  }
  {
    SCOPED_TRACE("density");
    t.QuenchedGlassDensityIsSane();
  }
  {
    SCOPED_TRACE("thermostats");
    t.ThermostatsHoldTheirTemperatures();
  }
  {
    SCOPED_TRACE("pressures");
    t.IsothermsSitAtZeroPressure();
  }
  {
    SCOPED_TRACE("LAMMPS");
    t.LammpsReadsFinalDataWithTheReportedEnergy();
  }
}

}  // namespace
