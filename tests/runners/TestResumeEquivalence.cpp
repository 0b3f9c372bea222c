// Resume equivalence (issue 3, section 4): the same small case run straight
// through and run as pieces (stopped mid-stage, resumed, stopped in the next
// stage, resumed) on the Reference platform with a fixed seed must give the
// same positions to 1e-10 nm, the same dump frames and the same thermo rows.
// The stops fall between dump/thermo intervals, so a lost or duplicated frame
// or row would show.  Both a Nose-Hoover NPT stage (Monte Carlo barostat
// random stream) and a Langevin NVT stage (integrator random stream) are
// crossed.
#include <gtest/gtest.h>

#include <cmath>

#include "cases/case_loader.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_dump.hpp"
#include "run_test_support.hpp"
#include "runners/md_state.hpp"
#include "runners/protocol_runner.hpp"

namespace {

// 250 atoms: the smallest Cu64Zr36 box (16.2 A) wider than twice the 7.6 A
// cutoff of CuZr_mm.eam.fs, so the test is quick on the Reference platform.
const char* kCase = R"(name: resume-test
system:
  composition: {Cu: 64, Zr: 36}
  atoms: 250
  structure: {kind: random, density: "0.0585 /A^3", min_distance: "2.0 A"}
  seed: 7
potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}
platform: {preference: [Reference]}
timestep: "2 fs"
thermostat: {kind: nose-hoover, time_constant: "0.1 ps"}
barostat: {interval: 10}
output: {thermo: "20 steps", positions: "20 steps"}
checkpoint: {every: "100000 steps", wall_time: none}
protocol:
  - kind: equilibrate
    name: liquid
    temperature: "2000 K"
    ensemble: NPT
    pressure: "0 bar"
    duration: "0.24 ps"
  - kind: isothermal
    start_from: liquid
    thermostat: langevin
    ensemble: NVT
    volume: start-state          # resume equivalence, not the volume protocol
    duration: "0.16 ps"
    output: {velocities: "20 steps"}
    temperatures: ["1500 K"]
)";

gb::runners::RunResult run(const gb::cases::Case& c, const std::string& dir, bool resume, long stop_at) {
  gb::runners::RunOptions o;
  o.out_dir = dir;
  o.resume = resume;
  o.stop_at_global_step = stop_at;
  o.echo_log = false;
  o.handle_signals = false;
  return gb::runners::ProtocolRunner(c, o).run();
}

// 1e-10 nm: the issue's bar for "the same positions" (Reference platform is
// deterministic in double precision, so any real difference is far larger).
constexpr double kPositionTolNm = 1e-10;

void expect_same_state(const std::string& a, const std::string& b) {
  const OpenMM::State sa = gb::runners::read_state_xml(a), sb = gb::runners::read_state_xml(b);
  const auto &pa = sa.getPositions(), &pb = sb.getPositions();
  ASSERT_EQ(pa.size(), pb.size());
  double worst = 0;
  for (size_t i = 0; i < pa.size(); ++i)
    for (int d = 0; d < 3; ++d) worst = std::max(worst, std::fabs(pa[i][d] - pb[i][d]));
  EXPECT_LE(worst, kPositionTolNm) << a;
}

void expect_same_dump(const std::string& a, const std::string& b) {
  const auto fa = gb::DumpReader::read_all(a), fb = gb::DumpReader::read_all(b);
  ASSERT_EQ(fa.size(), fb.size()) << a;
  for (size_t k = 0; k < fa.size(); ++k) {
    EXPECT_EQ(fa[k].timestep, fb[k].timestep);
    ASSERT_EQ(fa[k].size(), fb[k].size());
    double worst = 0;
    for (size_t i = 0; i < fa[k].size(); ++i)
      worst = std::max(worst, (fa[k].positions[i] - fb[k].positions[i]).norm());
    EXPECT_LE(worst, kPositionTolNm * 10.0) << a << " frame " << k;  // dump is in Angstrom: 1e-10 nm = 1e-9 A
  }
}

TEST(ResumeEquivalence, StraightRunEqualsInterruptedAndResumedRuns) {
  gb::testing::TempDir t("gb-resume");
  const std::string case_path = t.write("resume-test.yaml", kCase);
  const auto c = gb::cases::load_case(case_path);
  const std::string straight = t.file("straight"), pieces = t.file("pieces");

  EXPECT_EQ(run(c, straight, false, -1).status, gb::runners::RunStatus::Completed);

  auto r1 = run(c, pieces, false, 50);  // mid stage 1, between dumps at 40 and 60
  EXPECT_EQ(r1.status, gb::runners::RunStatus::Interrupted);
  EXPECT_EQ(r1.global_step, 50);
  auto r2 = run(c, pieces, true, 150);  // stage 2 step 30, between dumps at 20 and 40
  EXPECT_EQ(r2.status, gb::runners::RunStatus::Interrupted);
  EXPECT_EQ(r2.global_step, 150);
  auto r3 = run(c, pieces, true, -1);
  EXPECT_EQ(r3.status, gb::runners::RunStatus::Completed);
  EXPECT_EQ(r3.global_step, 200);

  for (const char* stage : {"01-liquid", "02-isothermal-1500K"}) {
    const std::string a = straight + "/stages/" + stage, b = pieces + "/stages/" + stage;
    expect_same_state(a + "/final_state.xml", b + "/final_state.xml");
    expect_same_dump(a + "/trajectory.dump", b + "/trajectory.dump");
  }
  // Frame counts worked out by hand: 120 steps / 20 + 1 = 7; 80 / 20 + 1 = 5.
  EXPECT_EQ(gb::DumpReader::read_all(pieces + "/stages/01-liquid/trajectory.dump").size(), 7u);
  EXPECT_EQ(gb::DumpReader::read_all(pieces + "/stages/02-isothermal-1500K/trajectory.dump").size(), 5u);
  EXPECT_EQ(gb::DumpReader::read_all(pieces + "/stages/02-isothermal-1500K/velocities.dump").size(), 5u);

  const auto ta = gbtest::thermo_rows(straight + "/thermo.csv"), tb = gbtest::thermo_rows(pieces + "/thermo.csv");
  ASSERT_EQ(ta.size(), 12u);  // 7 rows (steps 0..120) + 5 rows (0..80)
  ASSERT_EQ(tb.size(), ta.size());
  for (size_t i = 0; i < ta.size(); ++i) EXPECT_EQ(ta[i], tb[i]) << "thermo row " << i;
}

}  // namespace
