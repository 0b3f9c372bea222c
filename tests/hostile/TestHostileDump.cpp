// LAMMPS dumps from a hostile user.  Line numbers counted by hand from kDump.
#include <gtest/gtest.h>
#include <zlib.h>

#include "common/temp_dir.hpp"
#include "core/lammps_dump.hpp"
#include "hostile_support.hpp"

namespace {

const std::string kDump =
    "ITEM: TIMESTEP\n"             // 1
    "0\n"                          // 2
    "ITEM: NUMBER OF ATOMS\n"      // 3
    "2\n"                          // 4
    "ITEM: BOX BOUNDS pp pp pp\n"  // 5
    "0 10\n"                       // 6
    "0 10\n"                       // 7
    "0 10\n"                       // 8
    "ITEM: ATOMS id type x y z\n"  // 9
    "1 1 1.0 2.0 3.0\n"            // 10
    "2 1 4.0 5.0 6.0\n";           // 11

class HostileDump : public ::testing::Test {
 protected:
  std::string error_of_text(const std::string& text) {
    dir_.write("h.dump", text);
    return gb::testing::input_error_of([&] { gb::DumpReader::read_all(path_); });
  }
  std::string error_with(const std::string& from, const std::string& to) {
    std::string text = kDump;
    const size_t p = text.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    text.replace(p, from.size(), to);
    return error_of_text(text);
  }
  const std::string& path() const { return path_; }
  gb::testing::TempDir dir_;
  std::string path_ = dir_.file("h.dump");  // fixed: tests build expectations before reading
};

}  // namespace

TEST_F(HostileDump, BaseFileReads) { EXPECT_EQ(error_of_text(kDump + kDump), "<no error>"); }

TEST_F(HostileDump, AtomCountBeyondTheFileIsAnErrorBeforeAllocating) {
  EXPECT_EQ(error_with("ATOMS\n2\n", "ATOMS\n2147483647\n"),
            path() + ":4:1: frame 0, NUMBER OF ATOMS: 2147483647 atoms is more than glassbench reads (100000000)");
  EXPECT_EQ(error_with("ATOMS\n2\n", "ATOMS\n9223372036854775807\n"),
            path() + ":4:1: frame 0, NUMBER OF ATOMS: 9223372036854775807 atoms is more than glassbench reads "
                     "(100000000)");
  // 99 bytes follow line 4: room for 9 atom lines of >= 10 bytes.
  EXPECT_EQ(error_with("ATOMS\n2\n", "ATOMS\n1000\n"),
            path() + ":4:1: frame 0, NUMBER OF ATOMS: 1000 atoms cannot fit in the rest of the file (room for at "
                     "most 9 atom lines of >= 10 bytes)");
}

TEST_F(HostileDump, AtomCountBeyondAGzipFileIsAnError) {
  std::string text = kDump;
  text.replace(text.find("ATOMS\n2\n"), 8, "ATOMS\n99999999\n");
  const std::string p = dir_.file("h.dump.gz");
  gzFile gz = gzopen(p.c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  const std::string e = gb::testing::input_error_of([&] { gb::DumpReader::read_all(p); });
  EXPECT_NE(e.find(p + ":4:1: frame 0, NUMBER OF ATOMS: 99999999 atoms cannot fit in the rest of the file"),
            std::string::npos)
      << e;
}

TEST_F(HostileDump, HexIsRejected) {
  EXPECT_EQ(error_with("1 1 1.0", "1 1 0x1F"), path() + ":10:5: frame 0, column x: expected a finite number, got '0x1F'");
  EXPECT_EQ(error_with("0 10\n0 10\n0 10", "0 10\n0 0x10\n0 10"),
            path() + ":7:3: frame 0, BOX BOUNDS y: expected a finite number, got '0x10'");
  EXPECT_EQ(error_with("TIMESTEP\n0", "TIMESTEP\n0x10"), path() + ":2:1: frame 0, TIMESTEP: expected an integer, got '0x10'");
}

TEST_F(HostileDump, AbsurdValuesAreErrors) {
  // A coordinate of 1e308 used to give D_all = -nan downstream.
  EXPECT_EQ(error_with("2 1 4.0", "2 1 1e308"),
            path() + ":11:5: frame 0, column x: position 1e+308 Angstrom is beyond 1e8 Angstrom (corrupt value?)");
  EXPECT_EQ(error_with("0 10\n0 10\n0 10", "-1e308 1e308\n0 10\n0 10"),
            path() + ":6:1: frame 0, BOX BOUNDS x: |-1e308| exceeds the largest box bound glassbench accepts "
                     "(1e8 Angstrom)");
  EXPECT_EQ(error_with("TIMESTEP\n0", "TIMESTEP\n-5"), path() + ":2:1: frame 0, TIMESTEP: expected a non-negative step number");
  EXPECT_EQ(error_with("TIMESTEP\n0", "TIMESTEP\n99999999999999999999"),
            path() + ":2:1: frame 0, TIMESTEP: expected an integer, got '99999999999999999999'");
}

TEST_F(HostileDump, BoxBoundaryFlagsAreChecked) {
  // Accepted: LAMMPS boundary styles, and no flags at all (LAMMPS before 2009).
  for (const char* ok : {"pp pp pp", "ff ss mm", "fs sm mf", ""}) {
    const std::string line = std::string("ITEM: BOX BOUNDS") + (*ok ? " " : "") + ok;
    EXPECT_EQ(error_with("ITEM: BOX BOUNDS pp pp pp", line), "<no error>") << ok;
  }
  for (const char* bad : {"pp pp xx", "pf pp pp", "fp ff ff", "p p p", "ppp pp pp", "PP PP PP", "0 0 0"}) {
    EXPECT_EQ(error_with("BOX BOUNDS pp pp pp", std::string("BOX BOUNDS ") + bad).find(path() + ":5: frame 0, BOX BOUNDS: boundary flag"), 0u)
        << bad;
  }
  EXPECT_EQ(error_with("BOX BOUNDS pp pp pp", "BOX BOUNDS pp pp"),
            path() + ":5:21: frame 0, BOX BOUNDS: expected three boundary flags like 'pp pp pp' after BOX BOUNDS, "
                     "found 2 words");
  EXPECT_EQ(error_with("BOX BOUNDS pp pp pp", "BOX BOUNDS pp pp pp pp"),
            path() + ":5:27: frame 0, BOX BOUNDS: expected three boundary flags like 'pp pp pp' after BOX BOUNDS, "
                     "found 4 words");
  EXPECT_EQ(error_with("BOX BOUNDS pp pp pp", "BOX BOUNDS pp pp zz"),
            path() + ":5: frame 0, BOX BOUNDS: boundary flag 'zz' is not a LAMMPS boundary (pp, ff, fs, fm, ss, sm, "
                     "...; p only as pp)");
}

TEST_F(HostileDump, ControlCharacterLineInsideAtomsIsAnError) {
  // Used to be skipped silently (gzgets stops at NUL and glued the lines).
  EXPECT_EQ(error_with("2 1 4.0 5.0 6.0", std::string("\x01\x02\x03\x04\x05")),
            path() + ":11:1: frame 0: control character 0x01 in the line (corrupt or binary file?)");
  EXPECT_EQ(error_with("2 1 4.0 5.0 6.0", std::string("2 1 4.0 5.0 6.0\0\0\0", 18)),
            path() + ":11:16: frame 0: control character 0x00 in the line (corrupt or binary file?)");
  std::string two = kDump + kDump;
  two.replace(two.rfind("2 1 4.0"), 1, std::string(1, '\x1b'));
  EXPECT_EQ(error_of_text(two), path() + ":22:1: frame 1: control character 0x1b in the line (corrupt or binary file?)");
}

TEST_F(HostileDump, AtomIdBeyond32BitsIsAnError) {
  // 4294967297 = 2^32 + 1 wrapped to 1.
  EXPECT_EQ(error_with("2 1 4.0", "4294967297 1 4.0"),
            path() + ":11:1: frame 0, column id: atom ids must be in 1..2147483647 (LAMMPS 32-bit tagint), got "
                     "4294967297");
  EXPECT_EQ(error_with("2 1 4.0", "2 4294967297 4.0"),
            path() + ":11:3: frame 0, column type: atom types must be in 1..100000, got 4294967297");
}
