// The tiny two-engine comparison (cases/smoke/cuzr-two-engine.yaml): the same
// case run by OpenMM (CPU platform) and by LAMMPS, analysed, compared.  Every
// observable the case supports is compared in both stages, and nothing is
// decidedly different (a units or conversion slip -- total vs per-atom energy,
// Angstrom vs nm, a wrong element mapping -- fails here by orders of magnitude).
#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "analysis/run_directory_analysis.hpp"
#include "cases/case_loader.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "compare/run_comparison.hpp"
#include "core/atomic_file.hpp"
#include "lammps/lammps_runner.hpp"
#include "runners/protocol_runner.hpp"

using namespace gb;

TEST(TwoEngineCompare, OpenMMAndLammpsAgreeOnTheSmokeLiquid) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  gb::testing::TempDir tmp("gb-two-engine");
  const cases::Case c = cases::load_case(std::string(GB_SOURCE_DIR) + "/cases/smoke/cuzr-two-engine.yaml");
  runners::RunOptions ro;
  ro.out_dir = tmp.file("openmm");
  ro.echo_log = false;
  ro.handle_signals = false;
  runners::ProtocolRunner(c, ro).run();
  lammps::LammpsRunOptions lo;
  lo.out_dir = tmp.file("lammps");
  lo.echo_log = false;
  lo.launcher.lmp = gb::testing::lammps_executable();
  lammps::run_lammps_case(c, lo);
  analysis::StageAnalysisOptions ao;
  analysis::analyze_run_directory(ro.out_dir, ao, "test");
  analysis::analyze_run_directory(lo.out_dir, ao, "test");

  const auto a = compare::open_run_set(ro.out_dir), b = compare::open_run_set(lo.out_dir);
  EXPECT_EQ(a.engine, "openmm");
  EXPECT_EQ(b.engine, "lammps");
  const auto cs = compare::compare_run_sets(a, b, {});
  std::cout << compare::comparisons_table(cs);
  write_file_atomically(tmp.file("compare.json"), compare::comparisons_json(cs, a, b).dump(2));
  std::set<std::string> seen;
  for (const auto& x : cs) {
    seen.insert(x.stage + ":" + x.observable);
    EXPECT_NE(x.verdict, compare::Verdict::Fail) << x.stage << " " << x.observable << ": " << x.reason;
  }
  for (const char* k : {"01-liquid:density_g_cm3", "01-liquid:potential_energy_eV_per_atom", "01-liquid:temperature_K",
                        "02-isothermal-1800K:density_g_cm3", "02-isothermal-1800K:gr_Cu_Zr",
                        "02-isothermal-1800K:w6hat_Cu"})
    EXPECT_TRUE(seen.count(k)) << k;
}
