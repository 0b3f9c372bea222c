// EAM potential files (eam/alloy, eam/fs, eam funcfl) from a hostile user.
// Line/column numbers counted by hand from the texts below.
#include <gtest/gtest.h>

#include "common/temp_dir.hpp"
#include "potential/eam_reader.hpp"
#include "hostile_support.hpp"

namespace {

const std::string kSetfl =
    "comment 1\ncomment 2\ncomment 3\n"  // 1-3
    "1 Cu\n"                             // 4
    "6 0.1 6 0.5 2.5\n"                  // 5
    "29 63.546 3.615 fcc\n"              // 6
    "0 -0.1 -0.2\n-0.3 -0.4 -0.5\n"      // 7-8   F(rho)
    "1.0 0.8 0.6\n0.4 0.2 0.0\n"         // 9-10  rho(r)
    "5.0 4.0 3.0\n2.0 1.0 0.0\n";        // 11-12 r*phi(r)

const std::string kFuncfl =
    "funcfl comment\n"        // 1
    "29 63.55 3.615 fcc\n"    // 2
    "6 0.1 6 0.5 2.5\n"       // 3
    "0 -0.1 -0.2 -0.3 -0.4 -0.5\n"  // 4 F(rho)
    "1.0 0.8 0.6 0.4 0.2 0.0\n"     // 5 Z(r)
    "1.0 0.8 0.6 0.4 0.2 0.0\n";    // 6 rho(r)

class HostilePotential : public ::testing::Test {
 protected:
  std::string error_with(const std::string& base, const std::string& name, const std::string& from,
                         const std::string& to) {
    std::string text = base;
    const size_t p = text.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    text.replace(p, from.size(), to);
    const std::string written = dir_.write(name, text);
    return gb::testing::input_error_of([&] { gb::read_eam(written); });
  }
  std::string setfl(const std::string& from, const std::string& to) { return error_with(kSetfl, "h.eam.alloy", from, to); }
  std::string funcfl(const std::string& from, const std::string& to) { return error_with(kFuncfl, "h.eam", from, to); }
  gb::testing::TempDir dir_;
  // Fixed names: tests build expectations before the file is written.
  const std::string setfl_path = dir_.file("h.eam.alloy"), funcfl_path = dir_.file("h.eam");
};

}  // namespace

TEST_F(HostilePotential, BaseFilesRead) {
  EXPECT_EQ(setfl("comment 1", "comment 1"), "<no error>");
  EXPECT_EQ(funcfl("funcfl", "funcfl"), "<no error>");
}

TEST_F(HostilePotential, HugeTableCountsAreErrorsBeforeAllocating) {
  // Used to end in std::bad_alloc / vector::reserve with no file or line.
  EXPECT_EQ(setfl("6 0.1 6", "2147483647 0.1 6"), setfl_path + ":5:1: Nrho: expected an integer <= 10000000, got 2147483647");
  EXPECT_EQ(setfl("6 0.1 6 0.5", "6 0.1 9223372036854775807 0.5"),
            setfl_path + ":5:7: Nr: expected an integer <= 10000000, got 9223372036854775807");
  EXPECT_EQ(funcfl("6 0.1 6", "9223372036854775807 0.1 6"),
            funcfl_path + ":3:1: Nrho: expected an integer <= 10000000, got 9223372036854775807");
  // Within the stated bound but more than the 95 bytes after line 5 can hold (47 numbers of >= 2 bytes).
  EXPECT_EQ(setfl("6 0.1 6 0.5 2.5", "6 0.1 5000000 0.5 2.5"),
            setfl_path + ":5:1: grid: the header asks for 10000006 table values, but the rest of the file can hold at "
                     "most 47 (Nrho or Nr too large, or the file is truncated)");
  EXPECT_EQ(setfl("1 Cu", "9223372036854775807 Cu"),
            setfl_path + ":4:1: number of elements: expected an integer <= 200, got 9223372036854775807");
}

TEST_F(HostilePotential, HugeCutoffIsAnError) {
  // A funcfl cutoff of 1e30 used to run ~10 s and 3.3 GB before bad_alloc.
  EXPECT_EQ(funcfl("0.5 2.5", "0.5 1e30"),
            funcfl_path + ":3:13: cutoff: cutoff 1e30 A exceeds 100 A, the largest glassbench accepts");
  // (Nr-1)*dr = 2.5 A; 32 steps of 0.5 A past it is 18.5 A.
  EXPECT_EQ(setfl("0.5 2.5", "0.5 18.6"),
            setfl_path + ":5:13: cutoff: cutoff 18.6 A lies more than 32 grid steps beyond the r tables ((Nr-1)*dr = "
                         "2.5 A): there is no potential data there");
  EXPECT_EQ(setfl("0.5 2.5", "0.5 18.5"), "<no error>");
}

TEST_F(HostilePotential, HexIsRejectedInHeadersAndTables) {
  EXPECT_EQ(setfl("6 0.1 6", "6 0x1 6"), setfl_path + ":5:3: drho: expected a finite number, got '0x1'");
  EXPECT_EQ(setfl("1.0 0.8 0.6", "1.0 0x1F 0.6"),
            setfl_path + ":9:5: rho(r) of Cu (value 2 of 6): expected a finite number, got '0x1F'");
  EXPECT_EQ(funcfl("63.55", "0x3F"), funcfl_path + ":2:4: mass: expected a finite number, got '0x3F'");
}

TEST_F(HostilePotential, AbsurdTableValuesAreErrors) {
  // +-1e308 used to give `energy -nan` with exit 0.
  EXPECT_EQ(setfl("5.0 4.0 3.0", "5.0 -1e308 3.0"),
            setfl_path + ":11:5: r*phi(r) of Cu-Cu (value 2 of 6): |-1e308| exceeds 1e100, the largest table value "
                     "glassbench accepts");
  EXPECT_EQ(setfl("1.0 0.8 0.6", "1.0 inf 0.6"),
            setfl_path + ":9:5: rho(r) of Cu (value 2 of 6): expected a finite number, got 'inf'");
  EXPECT_EQ(setfl("6 0.1 6 0.5", "6 1e308 6 0.5"), setfl_path + ":5:3: drho: table extent (N-1)*drho overflows");
  EXPECT_EQ(setfl("29 63.546", "29 1e300"), setfl_path + ":6:4: mass of Cu: mass 1e300 amu exceeds 1e4 amu");
  EXPECT_EQ(setfl("29 63.546", "4294967325 63.546"), setfl_path + ":6:1: atomic number of Cu: expected an integer in 0..1000");
}

TEST_F(HostilePotential, ControlCharactersAreErrors) {
  EXPECT_EQ(setfl("0.4 0.2 0.0", "\x01\x02\x03"),
            setfl_path + ":10:1: text: control character 0x01 in the line (corrupt or binary file?)");
}

TEST_F(HostilePotential, MissingElementPointsAtTheLineListingElements) {
  ASSERT_EQ(setfl("comment 1", "comment 1"), "<no error>");
  const auto pot = gb::read_eam(setfl_path);
  EXPECT_EQ(gb::testing::input_error_of([&] { gb::map_elements(pot, {"Cu", "Zr"}); }),
            setfl_path + ":4: elements: element 'Zr' is not in this eam/alloy potential; it provides: Cu");
  ASSERT_EQ(funcfl("funcfl", "funcfl"), "<no error>");
  const auto f = gb::read_eam(funcfl_path);
  EXPECT_EQ(gb::testing::input_error_of([&] { gb::map_elements(f, {"Al"}); }),
            funcfl_path + ":2:1: elements: element 'Al' is not in this eam potential; it provides: Cu");
}
