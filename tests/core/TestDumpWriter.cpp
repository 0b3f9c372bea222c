// DumpWriter: round trips through DumpReader (orthogonal, triclinic, gzip,
// wrapped+image columns, extra columns) and resume-after-frame-K.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/lammps_dump.hpp"

using gb::DumpFrame;
using gb::DumpReader;
using gb::DumpWriter;
using gb::testing::TempDir;

namespace {

DumpFrame make_frame(long step, bool triclinic) {
  DumpFrame f;
  f.timestep = step;
  f.box.lo = {-1.5, 0.25, 2.0};
  f.box.lx = 12.3;
  f.box.ly = 11.1;
  f.box.lz = 10.7;
  if (triclinic) f.box.xy = 1.1, f.box.xz = -0.7, f.box.yz = 0.35;
  for (int i = 0; i < 5; ++i) {
    f.ids.push_back(i + 1);
    f.types.push_back(1 + i % 2);
    // Unwrapped positions up to a couple of boxes away, not representable exactly in decimal.
    f.positions.push_back({-20.0 + 9.1 * i + step * 0.013, 1.0 / 3.0 + i * 7.7, 25.0 - 6.3 * i});
  }
  f.extra_columns["fx"] = {0.1, -0.2, 1.0 / 7.0, 3e-9, -4.5};
  f.unwrapped = true;
  return f;
}

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(DumpWriter, RoundTripUnwrappedAndImageColumnsOrthoAndTriclinic) {
  for (bool tri : {false, true}) {
    for (bool gz : {false, true}) {
      TempDir d;
      const std::string p = d.file(gz ? "t.dump.gz" : "t.dump");
      {
        DumpWriter w(p, {{"id", "type", "xu", "yu", "zu", "fx"}, 17, gz});
        w.write(make_frame(0, tri));
        w.write(make_frame(10, tri));
      }
      const auto back = DumpReader::read_all(p);
      ASSERT_EQ(back.size(), 2u);
      const auto ref = make_frame(10, tri);
      EXPECT_EQ(back[1].timestep, 10);
      for (size_t a = 0; a < 5; ++a) {
        // %.17g round-trips doubles exactly.
        EXPECT_EQ(back[1].positions[a].x, ref.positions[a].x);
        EXPECT_EQ(back[1].positions[a].z, ref.positions[a].z);
        EXPECT_EQ(back[1].extra_columns.at("fx")[a], ref.extra_columns.at("fx")[a]);
      }
      // Box recovered from the bounding-box convention; rounding of lo+min(..) costs ~1 ulp.
      EXPECT_NEAR(back[1].box.lx, ref.box.lx, 1e-13);
      EXPECT_EQ(back[1].box.xy, ref.box.xy);

      // x y z + ix iy iz: the wrap is undone on reading up to rounding of the wrap (~1e-14 A).
      const std::string q = d.file("img.dump");
      {
        DumpWriter w(q, {{"id", "type", "x", "y", "z", "ix", "iy", "iz"}, 17, false});
        w.write(ref);
      }
      const auto img = DumpReader::read_all(q);
      for (size_t a = 0; a < 5; ++a) EXPECT_LT((img[0].positions[a] - ref.positions[a]).norm(), 1e-12);
    }
  }
}

TEST(DumpWriter, ChosenPrecisionAndUnknownColumn) {
  TempDir d;
  const std::string p = d.file("p.dump");
  {
    DumpWriter w(p, {{"id", "type", "xu"}, 6, false});
    auto f = make_frame(0, false);
    f.positions[0].x = 1.0 / 3.0;
    w.write(f);
  }
  EXPECT_NE(slurp(p).find("\n1 1 0.333333\n"), std::string::npos);
  DumpWriter w(d.file("q.dump"), {{"id", "type", "c_pe"}, 17, false});
  EXPECT_THROW(w.write(make_frame(0, false)), std::invalid_argument);
}

TEST(DumpWriter, ResumeKeepsKFramesAndDropsAPartialFrame) {
  for (bool gz : {false, true}) {
    TempDir d;
    const std::string p = d.file(gz ? "r.dump.gz" : "r.dump");
    DumpWriter::Options opt{{"id", "type", "xu", "yu", "zu"}, 17, gz};
    {
      DumpWriter w(p, opt);
      for (int k = 0; k < 4; ++k) w.write(make_frame(k * 100, false));
    }
    if (!gz) {
      // Simulate a crash in the middle of frame 4: half a frame at the end.
      std::ofstream app(p, std::ios::app);
      app << "ITEM: TIMESTEP\n400\nITEM: NUMBER OF ATOMS\n5\nITEM: BOX BO";
    }
    {
      auto w = DumpWriter::resume(p, opt, 2);  // keep frames 0 and 1
      EXPECT_EQ(w->frames_written(), 2);
      w->write(make_frame(777, false));
      w->flush();
    }
    const auto back = DumpReader::read_all(p);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back[0].timestep, 0);
    EXPECT_EQ(back[1].timestep, 100);
    EXPECT_EQ(back[2].timestep, 777);
    EXPECT_THROW(DumpWriter::resume(p, opt, 5), gb::InputError);
  }
}
