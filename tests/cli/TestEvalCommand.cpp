// `glassbench eval`: both engines on one data file, the output format, the
// forces file, clean stdout, and clear errors for bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <sstream>

#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "core/structure_builder.hpp"
#include "eval_runner.hpp"

namespace {

using gb::testing::run_glassbench;

// 300-atom Cu64Zr36 (edge 17.1 A > 2 x 7.6 A), ids shuffled so that
// "sorted by id" in the forces file is a real check.
std::string write_config(const gb::testing::TempDir& dir) {
  gb::AtomConfig cfg = gb::random_structure({{"Cu", 192}, {"Zr", 108}}, {63.546, 91.224}, 0.06, 2.0, 77);
  std::reverse(cfg.ids.begin(), cfg.ids.end());
  const std::string p = dir.file("cuzr.data");
  gb::write_lammps_data(p, cfg, "eval test");
  return p;
}

TEST(EvalCommand, EnginesAgreeAndOutputIsKeyValue) {
  gb::testing::TempDir dir;
  const std::string data = write_config(dir);
  const std::string common = "eval --potential CuZr_mm.eam.fs --elements Cu Zr --data '" + data + "'";
  const auto cpu = run_glassbench(common + " --engine cpu --forces '" + dir.file("cpu.dump") + "'", dir.path());
  ASSERT_EQ(cpu.exit_code, 0) << cpu.err;
  const auto omm = run_glassbench(common + " --engine openmm --platform Reference --forces '" +
                                      dir.file("omm.dump") + "'", dir.path());
  ASSERT_EQ(omm.exit_code, 0) << omm.err;
  EXPECT_EQ(omm.err, "");  // no plugin-load or PoCL noise

  for (const auto* r : {&cpu, &omm}) {
    for (const char* k : {"energy", "natoms", "pxx", "pyy", "pzz", "pxy", "pxz", "pyz", "platform", "precision"})
      EXPECT_TRUE(r->values.count(k)) << k << " missing in\n" << r->out;
    EXPECT_EQ(r->values.at("natoms"), "300");
  }
  EXPECT_EQ(omm.values.at("platform"), "Reference");
  EXPECT_EQ(omm.values.at("precision"), "double");
  // The default force on Reference is the native one, with its own virial.
  EXPECT_EQ(omm.values.at("force"), "native");
  EXPECT_EQ(omm.values.at("pressure_source"), "native-force-virial");
  EXPECT_EQ(cpu.values.at("force"), "none");
  // Two independent implementations of LAMMPS's interpolant in double
  // precision: rounding of a ~1e3 eV sum.
  EXPECT_NEAR(omm.num("energy"), cpu.num("energy"), 1e-9 * std::fabs(cpu.num("energy")));
  // Brute-force Reference virial vs the evaluator's: rounding of ~1e5 bar sums.
  EXPECT_NEAR(omm.num("pxx"), cpu.num("pxx"), 1e-9 * std::fabs(cpu.num("pxx")));
  // --force custom: the CustomGBForce, pressure from the CPU evaluator.
  const auto custom = run_glassbench(common + " --engine openmm --platform Reference --force custom", dir.path());
  ASSERT_EQ(custom.exit_code, 0) << custom.err;
  EXPECT_EQ(custom.values.at("force"), "custom");
  EXPECT_EQ(custom.values.at("pressure_source"), "cpu-evaluator");
  EXPECT_EQ(custom.values.at("pxx"), cpu.values.at("pxx"));  // same source (CPU evaluator)
  EXPECT_NEAR(custom.num("energy"), cpu.num("energy"), 1e-9 * std::fabs(cpu.num("energy")));
  const auto bad = run_glassbench(common + " --engine openmm --force fast", dir.path());
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--force"), std::string::npos) << bad.err;

  const auto fc = gb::testing::read_forces_file(dir.file("cpu.dump"));
  const auto fo = gb::testing::read_forces_file(dir.file("omm.dump"));
  ASSERT_EQ(fc.ids.size(), 300u);
  ASSERT_EQ(fo.ids.size(), 300u);
  EXPECT_EQ(fc.header.front(), "ITEM: TIMESTEP");
  EXPECT_EQ(fc.header.back(), "ITEM: ATOMS id type fx fy fz");
  EXPECT_TRUE(std::is_sorted(fc.ids.begin(), fc.ids.end()));
  EXPECT_EQ(fc.ids.front(), 1);
  for (size_t i = 0; i < 300; ++i) {
    EXPECT_EQ(fc.ids[i], fo.ids[i]);
    EXPECT_EQ(fc.types[i], fo.types[i]);
    EXPECT_LT((fc.forces[i] - fo.forces[i]).norm(), 1e-7);  // rounding; forces up to ~20 eV/A
  }
  // Provenance next to the forces file.
  EXPECT_NE(gb::testing::slurp(dir.file("omm.dump.provenance")).find("git_commit"), std::string::npos);
}

TEST(EvalCommand, OpenCLOutputIsClean) {
  gb::testing::TempDir dir;
  const std::string data = write_config(dir);
  const auto r = run_glassbench("eval --potential CuZr_mm.eam.fs --elements Cu Zr --data '" + data +
                                    "' --platform OpenCL",
                                dir.path());
  if (r.exit_code == 2 && r.err.find("not available") != std::string::npos) GTEST_SKIP() << "no OpenCL platform";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::regex kv("^[a-z_]+ \\S.*$");
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) EXPECT_TRUE(std::regex_match(line, kv)) << "not a key-value line: " << line;
  EXPECT_EQ(r.values.at("platform"), "OpenCL");
}

TEST(EvalCommand, BadInputGivesClearErrors) {
  gb::testing::TempDir dir;
  const std::string data = write_config(dir);
  const std::string base = "eval --potential CuZr_mm.eam.fs --data '" + data + "'";
  auto r = run_glassbench(base + " --elements Cu Zr --platform Bogus", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Reference"), std::string::npos) << r.err;  // lists what is available
  r = run_glassbench(base + " --elements Cu", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(data), std::string::npos) << r.err;  // names the data file
  r = run_glassbench(base + " --elements Cu Xx", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Xx"), std::string::npos) << r.err;
  r = run_glassbench(base + " --elements Cu Zr --platform Reference --precision single", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  r = run_glassbench(base + " --elements Cu Zr --engine gpu", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  r = run_glassbench("eval --potential NoSuchFile.eam.fs --elements Cu Zr --data '" + data + "'", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NoSuchFile.eam.fs"), std::string::npos) << r.err;
  r = run_glassbench("eval --help", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--forces"), std::string::npos);
}

}  // namespace
