// Crash consistency (issue 13 section 3): SIGKILL `glassbench run` again and
// again -- at random moments and at the worst places on purpose (half a dump
// frame on disk, an OpenMM checkpoint written but not the runner state, a
// complete temp file not yet renamed) -- resuming after each kill; the final
// dump frames, thermo rows and final positions (Reference platform) must
// equal an uninterrupted run's, byte for byte.  Also determinism: two fresh
// runs of the same case and seed on Reference are bitwise identical.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "cli_process.hpp"
#include "common/temp_dir.hpp"
#include "run_cases.hpp"
#include "run_compare.hpp"

using namespace gb::testing;

namespace {

std::vector<std::string> run_args(const std::string& case_path, const std::string& out, bool resume) {
  std::vector<std::string> a{"run", case_path, "--out", out, "--quiet"};
  if (resume) a.push_back("--resume");
  return a;
}

}  // namespace

TEST(CrashConsistency, KilledAndResumedRunEqualsUninterruptedRun) {
  TempDir dir;
  const std::string case_path = dir.write("case.yaml", small_run_case());
  const std::string ref = dir.file("ref");
  ChildOptions quiet;
  quiet.log = dir.file("ref.log");
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(run_glassbench(run_args(case_path, ref, false), quiet), 0) << slurp_file(quiet.log);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  // 4 kills at chosen places + 8 at random moments, in random order.
  struct Kill {
    std::string crash_at;  // GLASSBENCH_CRASH_AT, or "" for a timed SIGKILL
    double after_s = 0;
  };
  std::mt19937 rng(20261130);
  std::vector<Kill> plan = {{"dump-mid-frame:2"}, {"checkpoint-between-files:1"}, {"atomic-before-rename:3"},
                            {"dump-mid-frame:1"}};
  // Timed kills land anywhere from start-up to well into the MD; a resumed
  // process redoes at most 30 steps, so no single attempt can finish the run.
  std::uniform_real_distribution<double> when(0.15 * wall, 0.5 * wall);
  for (int k = 0; k < 8; ++k) plan.push_back({"", when(rng)});
  std::shuffle(plan.begin(), plan.end(), rng);

  const std::string out = dir.file("crashy");
  int kills = 0, attempt = 0;
  bool done = false;
  for (const Kill& k : plan) {
    ChildOptions o;
    o.log = dir.file("attempt" + std::to_string(++attempt) + ".log");
    if (!k.crash_at.empty()) o.env.push_back("GLASSBENCH_CRASH_AT=" + k.crash_at);
    const bool resume = std::filesystem::exists(out);
    const pid_t pid = start_glassbench(run_args(case_path, out, resume), o);
    if (k.crash_at.empty()) {
      std::this_thread::sleep_for(std::chrono::duration<double>(k.after_s));
      ::kill(pid, SIGKILL);
    }
    const int code = wait_exit(pid);
    if (code == 137) {
      ++kills;
    } else {
      // 0 only if the run got to the end before the kill: then stop killing.
      ASSERT_EQ(code, 0) << "attempt " << attempt << " (" << k.crash_at << "): " << slurp_file(o.log);
      done = true;
      break;
    }
  }
  EXPECT_GE(kills, 10) << "the run finished before 10 kills; make the case longer";
  if (!done) {
    ChildOptions o;
    o.log = dir.file("final.log");
    ASSERT_EQ(run_glassbench(run_args(case_path, out, true), o), 0) << slurp_file(o.log);
  }
  std::printf("crash consistency: %d SIGKILLs survived (%zu planned), uninterrupted run %.1f s\n", kills, plan.size(),
              wall);
  expect_same_run_outputs(ref, out);
  const YAML::Node prov = YAML::LoadFile(out + "/provenance.yaml");
  EXPECT_EQ(prov["status"].as<std::string>(), "completed");
  int killed_sessions = 0;
  for (const auto& s : prov["sessions"]) killed_sessions += s["status"].as<std::string>() == "killed";
  EXPECT_GE(killed_sessions, 1);
}

TEST(Determinism, TwoFreshRunsOnReferenceAreBitwiseIdentical) {
  TempDir dir;
  const std::string case_path = dir.write("case.yaml", small_run_case());
  for (const char* name : {"a", "b"}) {
    ChildOptions o;
    o.log = dir.file(std::string(name) + ".log");
    ASSERT_EQ(run_glassbench(run_args(case_path, dir.file(name), false), o), 0) << slurp_file(o.log);
  }
  expect_same_run_outputs(dir.file("a"), dir.file("b"));
}
