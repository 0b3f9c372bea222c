// Exit codes of `glassbench run` that need no MD (docs/exit-codes.md):
// 0 help, 2 bad case / bad flag / --out not a run / --out in use, 74 I/O
// failure, 77 skipped.  The MD ones (3, 130, 143, failed status) are in
// TestRunStatus.cpp (smoke).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/file.h>

#include <filesystem>

#include "cli_process.hpp"
#include "common/temp_dir.hpp"
#include "run_cases.hpp"

using gb::testing::ChildOptions;
using gb::testing::run_glassbench;
using gb::testing::slurp_file;

namespace {

class ExitCodes : public ::testing::Test {
 protected:
  std::string write_case(const std::string& text) { return dir.write("case.yaml", text); }
  ChildOptions logged() const {
    ChildOptions o;
    o.log = dir.file("out.log");
    return o;
  }
  std::string log() const { return slurp_file(dir.file("out.log")); }
  gb::testing::TempDir dir;
};

}  // namespace

TEST_F(ExitCodes, HelpIsZero) { EXPECT_EQ(run_glassbench({"run", "--help"}, logged()), 0); }

TEST_F(ExitCodes, BadCaseIsTwoWithFileLine) {
  std::string c = gb::testing::small_run_case();
  c.replace(c.find("\"2 fs\""), 6, "\"0x2 fs\"");
  const std::string p = write_case(c);
  EXPECT_EQ(run_glassbench({"run", p, "--out", dir.file("run")}, logged()), 2);
  EXPECT_NE(log().find(p + ":9:11: timestep:"), std::string::npos) << log();
}

TEST_F(ExitCodes, BadFlagIsTwo) {
  EXPECT_EQ(run_glassbench({"run", write_case(gb::testing::small_run_case()), "--no-such-flag"}, logged()), 2);
}

TEST_F(ExitCodes, NonEmptyOutThatIsNotARunIsRefused) {
  const std::string out = dir.file("mine");
  std::filesystem::create_directories(out);
  dir.write("mine/thermo.csv", "my,own,data\n");
  EXPECT_EQ(run_glassbench({"run", write_case(gb::testing::small_run_case()), "--out", out}, logged()), 2);
  EXPECT_NE(log().find("not empty and holds no glassbench run"), std::string::npos) << log();
  EXPECT_EQ(slurp_file(out + "/thermo.csv"), "my,own,data\n");  // untouched
}

TEST_F(ExitCodes, OutInUseByALiveRunIsRefused) {
  const std::string out = dir.file("busy");
  std::filesystem::create_directories(out);
  dir.write("busy/run.lock", "pid 4242\nhost elsewhere\nstarted 2026-01-01T00:00:00Z\n");
  const int fd = ::open((out + "/run.lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);  // this process plays the live run
  EXPECT_EQ(run_glassbench({"run", write_case(gb::testing::small_run_case()), "--out", out, "--resume"}, logged()),
            2);
  EXPECT_NE(log().find("is in use by another glassbench run (pid 4242,host elsewhere,started "
                       "2026-01-01T00:00:00Z)"),
            std::string::npos)
      << log();
  ::close(fd);
}

TEST_F(ExitCodes, UnsuppliedPotentialIsSkipped77) {
  std::string c = gb::testing::small_run_case();
  c.replace(c.find("CuZr_mm.eam.fs"), 14, "\"${GLASSBENCH_TEST_SURELY_UNSET_POTENTIAL}\"");
  EXPECT_EQ(run_glassbench({"run", write_case(c), "--out", dir.file("run")}, logged()), 77);
}

TEST_F(ExitCodes, WriteFailureIsSeventyFour) {
  // A 300-byte file-size cap: run.lock fits, the copy of the case (> 800
  // bytes) does not; the write fails with EFBIG like a full disk.
  ChildOptions o = logged();
  o.max_file_bytes = 300;
  EXPECT_EQ(run_glassbench({"run", write_case(gb::testing::small_run_case()), "--out", dir.file("run")}, o), 74);
  EXPECT_NE(log().find("glassbench: I/O error: write failed"), std::string::npos) << log();
}
