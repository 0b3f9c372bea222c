// Fast pieces of the runner: the quench
// ramp, seeds, thermo.csv resume truncation, signal capture, and the runner's
// refusals (potential not supplied, occupied run directory, nothing to resume).
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "cases/case_loader.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "runners/protocol_runner.hpp"
#include "runners/internal/signal_watch.hpp"
#include "runners/md_state.hpp"
#include "runners/stage_dynamics.hpp"
#include "runners/thermo_file.hpp"

namespace {

std::string source(const std::string& rel) {
  const char* d = std::getenv("GLASSBENCH_SOURCE_DIR");
  return std::string(d && *d ? d : GB_SOURCE_DIR) + "/" + rel;
}

TEST(QuenchRamp, LinearInSegmentsEndingAtTarget) {
  gb::cases::StageSpec q;
  q.kind = gb::cases::StageSpec::Kind::Quench;
  q.t_start_K = 2000;
  q.t_end_K = 100;
  q.steps = 950;
  q.ramp_interval_steps = 100;
  // Segment [0,100): midpoint 50 -> 2000 - 1900*50/950 = 1900 K.
  EXPECT_DOUBLE_EQ(gb::runners::target_temperature(q, 0), 1900.0);
  EXPECT_DOUBLE_EQ(gb::runners::target_temperature(q, 99), 1900.0);
  // Segment [100,200): midpoint 150 -> 1700 K.
  EXPECT_DOUBLE_EQ(gb::runners::target_temperature(q, 100), 1700.0);
  // Last segment [900,950) runs at the final temperature.
  EXPECT_DOUBLE_EQ(gb::runners::target_temperature(q, 900), 100.0);
  EXPECT_DOUBLE_EQ(gb::runners::target_temperature(q, 949), 100.0);
  q.kind = gb::cases::StageSpec::Kind::Relax;
  q.t_start_K = q.t_end_K = 300;
  EXPECT_DOUBLE_EQ(gb::runners::target_temperature(q, 500), 300.0);
}

TEST(Topology, OfAConfigurationCarriesItsTypesMassesAndOrigin) {
  gb::AtomConfig cfg;
  cfg.box.lo = gb::Vec3(-1.5, 2.0, 0.25);
  cfg.ids = {7, 3, 9};
  cfg.types = {2, 1, 2};
  cfg.type_names = {"Cu", "Zr"};
  cfg.type_masses = {63.546, 91.224};
  const gb::runners::Topology t = gb::runners::topology_of(cfg);
  EXPECT_EQ(t.ids, cfg.ids);
  EXPECT_EQ(t.types, cfg.types);
  EXPECT_EQ(t.type_names, cfg.type_names);
  EXPECT_EQ(t.type_masses_amu, cfg.type_masses);
  EXPECT_EQ(t.origin_A.x, -1.5);
  EXPECT_EQ(t.origin_A.z, 0.25);
  EXPECT_DOUBLE_EQ(t.total_mass_amu, 2 * 91.224 + 63.546);  // per atom, not per type
  cfg.type_masses = {63.546};  // type 2 has no mass: refused, not read past the end
  EXPECT_THROW(gb::runners::topology_of(cfg), std::invalid_argument);
}

TEST(Seeds, NonZeroAndDistinct) {
  std::set<int> seen;
  for (int k = 0; k < 20; ++k)
    for (auto p : {gb::runners::SeedPurpose::Velocities, gb::runners::SeedPurpose::Langevin,
                   gb::runners::SeedPurpose::Barostat}) {
      const int s = gb::runners::stage_seed(12345, k, p);
      EXPECT_GT(s, 0);
      seen.insert(s);
    }
  EXPECT_EQ(seen.size(), 60u);
  EXPECT_EQ(gb::runners::stage_seed(1, 2, gb::runners::SeedPurpose::Langevin),
            gb::runners::stage_seed(1, 2, gb::runners::SeedPurpose::Langevin));
}

TEST(ThermoFile, ResumeKeepsExactlyTheCheckpointedRows) {
  gb::testing::TempDir t;
  const std::string p = t.file("thermo.csv");
  {
    gb::runners::ThermoFile f(p, "test");
    for (int i = 0; i < 5; ++i) {
      gb::runners::ThermoRow r;
      r.stage = "s";
      r.step = i;
      f.append(r);
    }
    f.flush();
  }
  {
    auto f = gb::runners::ThermoFile::resume(p, 3);
    gb::runners::ThermoRow r;
    r.stage = "s";
    r.step = 42;
    f.append(r);
    f.flush();
  }
  std::ifstream in(p);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u + 4u);  // comment + header + 3 kept + 1 new
  EXPECT_EQ(lines[0], "# test");
  EXPECT_EQ(lines[1], gb::runners::ThermoFile::header());
  EXPECT_EQ(lines[4].rfind("s,2,", 0), 0u);
  EXPECT_EQ(lines[5].rfind("s,42,", 0), 0u);
  EXPECT_THROW(gb::runners::ThermoFile::resume(p, 10), gb::InputError);
  {
    // Killed before the first thermo row: keep comment + header only.
    auto f = gb::runners::ThermoFile::resume(p, 0);
    EXPECT_EQ(f.rows(), 0);
  }
  std::ifstream again(p);
  int n = 0;
  while (std::getline(again, line)) ++n;
  EXPECT_EQ(n, 2);
}

TEST(SignalWatch, CapturesSigintWithoutDying) {
  gb::runners::SignalWatch w(true);
  EXPECT_EQ(gb::runners::SignalWatch::pending(), 0);
  std::raise(SIGINT);
  EXPECT_EQ(gb::runners::SignalWatch::pending(), SIGINT);
}

TEST(ProtocolRunner, SkipsWhenThePotentialIsNotSupplied) {
  ::unsetenv("GLASSBENCH_ALLA_POTENTIAL");
  gb::testing::TempDir t;
  auto c = gb::cases::load_case(source("cases/al90la10/al90la10-paper-protocol.yaml"));
  gb::runners::RunOptions o;
  o.out_dir = t.file("run");
  o.echo_log = false;
  try {
    gb::runners::ProtocolRunner(c, o).run();
    FAIL() << "no skip";
  } catch (const gb::runners::PotentialNotSupplied& e) {
    EXPECT_STREQ(e.what(),
                 "skipped: potential file not supplied for case al90la10-paper-protocol: set "
                 "$GLASSBENCH_ALLA_POTENTIAL to the potential file or pass --potential FILE");
  }
}

TEST(ProtocolRunner, RefusesAnOccupiedRunDirectoryAndAnEmptyResume) {
  gb::testing::TempDir t;
  auto c = gb::cases::load_case(source("cases/smoke/cuzr-smoke.yaml"));
  gb::runners::RunOptions o;
  o.out_dir = t.path();
  o.echo_log = false;
  t.write("provenance.yaml", "status: running\n");
  try {
    gb::runners::ProtocolRunner(c, o).run();
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), "the run directory " + t.path() +
                                         " already holds a run; continue it with --resume or choose another --out");
  }
  o.resume = true;
  try {
    gb::runners::ProtocolRunner(c, o).run();
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no runner checkpoint here"), std::string::npos) << e.what();
  }
}

}  // namespace
