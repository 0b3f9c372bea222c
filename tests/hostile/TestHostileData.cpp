// LAMMPS data files from a hostile user: counts that the file cannot hold,
// hex and absurd numbers, ids that would wrap, control characters.  Line and
// column numbers were counted by hand from kData.
#include <gtest/gtest.h>

#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "hostile_support.hpp"

namespace {

const std::string kData =
    "hostile test\n"          // 1
    "\n"                      // 2
    "2 atoms\n"               // 3
    "1 atom types\n"          // 4
    "\n"                      // 5
    "0 10 xlo xhi\n"          // 6
    "0 10 ylo yhi\n"          // 7
    "0 10 zlo zhi\n"          // 8
    "\n"                      // 9
    "Atoms # atomic\n"        // 10
    "\n"                      // 11
    "1 1 1.0 2.0 3.0\n"       // 12
    "2 1 4.0 5.0 6.0\n";      // 13

class HostileData : public ::testing::Test {
 protected:
  std::string error_with(const std::string& from, const std::string& to) {
    std::string text = kData;
    const size_t p = text.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    text.replace(p, from.size(), to);
    dir_.write("h.data", text);
    return gb::testing::input_error_of([&] { gb::read_lammps_data(path_); });
  }
  const std::string& path() const { return path_; }
  gb::testing::TempDir dir_;
  std::string path_ = dir_.file("h.data");  // fixed: tests build expectations before reading
};

}  // namespace

TEST_F(HostileData, BaseFileReads) { EXPECT_EQ(error_with("hostile", "hostile"), "<no error>"); }

TEST_F(HostileData, AtomCountBeyondTheFileIsAnErrorBeforeAllocating) {
  // 2^31-1 and 2^63-1 used to end in std::bad_alloc / vector::reserve.
  EXPECT_EQ(error_with("2 atoms", "2147483647 atoms"),
            path() + ":3:1: atoms: 2147483647 atoms is more than glassbench reads (100000000)");
  EXPECT_EQ(error_with("2 atoms", "9223372036854775807 atoms"),
            path() + ":3:1: atoms: 9223372036854775807 atoms is more than glassbench reads (100000000)");
  EXPECT_EQ(error_with("2 atoms", "1000 atoms"),
            path() + ":3:1: atoms: 1000 atoms cannot fit in this 127-byte file (room for at most 12 Atoms lines)");
  EXPECT_EQ(error_with("1 atom types", "9223372036854775807 atom types"),
            path() + ":4:1: atom types: expected 1..100000 atom types");
}

TEST_F(HostileData, HexIsRejectedInBoxAndCoordinates) {
  EXPECT_EQ(error_with("0 10 ylo", "0 0x1F ylo"), path() + ":7:3: yhi: expected a finite number, got '0x1F'");
  EXPECT_EQ(error_with("1 1 1.0 2.0", "1 1 0x1 2.0"), path() + ":12:5: Atoms.x: expected a finite number, got '0x1'");
  EXPECT_EQ(error_with("2 atoms", "0x2 atoms"), path() + ":3:1: atoms: expected an integer, got '0x2'");
}

TEST_F(HostileData, AbsurdBoxAndCoordinatesAreErrors) {
  // Box bounds of +-1e308 used to give `energy 0` with exit 0.
  EXPECT_EQ(error_with("0 10 xlo", "-1e308 1e308 xlo"),
            path() + ":6:1: xlo: |-1e308| exceeds the largest box bound glassbench accepts (1e8 Angstrom)");
  EXPECT_EQ(error_with("1 1 1.0 2.0 3.0", "1 1 1.0 2.0 1e300"),
            path() + ":12:13: Atoms.z: |1e300| Angstrom is beyond 1e8 Angstrom (corrupt value?)");
}

TEST_F(HostileData, AtomIdBeyond32BitsIsAnError) {
  // 4294967297 = 2^32 + 1 wrapped to 1 in 32-bit consumers.
  EXPECT_EQ(error_with("2 1 4.0", "4294967297 1 4.0"),
            path() + ":13:1: Atoms.id: expected an atom id in 1..2147483647 (LAMMPS 32-bit tagint), got 4294967297");
  EXPECT_EQ(error_with("2 1 4.0 5.0 6.0", "2 1 4.0 5.0 6.0 0 0 4294967297"),
            path() + ":13:1: Atoms: image flags present on some lines but not others");
  EXPECT_EQ(error_with("1 1 1.0 2.0 3.0\n2 1 4.0 5.0 6.0", "1 1 1.0 2.0 3.0 0 0 0\n2 1 4.0 5.0 6.0 0 0 4294967297"),
            path() + ":13:21: Atoms.iz: image flag out of range (|i| <= 2^30)");
}

TEST_F(HostileData, ControlCharactersAreErrors) {
  EXPECT_EQ(error_with("2 1 4.0 5.0 6.0", std::string("\x01\x02\x03\x04")),
            path() + ":13:1: text: control character 0x01 in the line (corrupt or binary file?)");
  EXPECT_EQ(error_with("\nAtoms", std::string("\x7f\nAtoms")),
            path() + ":9:1: text: control character 0x7f in the line (corrupt or binary file?)");
}

TEST_F(HostileData, RepeatedSectionIsAnError) {
  EXPECT_EQ(error_with("2 1 4.0 5.0 6.0\n", "2 1 4.0 5.0 6.0\n\nAtoms\n\n3 1 0 0 0\n4 1 1 1 1\n"),
            path() + ":15:1: section: section 'Atoms' appears twice");
}
