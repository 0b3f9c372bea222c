// `analyze run`: a fake run directory with two isothermal stages (random
// walks written as the runner writes them) gets every per-stage output and
// a summary.json whose D matches the walks' D; every file carries provenance.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/run_directory_analysis.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/lammps_dump.hpp"
#include "rundir/stage_record.hpp"
#include "synthetic_trajectories.hpp"

namespace fs = std::filesystem;
using namespace gb::analysis;

namespace {
void write_stage(const std::string& dir, double D, uint64_t seed, bool gz) {
  fs::create_directories(dir);
  const auto t = gb::testing::random_walk(300, 120, 0.1, D, D, 16.0, seed);
  // The record as the runner writes it, through the run model.
  gb::rundir::StageRecord r;
  r.name = fs::path(dir).filename().string().substr(3);
  r.kind = gb::StageKind::Isothermal;
  r.ensemble = "NVT";
  r.T_start_K = r.T_end_K = 1000;
  r.timestep_ps = 0.001;
  r.steps = 11900;
  r.dump_interval_steps = 100;
  r.frames = 120;
  r.elements = {"Cu", "Zr"};
  std::ofstream(dir + "/stage.yaml") << gb::rundir::stage_record_yaml(r, "test");
  gb::DumpWriter w(dir + (gz ? "/trajectory.dump.gz" : "/trajectory.dump"), {{"id", "type", "xu", "yu", "zu"}, 17, gz});
  for (size_t f = 0; f < t.frames(); ++f) {
    gb::DumpFrame fr;
    fr.timestep = t.timesteps[f];
    fr.box = t.boxes[f];
    fr.ids = t.ids;
    fr.types = t.types;
    fr.positions = t.positions[f];
    w.write(fr);
  }
}
std::string first_line(const std::string& p) {
  std::ifstream in(p);
  std::string l;
  std::getline(in, l);
  return l;
}
}  // namespace

TEST(AnalyzeRun, WritesEveryStageAndSummary) {
  gb::testing::TempDir d;
  write_stage(d.file("stages/01-isothermal-1000K"), 0.3, 1, false);
  write_stage(d.file("stages/02-isothermal-1000K"), 0.1, 2, true);
  StageAnalysisOptions opt;
  const auto s = analyze_run_directory(d.path(), opt, "test");
  ASSERT_EQ(s["stages"].size(), 2u);
  for (const char* st : {"01-isothermal-1000K", "02-isothermal-1000K"}) {
    const std::string a = d.file(std::string("analysis/") + st);
    for (const char* f : {"msd.csv", "strings.csv", "gr.csv", "vanhove.csv"}) {
      ASSERT_TRUE(fs::exists(a + "/" + f)) << f;
      EXPECT_EQ(first_line(a + "/" + f).rfind("# glassbench ", 0), 0u) << f;
    }
    for (const char* f : {"msd.json", "strings.json"}) {
      std::ifstream in(a + "/" + f);
      const auto j = nlohmann::json::parse(in);
      EXPECT_TRUE(j.contains("provenance")) << f;
    }
    EXPECT_TRUE(fs::exists(a + "/order.csv"));
    EXPECT_TRUE(fs::exists(a + "/order.json"));
  }
  EXPECT_TRUE(fs::exists(d.file("analysis/summary.json")));
  // 150 walkers per species, ~100 origins: ~4 % statistical; 15 % bound.
  EXPECT_NEAR(s["stages"][0]["D_A2_per_ps"]["Cu"].get<double>(), 0.3, 0.3 * 0.15);
  EXPECT_NEAR(s["stages"][1]["D_A2_per_ps"]["all"].get<double>(), 0.1, 0.1 * 0.15);
  EXPECT_EQ(s["stages"][0]["T_K"].get<double>(), 1000.0);
  EXPECT_EQ(s["stages"][0]["frame_interval_ps"].get<double>(), 0.1);
}

TEST(AnalyzeRun, BadStageYamlIsNamed) {
  gb::testing::TempDir d;
  write_stage(d.file("stages/01-x"), 0.3, 1, false);
  std::ofstream(d.file("stages/01-x/stage.yaml")) << "kind: isothermal\ntimestep_ps: fast\n";
  try {
    analyze_run_directory(d.path(), {}, "test");
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), d.file("stages/01-x/stage.yaml") + ":2:14: timestep_ps: expected a finite number");
  }
}

// A stage without a trajectory still gets the observables that need only
// thermo rows (its achieved conditions); trajectory observables skip it.
TEST(AnalyzeRun, StageWithoutTrajectoryGetsThermoObservables) {
  gb::testing::TempDir d;
  fs::create_directories(d.file("stages/01-melt"));
  gb::rundir::StageRecord r;
  r.name = "melt";
  r.kind = gb::StageKind::Equilibrate;
  r.ensemble = "NPT";
  r.T_start_K = r.T_end_K = 2000;
  r.timestep_ps = 0.002;
  r.steps = 100;
  std::ofstream(d.file("stages/01-melt/stage.yaml")) << gb::rundir::stage_record_yaml(r, "test");
  std::ofstream(d.file("thermo.csv"))
      << "stage,step,time_ps,temperature_K,pressure_bar\nmelt,0,0,1990,100\nmelt,50,0.1,2010,-300\n";
  const auto s = analyze_run_directory(d.path(), {}, "test");
  ASSERT_EQ(s["stages"].size(), 1u);
  const auto& st = s["stages"][0];
  EXPECT_EQ(st["observables"], nlohmann::json::array({"thermo"}));
  EXPECT_DOUBLE_EQ(st["achieved"]["T_mean_K"].get<double>(), 2000.0);
  EXPECT_DOUBLE_EQ(st["achieved"]["P_mean_bar"].get<double>(), -100.0);
  EXPECT_FALSE(st.contains("D_A2_per_ps"));
  EXPECT_FALSE(fs::exists(d.file("analysis/01-melt/msd.json")));
}
