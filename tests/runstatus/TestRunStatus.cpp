// Runs that say what happened (issue 13 section 2), on the real binary:
// SIGTERM/SIGINT -> 143/130 and `interrupted`; a blow-up -> 3 and `failed`
// with the reason; a write failure mid-run (file-size cap, like a full disk)
// -> 74, `failed` with the reason, a partial trailing frame that --resume
// cuts away; SIGKILL -> `running` left behind, recognised on resume as
// `killed` through the stale lock; a second run into a busy directory and a
// resume with a changed potential file -> 2.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "cli_process.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/lammps_dump.hpp"
#include "run_cases.hpp"
#include "run_compare.hpp"
#include "runners/run_lock.hpp"

using namespace gb::testing;

namespace {

class RunStatus : public ::testing::Test {
 protected:
  void SetUp() override { case_path = dir.write("case.yaml", small_run_case()); }
  std::vector<std::string> run_args(const std::string& out, bool resume = false) const {
    std::vector<std::string> a{"run", case_path, "--out", out, "--quiet"};
    if (resume) a.push_back("--resume");
    return a;
  }
  ChildOptions logged(const std::string& name) const {
    ChildOptions o;
    o.log = dir.file(name + ".log");
    return o;
  }
  std::string log(const std::string& name) const { return slurp_file(dir.file(name + ".log")); }
  static YAML::Node provenance(const std::string& out) { return YAML::LoadFile(out + "/provenance.yaml"); }
  /// Start a run and return once it has written a thermo row of the first stage past step 0.
  pid_t start_and_wait_for_md(const std::string& out, const std::string& logname) {
    const pid_t pid = start_glassbench(run_args(out), logged(logname));
    EXPECT_TRUE(wait_for_text(out + "/run.log", "checkpoint at", 120)) << log(logname);
    return pid;
  }
  TempDir dir;
  std::string case_path;
};

}  // namespace

TEST_F(RunStatus, SigtermAndSigintCheckpointAndExit143And130) {
  for (const auto& [sig, code] : {std::pair{SIGTERM, 143}, std::pair{SIGINT, 130}}) {
    const std::string out = dir.file("sig" + std::to_string(sig));
    const pid_t pid = start_and_wait_for_md(out, "sig");
    ::kill(pid, sig);
    EXPECT_EQ(wait_exit(pid), code);
    EXPECT_EQ(provenance(out)["status"].as<std::string>(), "interrupted");
    EXPECT_FALSE(gb::runners::run_lock_held(out));
    EXPECT_EQ(slurp_file(out + "/run.lock"), "");  // released cleanly
  }
}

TEST_F(RunStatus, BlowUpIsThreeAndFailedWithReason) {
  // A 2000 K melt with a 100 K temperature limit stops at the first check.
  const std::string p = dir.write("hot.yaml", small_run_case("limits: {max_temperature: \"100 K\"}\n"));
  const std::string out = dir.file("hot");
  EXPECT_EQ(run_glassbench({"run", p, "--out", out, "--quiet"}, logged("hot")), 3);
  const YAML::Node prov = provenance(out);
  EXPECT_EQ(prov["status"].as<std::string>(), "failed");
  EXPECT_NE(prov["reason"].as<std::string>("").find("temperature"), std::string::npos) << prov["reason"];
}

TEST_F(RunStatus, KilledRunIsRecognisedByItsStaleLockAndResumes) {
  const std::string out = dir.file("killed");
  const pid_t pid = start_and_wait_for_md(out, "killed");
  // While it runs, a second run into the same directory is refused.
  EXPECT_EQ(run_glassbench(run_args(out, true), logged("second")), 2);
  EXPECT_NE(log("second").find("is in use by another glassbench run (pid " + std::to_string(pid)),
            std::string::npos)
      << log("second");
  ::kill(pid, SIGKILL);
  EXPECT_EQ(wait_exit(pid), 137);
  EXPECT_EQ(provenance(out)["status"].as<std::string>(), "running");  // nobody could record anything
  EXPECT_FALSE(gb::runners::run_lock_held(out));
  EXPECT_NE(slurp_file(out + "/run.lock").find("pid " + std::to_string(pid)), std::string::npos);

  EXPECT_EQ(run_glassbench(run_args(out, true), logged("resume")), 0) << log("resume");
  const YAML::Node prov = provenance(out);
  EXPECT_EQ(prov["status"].as<std::string>(), "completed");
  ASSERT_EQ(prov["sessions"].size(), 2u);
  EXPECT_EQ(prov["sessions"][0]["status"].as<std::string>(), "killed");
  EXPECT_NE(prov["sessions"][0]["reason"].as<std::string>("").find("stale lock: pid " + std::to_string(pid)),
            std::string::npos);
}

TEST_F(RunStatus, WriteFailureMidRunIsSeventyFourFailedAndResumable) {
  const std::string ref = dir.file("ref");
  ASSERT_EQ(run_glassbench(run_args(ref), logged("ref")), 0) << log("ref");
  // 40 kB per file: the trajectory (~14 kB per 250-atom frame) hits the cap
  // in its third frame, mid-frame, like a disk filling up.
  const std::string out = dir.file("full");
  ChildOptions capped = logged("full");
  capped.max_file_bytes = 40000;
  EXPECT_EQ(run_glassbench(run_args(out), capped), 74) << log("full");
  const YAML::Node prov = provenance(out);
  EXPECT_EQ(prov["status"].as<std::string>(), "failed");
  EXPECT_NE(prov["reason"].as<std::string>("").find("write failed"), std::string::npos) << prov["reason"];
  const auto dump = out + "/stages/01-liquid/trajectory.dump";
  EXPECT_EQ(std::filesystem::file_size(dump), 40000u);  // cut at the cap, mid-frame
  EXPECT_THROW(gb::DumpReader::read_all(dump), gb::InputError);  // truncated last frame
  // Space again: --resume cuts the partial frame and finishes identically.
  EXPECT_EQ(run_glassbench(run_args(out, true), logged("full-resume")), 0) << log("full-resume");
  expect_same_run_outputs(ref, out);
}

TEST_F(RunStatus, ResumeWithAChangedPotentialIsRefused) {
  const std::string out = dir.file("pot");
  const pid_t pid = start_and_wait_for_md(out, "pot");
  ::kill(pid, SIGTERM);
  ASSERT_EQ(wait_exit(pid), 143);
  // Same numbers, one comment changed: a different file as far as provenance goes.
  std::string text = slurp_file("/usr/share/lammps/potentials/CuZr_mm.eam.fs");
  text.replace(0, 1, "#");
  const std::string other = dir.write("CuZr_edited.eam.fs", text);
  auto args = run_args(out, true);
  args.push_back("--potential");
  args.push_back(other);
  EXPECT_EQ(run_glassbench(args, logged("pot2")), 2);
  EXPECT_NE(log("pot2").find("--resume: the potential " + other + " has sha256"), std::string::npos) << log("pot2");
}
