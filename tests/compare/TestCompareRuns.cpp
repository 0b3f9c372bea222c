// `compare` on real LAMMPS runs of a small Cu64Zr36 case: two seeds of one
// engine are equivalent (nothing fails, the thermodynamic scalars pass), and
// a run whose pair_coeff maps the elements the wrong way round (Cu atoms get
// the Zr potential and mass: the classic LAMMPS input mistake) fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "analysis/run_directory_analysis.hpp"
#include "cases/case_loader.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "compare/run_comparison.hpp"
#include "lammps/lammps_deck.hpp"
#include "lammps/lammps_runner.hpp"

using namespace gb;

namespace {

// 500 atoms: an NPT liquid at 1800 K (6 ps), then an NPT isotherm from it
// (4 ps, 1 ps equilibration, frames every 0.2 ps).  NPT, because an NVT
// isotherm started from one instantaneous NPT snapshot inherits that
// snapshot's volume: two seeds then sit at pressures kbar apart and compare
// rightly reports them as different states.
const char* kCase = R"(name: compare-test
system:
  composition: {Cu: 64, Zr: 36}
  atoms: 500
  structure: {kind: random, density: "0.0585 /A^3", min_distance: "2.0 A"}
  seed: 31
potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}
timestep: "2 fs"
thermostat: {kind: nose-hoover, time_constant: "0.1 ps"}
output: {thermo: "10 steps"}
protocol:
  - {kind: equilibrate, name: liquid, temperature: "1800 K", ensemble: NPT, pressure: "0 bar", duration: "6 ps"}
  - kind: isothermal
    start_from: liquid
    ensemble: NPT
    pressure: "0 bar"
    duration: "4 ps"
    equilibration: "1 ps"
    output: {positions: "0.2 ps"}
    temperatures: ["1800 K"]
)";

struct Runs {
  gb::testing::TempDir tmp{"gb-compare"};
  std::string a, b, wrong;
  Runs() {
    cases::Case c = cases::parse_case(kCase, tmp.write("case.yaml", kCase));
    c.file = tmp.file("case.yaml");
    auto run = [&](const std::string& name, uint64_t seed, std::vector<std::string> pair) {
      lammps::LammpsRunOptions o;
      o.out_dir = tmp.file(name);
      o.echo_log = false;
      o.launcher.lmp = gb::testing::lammps_executable();
      o.seed = seed;
      o.pair_coeff_elements = std::move(pair);
      lammps::run_lammps_case(c, o);
      analysis::StageAnalysisOptions ao;
      analysis::analyze_run_directory(o.out_dir, ao, "test");
      return o.out_dir;
    };
    a = run("seed-a", 31, {});
    b = run("seed-b", lammps::replica_seed(31, 1), {});
    wrong = run("wrong-order", 31, {"Zr", "Cu"});
  }
};

Runs& runs() {
  static Runs r;
  return r;
}

int count(const std::vector<compare::Comparison>& cs, compare::Verdict v, const std::string& prefix = "") {
  int n = 0;
  for (const auto& c : cs) n += c.verdict == v && c.observable.rfind(prefix, 0) == 0;
  return n;
}

}  // namespace

TEST(CompareRuns, TwoSeedsOfOneEngineAreEquivalent) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  const auto cs = compare::compare_run_sets(compare::open_run_set(runs().a), compare::open_run_set(runs().b), {});
  std::cout << compare::comparisons_table(cs);
  EXPECT_EQ(count(cs, compare::Verdict::Fail), 0);
  // The NPT liquid's density and the thermostat's T pass (the potential energy
  // needs longer runs or replicas to pass its 2 meV/atom margin: here it may be
  // inconclusive, but not fail), and so does the structure.
  for (const std::string obs : {"density_g_cm3", "temperature_K"}) {
    bool found = false;
    for (const auto& c : cs)
      if (c.observable == obs && c.stage == "01-liquid") {
        found = true;
        EXPECT_EQ(c.verdict, compare::Verdict::Pass) << obs << ": " << c.reason;
      }
    EXPECT_TRUE(found) << obs;
  }
  bool gr = false;
  for (const auto& c : cs)
    if (c.observable.rfind("gr_", 0) == 0 && c.stage == "02-isothermal-1800K") {
      gr = true;
      EXPECT_EQ(c.verdict, compare::Verdict::Pass) << c.observable << ": " << c.reason;
    }
  EXPECT_TRUE(gr);
}

TEST(CompareRuns, WrongElementOrderFails) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  const auto cs =
      compare::compare_run_sets(compare::open_run_set(runs().a), compare::open_run_set(runs().wrong), {});
  std::cout << compare::comparisons_table(cs);
  EXPECT_GE(count(cs, compare::Verdict::Fail, "density_g_cm3"), 1);
  EXPECT_GE(count(cs, compare::Verdict::Fail, "potential_energy_eV_per_atom"), 1);
  EXPECT_GE(count(cs, compare::Verdict::Fail, "gr_"), 1);
  // The outputs: JSON counts and JUnit failures.
  const auto j = compare::comparisons_json(cs, compare::open_run_set(runs().a), compare::open_run_set(runs().wrong));
  EXPECT_GE(j["summary"]["fail"].get<int>(), 3);
  const std::string x =
      compare::comparisons_junit(cs, compare::open_run_set(runs().a), compare::open_run_set(runs().wrong));
  EXPECT_NE(x.find("<failure"), std::string::npos);
}
