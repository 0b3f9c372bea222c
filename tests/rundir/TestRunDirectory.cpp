// RunDirectory: stages in order, incomplete stages listed but not complete,
// achieved conditions from thermo.csv for version-1 records, the one
// "nearest stage" rule, and the layout's marker file.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "rundir/run_directory.hpp"
#include "rundir/thermo_log.hpp"

using namespace gb::rundir;
namespace fs = std::filesystem;

namespace {
void put(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}
void stage(const RunLayout& L, size_t k, const std::string& name, const std::string& kind, double T0, double T1,
           long first_step) {
  StageRecord r;
  r.name = name;
  r.kind = gb::stage_kind_from_name(kind);
  r.ensemble = "NVT";
  r.T_start_K = T0;
  r.T_end_K = T1;
  r.timestep_ps = 0.001;
  r.steps = 100;
  r.first_step = first_step;
  put(L.stage(RunLayout::stage_dir_name(k, name)).stage_yaml(), stage_record_yaml(r, ""));
}
const char* kThermoHeader =
    "# test\nstage,step,time_ps,temperature_K,potential_energy_eV,kinetic_energy_eV,total_energy_eV,volume_A3,"
    "density_g_cm3,pressure_bar,target_temperature_K\n";
}  // namespace

TEST(RunDirectory, StagesRulesAndAchieved) {
  gb::testing::TempDir d;
  const RunLayout L(d.path());
  L.write_marker();
  stage(L, 0, "melt", "equilibrate", 2000, 2000, 0);
  stage(L, 1, "quench", "quench", 2000, 300, 100);
  stage(L, 2, "isothermal-0600K", "isothermal", 600, 600, 200);
  stage(L, 3, "relax", "relax", 600, 600, 300);
  fs::create_directories(L.stage("05-isothermal-0300K").dir());  // in progress: no stage.yaml
  // thermo rows of the isotherm: T 590, 610 -> mean 600, sd sqrt(200); P 10, -10.
  put(L.thermo_csv(), std::string(kThermoHeader) +
                          "isothermal-0600K,200,0.2,590,-1,1,0,1000,7,10,600\n"
                          "isothermal-0600K,300,0.3,610,-1,1,0,1000,7,-10,600\n"
                          "melt,0,0,2000,-1,1,0,1000,7,5,2000\n");
  const RunDirectory run = RunDirectory::load(d.path());
  EXPECT_EQ(run.schema_version(), kSchemaVersion);
  ASSERT_EQ(run.stages().size(), 5u);
  EXPECT_EQ(run.stages()[4].dir_name, "05-isothermal-0300K");
  EXPECT_FALSE(run.stages()[4].complete);
  const Stage& iso = run.stages()[2];
  EXPECT_EQ(iso.achieved.samples, 2);
  EXPECT_DOUBLE_EQ(iso.achieved.T_mean_K, 600);
  EXPECT_NEAR(iso.achieved.T_sd_K, std::sqrt(200.0), 1e-9);
  EXPECT_DOUBLE_EQ(iso.achieved.P_mean_bar, 0);
  EXPECT_EQ(run.stages()[0].achieved.samples, 1);
  // Nearest to 300 K: the quench ends at 300 K but has no single temperature;
  // the incomplete 300 K isotherm is not a candidate; the 600 K isotherm beats the
  // 600 K relax stage on the tie.
  const Stage* n = run.nearest_stage(300, [](const Stage&) { return true; });
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->dir_name, "03-isothermal-0600K");
  EXPECT_EQ(run.hottest_stage([](const Stage&) { return true; })->dir_name, "01-melt");
  EXPECT_EQ(run.nearest_stage(300, [](const Stage& s) { return s.is(gb::StageKind::Relax); })->dir_name, "04-relax");
  EXPECT_EQ(run.nearest_stage_with(300, AnalysisFile::Msd), nullptr);
  EXPECT_EQ(run.isothermal_stages().size(), 1u);
}

TEST(RunDirectory, NotARunAndBadMarker) {
  gb::testing::TempDir d;
  EXPECT_THROW(RunDirectory::load(d.path()), gb::InputError);
  fs::create_directories(d.file("stages"));
  put(d.file("glassbench-run.yaml"), "schema_version: 7\n");
  try {
    RunDirectory::load(d.path());
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("glassbench-run.yaml:1:17: schema_version: version 7"), std::string::npos)
        << e.what();
  }
}

TEST(ThermoLog, BadCellNamesLineAndColumn) {
  gb::testing::TempDir d;
  put(d.file("thermo.csv"), std::string(kThermoHeader) + "melt,0,0,hot,-1,1,0,1000,7,5,2000\n");
  try {
    read_thermo_log(d.file("thermo.csv"));
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), d.file("thermo.csv") + ":3:10: temperature_K: expected a finite number, got 'hot'");
  }
}
