// Reading the frame to analyse: dump or data file, frame selection, and the
// two ways of marking fast atoms, with errors that name file, line and flag.
#include <gtest/gtest.h>

#include "analysis/order_frame_input.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/lammps_dump.hpp"
#include "order_test_structures.hpp"

namespace ga = gb::analysis;
namespace t = gb::testing;

namespace {
gb::DumpFrame to_frame(const gb::AtomConfig& c, long step) {
  gb::DumpFrame f;
  f.timestep = step;
  f.box = c.box;
  f.ids = c.ids;
  f.types = c.types;
  f.positions = c.positions;
  f.unwrapped = true;
  return f;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST(OrderFrameInput, DumpFramesByIndexFromStartAndEnd) {
  t::TempDir dir;
  const auto cfg = t::random_dense(50, 51);
  for (bool gz : {false, true}) {
    const std::string path = dir.file(gz ? "t.dump.gz" : "t.dump");
    {
      gb::DumpWriter::Options o;
      o.gzip = gz;
      gb::DumpWriter w(path, o);
      for (int k = 0; k < 3; ++k) {
        auto f = to_frame(cfg, 100 * k);
        for (auto& p : f.positions) p.x += k;  // frames differ
        w.write(f);
      }
    }
    EXPECT_EQ(ga::detect_order_input_format(path), ga::OrderInputFormat::Dump);
    const auto f1 = ga::read_order_frame(path, 1);
    EXPECT_EQ(f1.timestep, 100);
    EXPECT_EQ(f1.frame, 1);
    EXPECT_TRUE(f1.unwrapped);
    EXPECT_NEAR(f1.positions[0].x, cfg.positions[0].x + 1, 1e-12);  // %.17g round trip
    const auto last = ga::read_order_frame(path, -1);
    EXPECT_EQ(last.timestep, 200);
    EXPECT_EQ(last.frame, 2);
    EXPECT_EQ(ga::read_order_frame(path, -3).timestep, 0);
    const std::string e = error_of([&] { ga::read_order_frame(path, 3); });
    EXPECT_NE(e.find(path), std::string::npos) << e;
    EXPECT_NE(e.find("--frame"), std::string::npos) << e;
    EXPECT_NE(e.find("only 3 frame"), std::string::npos) << e;
    EXPECT_NE(error_of([&] { ga::read_order_frame(path, -4); }).find("only 3 frame"), std::string::npos);
  }
}

TEST(OrderFrameInput, DataFileIsOneFrame) {
  t::TempDir dir;
  const auto cfg = t::random_dense(50, 52);
  const std::string path = dir.file("c.data");
  gb::write_lammps_data(path, cfg, "test");
  EXPECT_EQ(ga::detect_order_input_format(path), ga::OrderInputFormat::Data);
  const auto f = ga::read_order_frame(path, 0);
  EXPECT_EQ(f.ids, cfg.ids);
  EXPECT_EQ(f.types, cfg.types);
  const std::string e = error_of([&] { ga::read_order_frame(path, 2); });
  EXPECT_NE(e.find("--frame"), std::string::npos) << e;
  EXPECT_NE(error_of([&] { ga::read_order_frame(dir.file("missing"), 0); }).find("no such file"), std::string::npos);
  EXPECT_NE(error_of([] { ga::parse_order_input_format("xyz"); }).find("auto, dump or data"), std::string::npos);
}

TEST(OrderFrameInput, TruncatedDumpNamesFileAndLine) {
  t::TempDir dir;
  const std::string path = dir.write("bad.dump",
                                     "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n"
                                     "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n");
  const std::string e = error_of([&] { ga::read_order_frame(path, 0); });
  EXPECT_NE(e.find("bad.dump"), std::string::npos) << e;
}

TEST(OrderFrameInput, FastAtomsFromIdFile) {
  t::TempDir dir;
  const std::vector<long> ids{5, 7, 9, 11};
  const auto fast = ga::fast_flags_from_id_file(dir.write("fast.txt", "# fast atoms\n7 11 # two\n\n"), ids);
  EXPECT_EQ(fast, (std::vector<char>{0, 1, 0, 1}));
  const std::string e1 = error_of([&] { ga::fast_flags_from_id_file(dir.write("b1.txt", "7\n8\n"), ids); });
  EXPECT_NE(e1.find("b1.txt:2"), std::string::npos) << e1;
  EXPECT_NE(e1.find("no atom with id 8"), std::string::npos) << e1;
  const std::string e2 = error_of([&] { ga::fast_flags_from_id_file(dir.write("b2.txt", "7 x7\n"), ids); });
  EXPECT_NE(e2.find("b2.txt:1"), std::string::npos) << e2;
}

TEST(OrderFrameInput, FastAtomsFromDisplacement) {
  ga::OrderFrame a, b;
  a.ids = b.ids = {1, 2, 3};
  a.positions = {{0, 0, 0}, {1, 1, 1}, {2, 2, 2}};
  b.positions = {{2.5, 0, 0}, {1, 1, 2.9}, {2, 2, 2}};  // 2.5 A, 1.9 A, 0
  a.unwrapped = b.unwrapped = true;
  EXPECT_EQ(ga::fast_flags_from_frames(b, a, 2.0), (std::vector<char>{1, 0, 0}));
  EXPECT_EQ(ga::fast_flags_from_frames(b, a, 1.5), (std::vector<char>{1, 1, 0}));
  a.unwrapped = false;
  a.description = "x.dump frame 0";
  EXPECT_NE(error_of([&] { ga::fast_flags_from_frames(b, a, 2.0); }).find("unwrapped"), std::string::npos);
  a.unwrapped = true;
  a.ids = {1, 2, 4};
  EXPECT_NE(error_of([&] { ga::fast_flags_from_frames(b, a, 2.0); }).find("different atoms"), std::string::npos);
}
