// LAMMPS dump reading: column variants, triclinic bounds, gzip, sorting, and
// exact error messages for malformed input.
#include <gtest/gtest.h>
#include <zlib.h>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/lammps_dump.hpp"

using gb::DumpFrame;
using gb::DumpReader;
using gb::testing::TempDir;

namespace {

const char* kOrtho =
    "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n-1 9\n2 14\n"
    "ITEM: ATOMS id type x y z ix iy iz vx\n"
    "3 2 1.0 2.0 3.0 1 0 -1 0.5\n"
    "1 1 9.5 0.5 13.0 0 0 0 0.25\n"
    "2 1 5.0 5.0 5.0 -2 1 0 -1\n";

std::string expect_error(const std::string& path) {
  try {
    DumpReader::read_all(path);
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(DumpReader, ImageFlagsUnwrapAndSortById) {
  TempDir d;
  const auto f = DumpReader::read_all(d.write("a.dump", kOrtho));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].timestep, 100);
  EXPECT_TRUE(f[0].unwrapped);
  EXPECT_EQ(f[0].ids, (std::vector<long>{1, 2, 3}));
  EXPECT_EQ(f[0].types, (std::vector<int>{1, 1, 2}));
  // id 3: (1,2,3) + (1*10, 0, -1*12); id 2: (5,5,5) + (-2*10, 1*10, 0).  Exact in binary.
  EXPECT_EQ(f[0].positions[2].x, 11.0);
  EXPECT_EQ(f[0].positions[2].z, -9.0);
  EXPECT_EQ(f[0].positions[1].x, -15.0);
  EXPECT_EQ(f[0].positions[1].y, 15.0);
  EXPECT_EQ(f[0].box.lo.y, -1.0);
  EXPECT_EQ(f[0].box.lz, 12.0);
  ASSERT_EQ(f[0].extra_columns.count("vx"), 1u);
  EXPECT_EQ(f[0].extra_columns.at("vx"), (std::vector<double>{0.25, -1, 0.5}));  // permuted with the ids
  EXPECT_EQ(f[0].extra_columns.count("ix"), 0u);  // consumed by unwrapping
}

TEST(DumpReader, WrappedWithoutImagesIsFlagged) {
  TempDir d;
  const auto f = DumpReader::read_all(d.write(
      "w.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
                "ITEM: ATOMS id type x y z\n1 1 0.5 0.5 0.5\n"));
  EXPECT_FALSE(f[0].unwrapped);
}

TEST(DumpReader, TriclinicBoundingBoxConventionAndScaledCoordinates) {
  TempDir d;
  // Cell: lo=(1,2,3), lx=10 ly=8 lz=6, xy=2 xz=-3 yz=1.5.
  // xlo_bound = 1 + min(0,2,-3,-1) = -2; xhi_bound = 11 + max(0,2,-3,-1) = 13
  // ylo_bound = 2 + min(0,1.5) = 2; yhi_bound = 10 + 1.5 = 11.5
  const char* text =
      "ITEM: TIMESTEP\n5\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS xy xz yz pp pp pp\n"
      "-2 13 2\n2 11.5 -3\n3 9 1.5\nITEM: ATOMS id type xs ys zs ix iy iz\n1 1 0.5 0.25 0.5 1 0 0\n";
  const auto f = DumpReader::read_all(d.write("t.dump", text));
  const auto& b = f[0].box;
  EXPECT_EQ(b.lo.x, 1.0);
  EXPECT_EQ(b.lo.y, 2.0);
  EXPECT_EQ(b.lx, 10.0);
  EXPECT_EQ(b.ly, 8.0);
  EXPECT_EQ(b.lz, 6.0);
  EXPECT_EQ(b.xy, 2.0);
  EXPECT_EQ(b.xz, -3.0);
  EXPECT_EQ(b.yz, 1.5);
  // r = lo + (s + image) . h = (1 + 1.5*10 + 0.25*2 + 0.5*(-3), 2 + 0.25*8 + 0.5*1.5, 3 + 0.5*6)
  EXPECT_DOUBLE_EQ(f[0].positions[0].x, 15.0);
  EXPECT_DOUBLE_EQ(f[0].positions[0].y, 4.75);
  EXPECT_DOUBLE_EQ(f[0].positions[0].z, 6.0);
  EXPECT_EQ(gb::dump_box_bounds_text(b), "BOX BOUNDS xy xz yz pp pp pp\n-2 13 2\n2 11.5 -3\n3 9 1.5\n");
}

TEST(DumpReader, GzipIsReadTransparently) {
  TempDir d;
  const std::string path = d.file("a.dump.gz");
  gzFile g = gzopen(path.c_str(), "wb");
  ASSERT_NE(g, nullptr);
  const std::string two = std::string(kOrtho) + kOrtho;
  gzwrite(g, two.data(), static_cast<unsigned>(two.size()));
  gzclose(g);
  DumpReader r(path);
  EXPECT_TRUE(r.compressed());
  DumpFrame f;
  int n = 0;
  while (r.next(f)) ++n;
  EXPECT_EQ(n, 2);
  EXPECT_EQ(f.positions[2].x, 11.0);
}

TEST(DumpReader, UnitsAndTimeItemsAreSkipped) {
  TempDir d;
  const auto f = DumpReader::read_all(d.write(
      "u.dump", "ITEM: UNITS\nmetal\nITEM: TIME\n0.2\nITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n1\n"
                "ITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\nITEM: ATOMS id type xu yu zu\n1 1 0.5 0.5 0.5\n"));
  EXPECT_EQ(f[0].timestep, 100);
}

TEST(DumpReaderErrors, TruncatedFrameNamesFileFrameAndLine) {
  TempDir d;
  std::string text = std::string(kOrtho) + kOrtho;
  // Frame 1 is lines 13-24; cut its last atom line, so the file ends at line 23.
  text.resize(text.size() - std::string("2 1 5.0 5.0 5.0 -2 1 0 -1\n").size());
  const std::string p = d.write("trunc.dump", text);
  EXPECT_EQ(expect_error(p), p + ":23: frame 1, ITEM: ATOMS: file ends early (truncated frame): got 2 of 3 atom lines");
}

TEST(DumpReaderErrors, TruncatedHeader) {
  TempDir d;
  const std::string p = d.write("h.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n");
  EXPECT_EQ(expect_error(p), p + ":6: frame 0, the y box bounds: file ends early (truncated frame): expected the y box bounds");
}

TEST(DumpReaderErrors, BadNumberNamesColumn) {
  TempDir d;
  std::string text = kOrtho;
  text.replace(text.find("9.5 0.5"), 3, "9.x");
  const std::string p = d.write("bad.dump", text);
  EXPECT_EQ(expect_error(p), p + ":11:5: frame 0, column x: expected a finite number, got '9.x'");
}

TEST(DumpReaderErrors, MissingColumns) {
  TempDir d;
  const std::string p = d.write(
      "m.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
                "ITEM: ATOMS id type vx vy vz\n1 1 0 0 0\n");
  EXPECT_EQ(expect_error(p),
            p + ":9: frame 0, ITEM: ATOMS: missing position columns: need xu yu zu, x y z, xsu ysu zsu or xs ys zs");
  const std::string q = d.write(
      "n.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
                "ITEM: ATOMS type xu yu zu\n1 0 0 0\n");
  EXPECT_EQ(expect_error(q), q + ":9: frame 0, ITEM: ATOMS: missing column 'id'");
}

TEST(DumpReaderErrors, ShortAtomLine) {
  TempDir d;
  std::string text = kOrtho;
  text.replace(text.find(" 0.25\n"), 6, "\n");
  const std::string p = d.write("s.dump", text);
  EXPECT_EQ(expect_error(p), p + ":11: frame 0, ITEM: ATOMS: atom line has 8 values, expected 9");
}

TEST(DumpReaderErrors, ChangingAtomCount) {
  TempDir d;
  const std::string f1 =
      "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS id type xu yu zu\n1 1 0 0 0\n";
  const std::string f2 =
      "ITEM: TIMESTEP\n10\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS id type xu yu zu\n1 1 0 0 0\n2 1 0 0 0\n";
  const std::string p = d.write("c.dump", f1 + f2);
  EXPECT_EQ(expect_error(p), p + ":14:1: frame 1, NUMBER OF ATOMS: atom count changes from 1 (frame 0) to 2; "
                                 "analysis needs a fixed set of atoms");
}

TEST(DumpReaderErrors, DuplicateIdAndBadBoxAndUnknownItem) {
  TempDir d;
  const std::string head = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n";
  const std::string p = d.write("dup.dump", head + "0 1\n0 1\n0 1\nITEM: ATOMS id type xu yu zu\n1 1 0 0 0\n1 1 0 0 0\n");
  EXPECT_EQ(expect_error(p), p + ":11: frame 0, column id: atom id 1 appears twice in the frame");
  const std::string q = d.write("box.dump", head + "0 1\n0 1\n5 1\nITEM: ATOMS id type xu yu zu\n");
  EXPECT_EQ(expect_error(q), q + ":8: frame 0, BOX BOUNDS z: expected hi > lo");
  const std::string r = d.write("item.dump", "ITEM: TIMESTEP\n0\nITEM: BONDS\n");
  EXPECT_EQ(expect_error(r), r + ":3: frame 0, header: unknown item 'ITEM: BONDS'");
  const std::string s = d.write("notdump.dump", "hello\n");
  EXPECT_EQ(expect_error(s), s + ":1: frame 0, header: expected an 'ITEM:' line, got 'hello'");
}

TEST(DumpReaderErrors, MissingFile) {
  EXPECT_EQ(expect_error("/nonexistent/x.dump"), "/nonexistent/x.dump: cannot open dump file: No such file or directory");
}
