// Bad potential files: every failure names the file, the line (and column)
// and what was expected, in the exact wording users see.
#include <gtest/gtest.h>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "potential/eam_reader.hpp"

namespace {

// A valid one-element setfl file with 6-point grids, 3 values per line:
// lines 1-3 comments, 4 elements, 5 grid, 6 element header, 7-8 F(rho),
// 9-10 rho(r), 11-12 r*phi(r).
const char* kGoodSetfl =
    "comment 1\ncomment 2\ncomment 3\n"
    "1 Cu\n"
    "6 0.1 6 0.5 2.5\n"
    "29 63.546 3.615 fcc\n"
    "0 -0.1 -0.2\n-0.3 -0.4 -0.5\n"
    "1.0 0.8 0.6\n0.4 0.2 0.0\n"
    "5.0 4.0 3.0\n2.0 1.0 0.0\n";

std::string replace_line(std::string text, int line, const std::string& with) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  const size_t end = text.find('\n', start);
  return text.replace(start, end - start, with);
}

std::string error_of(const std::string& path, std::optional<gb::EamStyle> style = {}) {
  try {
    gb::read_eam(path, style);
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "<no error>";
}

class EamReaderErrors : public ::testing::Test {
 protected:
  std::string file(const std::string& text, const std::string& name = "bad.eam.alloy") {
    return dir.write(name, text);
  }
  gb::testing::TempDir dir;
};

TEST_F(EamReaderErrors, GoodFileReads) {
  const auto p = gb::read_eam(file(kGoodSetfl));
  EXPECT_EQ(p.z2r(0, 0)[1], 4.0);
}

TEST_F(EamReaderErrors, TruncatedTable) {
  std::string t = kGoodSetfl;
  t = t.substr(0, t.rfind("2.0 1.0 0.0\n"));
  const std::string p = file(t);
  EXPECT_EQ(error_of(p), p + ":12: r*phi(r) of Cu-Cu: file ends early: expected 6 values, found 3 "
                             "(table truncated or count in the header too large)");
}

TEST_F(EamReaderErrors, CountInHeaderTooSmallLeavesExtraValues) {
  const std::string p = file(replace_line(kGoodSetfl, 5, "5 0.1 6 0.5 2.5"));
  EXPECT_EQ(error_of(p), p + ":8:11: F(rho) of Cu: expected 5 values, found more ('-0.5' is extra; "
                             "a count in the header does not match the file)");
}

TEST_F(EamReaderErrors, TrailingValuesAfterLastTable) {
  const std::string p = file(std::string(kGoodSetfl) + "7.0\n");
  EXPECT_EQ(error_of(p), p + ":13:1: end of file: expected the end of the file after the last r*phi(r) table, "
                             "found '7.0' (a count in the header is smaller than the tables in the file)");
}

TEST_F(EamReaderErrors, ElementCountDisagreesWithNames) {
  const std::string p = file(replace_line(kGoodSetfl, 4, "2 Cu"));
  EXPECT_EQ(error_of(p), p + ":4:3: element names: expected 2 element names after the count, found 1");
}

TEST_F(EamReaderErrors, NonNumericToken) {
  const std::string p = file(replace_line(kGoodSetfl, 9, "1.0 abc 0.6"));
  EXPECT_EQ(error_of(p), p + ":9:5: rho(r) of Cu (value 2 of 6): expected a finite number, got 'abc'");
}

TEST_F(EamReaderErrors, NanAndInfRejected) {
  const std::string p = file(replace_line(kGoodSetfl, 8, "-0.3 nan -0.5"));
  EXPECT_EQ(error_of(p), p + ":8:6: F(rho) of Cu (value 5 of 6): expected a finite number, got 'nan'");
  const std::string q = file(replace_line(kGoodSetfl, 11, "inf 4.0 3.0"), "inf.eam.alloy");
  EXPECT_EQ(error_of(q), q + ":11:1: r*phi(r) of Cu-Cu (value 1 of 6): expected a finite number, got 'inf'");
}

TEST_F(EamReaderErrors, NonPositiveSpacingAndCutoff) {
  const std::string p = file(replace_line(kGoodSetfl, 5, "6 0 6 0.5 2.5"));
  EXPECT_EQ(error_of(p), p + ":5:3: drho: expected a positive number, got 0");
  const std::string q = file(replace_line(kGoodSetfl, 5, "6 0.1 6 -0.5 2.5"), "dr.eam.alloy");
  EXPECT_EQ(error_of(q), q + ":5:9: dr: expected a positive number, got -0.5");
  const std::string c = file(replace_line(kGoodSetfl, 5, "6 0.1 6 0.5 0"), "cut.eam.alloy");
  EXPECT_EQ(error_of(c), c + ":5:13: cutoff: expected a positive number, got 0");
}

TEST_F(EamReaderErrors, TooFewGridPointsAndNonIntegerCount) {
  const std::string p = file(replace_line(kGoodSetfl, 5, "4 0.1 6 0.5 2.5"));
  EXPECT_EQ(error_of(p), p + ":5:1: Nrho: expected an integer >= 5, got 4");
  const std::string q = file(replace_line(kGoodSetfl, 5, "6 0.1 6.5 0.5 2.5"), "nr.eam.alloy");
  EXPECT_EQ(error_of(q), q + ":5:7: Nr: expected an integer, got '6.5'");
}

TEST_F(EamReaderErrors, GridLineTooShort) {
  const std::string p = file(replace_line(kGoodSetfl, 5, "6 0.1 6 0.5"));
  EXPECT_EQ(error_of(p), p + ":5:9: grid: expected 5 values 'Nrho drho Nr dr cutoff', found 4");
}

TEST_F(EamReaderErrors, BadMass) {
  const std::string p = file(replace_line(kGoodSetfl, 6, "29 -1 3.615 fcc"));
  EXPECT_EQ(error_of(p), p + ":6:4: mass of Cu: expected a positive number, got -1");
}

TEST_F(EamReaderErrors, FsFileReadAsAlloyIsCaught) {
  // An eam/fs file has more density tables than eam/alloy expects.
  std::string t = kGoodSetfl;
  t = replace_line(t, 4, "2 Cu Zr");
  const std::string p = file(t);
  EXPECT_NE(error_of(p).find(p + ":"), std::string::npos);
}

TEST_F(EamReaderErrors, EmptyAndMissingFiles) {
  const std::string p = file("");
  EXPECT_EQ(error_of(p), p + ":1: comment line 1: file ends early: expected comment line 1");
  const std::string q = dir.file("nope.eam.fs");
  EXPECT_EQ(error_of(q), "potential file '" + q + "' not found (looked at: " + q + ")");
}

TEST_F(EamReaderErrors, FuncflErrors) {
  const std::string good =
      "comment\n29 63.55 3.615 FCC\n6 0.1 6 0.5 2.0\n0 -1 -2 -3 -4 -5\n6 5 4 3 2 1\n1 0.8 0.6 0.4 0.2 0.1\n";
  EXPECT_NO_THROW(gb::read_eam(file(good, "ok.eam")));
  const std::string p = file(replace_line(good, 5, "6 5 4 3 2"), "short.eam");
  // Z(r) is one value short, so it runs into the rho(r) line.
  EXPECT_EQ(error_of(p), p + ":6:3: Z(r): expected 6 values, found more ('0.8' is extra; "
                             "a count in the header does not match the file)");
  const std::string q = file(replace_line(good, 3, "6 0.1 6 0.5 2.0 7"), "grid.eam");
  EXPECT_EQ(error_of(q), q + ":3:17: grid: expected 5 values 'Nrho drho Nr dr cutoff', found 6");
  const std::string n = file(replace_line(good, 3, "5 0.1 6 0.5 2.0"), "n.eam");
  EXPECT_EQ(error_of(n), n + ":3:1: Nrho: expected an integer >= 6, got 5");
  const std::string z = file(replace_line(good, 2, "Cu 63.55"), "z.eam");
  EXPECT_EQ(error_of(z), z + ":2:1: atomic number: expected an integer, got 'Cu'");
}

TEST_F(EamReaderErrors, StyleNotDeducible) {
  const std::string p = file(kGoodSetfl, "potential.txt");
  EXPECT_EQ(error_of(p), p + ": style: cannot tell the EAM style from the file name (expected .eam, .eam.alloy or "
                             ".eam.fs); give the style explicitly (eam, eam/alloy, eam/fs)");
  EXPECT_NO_THROW(gb::read_eam(p, gb::EamStyle::Setfl));
}

TEST_F(EamReaderErrors, RequestedElementAbsent) {
  const std::string p = file(kGoodSetfl);
  const auto pot = gb::read_eam(p);
  EXPECT_EQ(gb::map_elements(pot, {"Cu", "Cu"}), (std::vector<int>{0, 0}));
  try {
    gb::map_elements(pot, {"Cu", "Zr"});
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), p + ":4: elements: element 'Zr' is not in this eam/alloy potential; it provides: Cu");
  }
}

}  // namespace
