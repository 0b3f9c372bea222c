// stage.yaml: a record written by the module reads back field for field;
// malformed values are errors naming file:line:column:key; version-1 records
// (no schema_version, no achieved block) still read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"

using namespace gb::rundir;

namespace {
StageRecord sample_record() {
  StageRecord r;
  r.name = "quench";
  r.kind = gb::StageKind::Quench;
  r.ensemble = "NPT";
  r.T_start_K = 2000;
  r.T_end_K = 100;
  r.pressure_bar = 0.0;
  r.timestep_ps = 0.002;
  r.steps = 950;
  r.first_step = 1000;
  r.first_time_ps = 2.0;
  r.thermo_interval_steps = 50;
  r.dump_interval_steps = 0;
  r.elements = {"Cu", "Zr"};
  r.started_from = "melt";
  r.thermostat_kind = "nose-hoover";
  r.thermostat_time_constant_ps = 0.1;
  r.barostat_interval_steps = 25;
  r.parameters["ramp_interval_steps"] = 13;
  r.achieved.samples = 20;
  r.achieved.T_mean_K = 1050.5;
  r.achieved.T_sd_K = 560.25;
  r.achieved.P_mean_bar = -12.5;
  r.achieved.P_sd_bar = 800;
  r.achieved.volume_mean_A3 = 12345.5;
  r.achieved.T_last_K = 101;
  r.achieved.P_last_bar = 3;
  return r;
}
}  // namespace

TEST(StageRecord, RoundTrip) {
  gb::testing::TempDir d;
  std::filesystem::create_directories(d.file("02-quench"));
  const std::string p = d.file("02-quench/stage.yaml");
  std::ofstream(p) << stage_record_yaml(sample_record(), "test");
  const StageRecord r = read_stage_record(p);
  EXPECT_EQ(r.schema_version, kSchemaVersion);
  EXPECT_EQ(r.dir_name, "02-quench");
  EXPECT_EQ(r.name, "quench");
  ASSERT_TRUE(r.kind.has_value());
  EXPECT_EQ(*r.kind, gb::StageKind::Quench);
  EXPECT_EQ(r.ensemble, "NPT");
  EXPECT_EQ(r.T_start_K, 2000);
  EXPECT_EQ(r.temperature_K(), 100);
  ASSERT_TRUE(r.pressure_bar.has_value());
  EXPECT_EQ(*r.pressure_bar, 0.0);
  EXPECT_EQ(r.timestep_ps, 0.002);
  EXPECT_EQ(r.steps, 950);
  EXPECT_EQ(r.first_step, 1000);
  EXPECT_EQ(r.trajectory, "");
  EXPECT_EQ(r.elements, (std::vector<std::string>{"Cu", "Zr"}));
  EXPECT_EQ(r.started_from, "melt");
  EXPECT_EQ(r.barostat_interval_steps.value_or(-1), 25);
  EXPECT_EQ(r.parameters.at("ramp_interval_steps"), 13);
  EXPECT_EQ(r.achieved.samples, 20);
  EXPECT_EQ(r.achieved.T_mean_K, 1050.5);
  EXPECT_EQ(r.achieved.P_sd_bar, 800);
  EXPECT_EQ(r.achieved.P_last_bar, 3);
}

TEST(StageRecord, VersionOneReads) {
  gb::testing::TempDir d;
  std::filesystem::create_directories(d.file("05-isothermal-0300K"));
  const std::string p = d.file("05-isothermal-0300K/stage.yaml");
  std::ofstream(p) << "kind: isothermal\nensemble: nvt\nT_start_K: 300\nT_end_K: 300\npressure_bar: null\n"
                      "timestep_ps: 0.002\nsteps: 100\n";
  const StageRecord r = read_stage_record(p);
  EXPECT_EQ(r.schema_version, 1);
  EXPECT_EQ(r.name, "isothermal-0300K");  // from the folder
  EXPECT_TRUE(r.is(gb::StageKind::Isothermal));
  EXPECT_EQ(r.ensemble, "NVT");
  EXPECT_FALSE(r.pressure_bar.has_value());
  EXPECT_EQ(r.achieved.samples, 0);
}

TEST(StageRecord, UnknownKindIsKeptByName) {
  gb::testing::TempDir d;
  std::filesystem::create_directories(d.file("01-x"));
  std::ofstream(d.file("01-x/stage.yaml")) << "kind: wobble\ntimestep_ps: 0.001\n";
  const StageRecord r = read_stage_record(d.file("01-x/stage.yaml"));
  EXPECT_FALSE(r.kind.has_value());
  EXPECT_EQ(r.kind_name, "wobble");
}

TEST(StageRecord, ErrorsNameFileLineKey) {
  gb::testing::TempDir d;
  std::filesystem::create_directories(d.file("01-x"));
  const std::string p = d.file("01-x/stage.yaml");
  auto expect_error = [&](const std::string& text, const std::string& tail) {
    std::ofstream(p) << text;
    try {
      read_stage_record(p);
      FAIL() << "no error for " << text;
    } catch (const gb::InputError& e) {
      EXPECT_EQ(std::string(e.what()), p + tail);
    }
  };
  expect_error("kind: isothermal\ntimestep_ps: fast\n", ":2:14: timestep_ps: expected a finite number");
  expect_error("kind: isothermal\ntimestep_ps: 0.001\nsteps: 1.5\n", ":3:8: steps: expected a whole number");
  expect_error("timestep_ps: 0.001\n", ":1:1: kind: missing");
  expect_error("kind: relax\n", ": timestep_ps: missing or not positive");
  expect_error("schema_version: 99\nkind: relax\ntimestep_ps: 1\n",
               ":1:17: schema_version: written by a newer glassbench (version 99, this build reads up to 2)");
  expect_error("kind: [1, 2\n", ":2:1: YAML syntax error: end of sequence flow not found");
}
