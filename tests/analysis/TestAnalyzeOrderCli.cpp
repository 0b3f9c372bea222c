// `glassbench analyze order` end to end on a LAMMPS dump and a LAMMPS data
// file written by the test, plus exit code and message for bad input.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "core/lammps_dump.hpp"
#include "order_test_structures.hpp"

namespace t = gb::testing;

namespace {

struct Run {
  int rc;
  std::string output;
};

Run glassbench(const t::TempDir& dir, const std::string& args) {
  const std::string log = dir.file("cli.log");
  const std::string cmd = "cd '" + dir.path() + "' && '" GB_GLASSBENCH_EXE "' analyze order " + args + " > '" + log +
                          "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream f(log);
  std::stringstream s;
  s << f.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, s.str()};
}

/// Two frames of a binary fcc crystal.  In frame 1 everything has moved
/// rigidly by 0.1 A, and 7 atoms have hopped onto each other's sites (two
/// swapped pairs and a ring of three, hops of a/sqrt2 = 2.55 A > 2 A), so
/// the structure is still perfect fcc and exactly 7 atoms are fast.
std::string write_dump(const t::TempDir& dir) {
  auto cfg = t::fcc_crystal(3.61, 3);
  for (size_t i = 0; i < cfg.size(); ++i) cfg.types[i] = i % 3 == 0 ? 2 : 1;
  gb::DumpWriter w(dir.file("traj.dump"), gb::DumpWriter::Options{});
  gb::DumpFrame f;
  f.box = cfg.box;
  f.ids = cfg.ids;
  f.types = cfg.types;
  f.unwrapped = true;
  f.positions = cfg.positions;
  w.write(f);
  f.timestep = 1000;
  const auto& p = cfg.positions;  // atoms 0-3: basis of cell (0,0,0); 4-7: of cell (0,0,1)
  f.positions[0] = p[1];
  f.positions[1] = p[0];
  f.positions[2] = p[3];
  f.positions[3] = p[2];
  f.positions[4] = p[5];
  f.positions[5] = p[6];
  f.positions[6] = p[4];
  for (auto& x : f.positions) x.z += 0.1;
  w.write(f);
  w.close();
  return dir.file("traj.dump");
}

}  // namespace

TEST(AnalyzeOrderCli, DumpWithMobilityClasses) {
  t::TempDir dir;
  write_dump(dir);
  const auto r = glassbench(dir, "--input traj.dump --frame 1 --elements Cu Zr --reference-frame 0 --out order.csv");
  ASSERT_EQ(r.rc, 0) << r.output;
  std::ifstream csv(dir.file("order.csv"));
  std::string line;
  int rows = 0;
  while (std::getline(csv, line)) {
    if (line[0] == '#' || line.rfind("id,", 0) == 0) continue;
    ++rows;
    // Rigid-ish crystal: every atom keeps the fcc polyhedron (nneigh 12) and w^6.
    std::stringstream s(line);
    std::vector<std::string> c;
    std::string x;
    while (std::getline(s, x, ',')) c.push_back(x);
    ASSERT_EQ(c.size(), 8u) << line;
    EXPECT_EQ(c[2], "12");
    EXPECT_NEAR(std::stod(c[7]), -0.01316, 6e-6);  // Steinhardt 1983 fcc, 5 decimals
  }
  EXPECT_EQ(rows, 108);
  std::ifstream js(dir.file("order.json"));
  const auto j = nlohmann::json::parse(js);
  int fast_all = -1;
  for (const auto& g : j["groups"])
    if (g["species"] == "all" && g["mobility"] == "fast") fast_all = g["atoms"];
  EXPECT_EQ(fast_all, 7);
  EXPECT_EQ(j["source"]["frame"], 1);
  EXPECT_EQ(j["source"]["timestep"], 1000);
}

TEST(AnalyzeOrderCli, DataFileWithNearestNeighbours) {
  t::TempDir dir;
  gb::write_lammps_data(dir.file("bcc.data"), t::bcc_crystal(3.3, 3), "bcc test crystal");
  const auto r = glassbench(dir, "-i bcc.data --neighbors nearest:8 --degrees 6 --out o.csv --json h.json");
  ASSERT_EQ(r.rc, 0) << r.output;
  std::ifstream csv(dir.file("o.csv"));
  std::string line;
  while (std::getline(csv, line) && line[0] == '#') {}
  EXPECT_EQ(line, "id,type,nneigh,volume_A3,q6,w6hat");
  std::getline(csv, line);
  EXPECT_EQ(line.substr(0, 10), "1,1,8,nan,") << "volume is nan without Voronoi: " << line;
  std::ifstream js(dir.file("h.json"));
  EXPECT_TRUE(js.good());
}

TEST(AnalyzeOrderCli, BadInputExitsWithTwoAndSaysWhy) {
  t::TempDir dir;
  write_dump(dir);
  struct Case {
    std::string args, expect;
  };
  for (const auto& c : std::vector<Case>{
           {"-i traj.dump --neighbors nearest:x --out o.csv", "--neighbors 'nearest:x'"},
           {"-i traj.dump --frame 5 --out o.csv", "only 2 frame"},
           {"-i traj.dump --elements Cu --out o.csv", "--elements"},
           {"-i traj.dump --neighbors cutoff:3 --min-face-area 0.1 --out o.csv", "--min-face-area"},
           {"-i traj.dump --fast-threshold 1 --out o.csv", "--reference-frame"},
           {"-i traj.dump --degrees 0 --out o.csv", "--degrees"},
       }) {
    const auto r = glassbench(dir, c.args);
    EXPECT_EQ(r.rc, 2) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.expect), std::string::npos) << c.args << "\n" << r.output;
  }
  std::ofstream(dir.file("cut.dump")) << "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n4\nITEM: BOX BOUNDS pp pp pp\n0 5\n0 5\n";
  const auto r = glassbench(dir, "-i cut.dump --out o.csv");
  EXPECT_EQ(r.rc, 2) << r.output;
  EXPECT_NE(r.output.find("cut.dump"), std::string::npos) << r.output;
}
