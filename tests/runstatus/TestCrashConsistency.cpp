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
#include <sys/wait.h>
#include <thread>

#include <algorithm>

#include "cli_process.hpp"
#include "openmm/platform.hpp"
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

int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

// run.log gets one " case runstatus on OpenMM" line per session, after set-up
// (potential read, platform chosen), right before the MD starts or resumes.
const char* kSessionStart = " case runstatus on OpenMM";

TEST(CrashConsistency, KilledAndResumedRunEqualsUninterruptedRun) {
  TempDir dir;
  const std::string case_path = dir.write("case.yaml", small_run_case("", "0.44 ps"));  // 220 + 20 + 80 = 320 steps, 10 checkpoints
  const std::string ref = dir.file("ref");
  ChildOptions quiet;
  quiet.log = dir.file("ref.log");
  const pid_t ref_pid = start_glassbench(run_args(case_path, ref, false), quiet);
  ASSERT_TRUE(wait_for_text(ref + "/run.log", kSessionStart, 300));
  const auto t_md = std::chrono::steady_clock::now();
  ASSERT_EQ(wait_exit(ref_pid), 0) << slurp_file(quiet.log);
  // Wall time of the MD between two checkpoints (30 steps), on this machine now.
  const double chunk_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_md).count() / 10.0;

  // 4 kills at the worst places on purpose + 8 at random moments.  A timed
  // kill lands 0.2..1.5 checkpoint intervals after the MD (re)starts: at a
  // random phase of a chunk -- inside a dump write, a checkpoint, between
  // them -- while each attempt gains at most one checkpoint, so the run
  // cannot finish before the kills are spent (10 intervals in all).
  struct Kill {
    std::string crash_at;  // GLASSBENCH_CRASH_AT, or "" for a timed SIGKILL
    double after_s = 0;
  };
  std::mt19937 rng(20261130);
  std::uniform_real_distribution<double> when(0.2 * chunk_s, 1.5 * chunk_s);
  std::vector<Kill> timed;
  for (int k = 0; k < 8; ++k) timed.push_back({"", when(rng)});
  const std::vector<Kill> chosen = {{"dump-mid-frame:2"}, {"checkpoint-between-files:1"},
                                    {"atomic-before-rename:3"}, {"dump-mid-frame:1"}};
  std::vector<Kill> plan;
  for (size_t k = 0; k < timed.size(); ++k) {
    if (k % 2 == 1 && k / 2 < chosen.size()) plan.push_back(chosen[k / 2]);
    plan.push_back(timed[k]);
  }

  const std::string out = dir.file("crashy");
  int kills = 0, attempt = 0;
  bool done = false;
  for (const Kill& k : plan) {
    ChildOptions o;
    o.log = dir.file("attempt" + std::to_string(++attempt) + ".log");
    if (!k.crash_at.empty()) o.env.push_back("GLASSBENCH_CRASH_AT=" + k.crash_at);
    // As a user would: --resume once the directory exists.
    const bool resume = std::filesystem::exists(out);
    const int sessions_before = count_of(slurp_file(out + "/run.log"), kSessionStart);
    const pid_t pid = start_glassbench(run_args(case_path, out, resume), o);
    if (k.crash_at.empty()) {
      const auto t_end = std::chrono::steady_clock::now() + std::chrono::seconds(300);
      while (count_of(slurp_file(out + "/run.log"), kSessionStart) <= sessions_before &&
             std::chrono::steady_clock::now() < t_end && ::waitpid(pid, nullptr, WNOHANG) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
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
  EXPECT_GE(kills, 10) << "the run finished before 10 kills";
  if (!done) {
    ChildOptions o;
    o.log = dir.file("final.log");
    ASSERT_EQ(run_glassbench(run_args(case_path, out, true), o), 0) << slurp_file(o.log);
  }
  std::printf("crash consistency: %d SIGKILLs survived (%zu planned), checkpoint interval %.1f s\n", kills,
              plan.size(), chunk_s);
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

// Other platforms (issue 13 section 3, "within stated tolerances"): the
// stated tolerance is zero at a fixed thread count.  The native EAM kernels
// sum per-thread buffers in a fixed order (CPU) or accumulate in fixed point /
// fixed work-group order (OpenCL), and OpenMM's integrators and Monte Carlo
// barostat draw from the seeded streams, so two fresh runs of one case and
// seed give the same bytes.  A different CPU thread count changes the
// summation order: positions then differ by ~1e-9 A after 20 steps and the
// run diverges at the first Monte Carlo volume move decided differently
// (docs/run-directory.md, "Determinism") -- which is why this test pins
// OPENMM_CPU_THREADS.
namespace {
void expect_two_fresh_runs_identical(const std::string& platform, const std::vector<std::string>& env) {
  TempDir dir;
  std::string yaml = small_run_case();
  const std::string from = "preference: [Reference]";
  yaml.replace(yaml.find(from), from.size(), "preference: [" + platform + "]");
  const std::string case_path = dir.write("case.yaml", yaml);
  for (const char* name : {"a", "b"}) {
    ChildOptions o;
    o.log = dir.file(std::string(name) + ".log");
    o.env = env;
    ASSERT_EQ(run_glassbench(run_args(case_path, dir.file(name), false), o), 0) << slurp_file(o.log);
    // The run must really be on this platform (no silent fallback).
    const YAML::Node p = YAML::LoadFile(dir.file(std::string(name) + "/provenance.yaml"));
    ASSERT_EQ(p["platform"]["name"].as<std::string>(), platform);
  }
  expect_same_run_outputs(dir.file("a"), dir.file("b"));
}

bool platform_available(const std::string& platform) {
  gb::load_openmm_plugins();
  const auto names = gb::available_platforms();
  return std::find(names.begin(), names.end(), platform) != names.end();
}
}  // namespace

TEST(Determinism, TwoFreshRunsOnCpuAtOneThreadCountAreBitwiseIdentical) {
  expect_two_fresh_runs_identical("CPU", {"OPENMM_CPU_THREADS=2"});
}

TEST(Determinism, TwoFreshRunsOnOpenCLAreBitwiseIdentical) {
  if (!platform_available("OpenCL")) GTEST_SKIP() << "no OpenCL platform on this machine";
  expect_two_fresh_runs_identical("OpenCL", {});
}
