// `glassbench eval` end to end against LAMMPS on the shipped main-job
// configuration (cases/cuzr/cu64zr36-2000.data): energy, virial pressure
// tensor and the forces file, openmm engine on the Reference platform.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "eval_runner.hpp"
#include "glassbench/version_info.hpp"

namespace {

TEST(EvalVsLammps, ShippedCuZrConfiguration) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  // GLASSBENCH_SOURCE_DIR if the environment has it, else the configured source dir.
  const char* src = std::getenv("GLASSBENCH_SOURCE_DIR");
  const std::string data = std::string(src && *src ? src : gb::build::kSourceDir) + "/cases/cuzr/cu64zr36-2000.data";
  gb::testing::TempDir dir;
  const auto r = gb::testing::run_glassbench("eval --potential CuZr_mm.eam.fs --elements Cu Zr --data '" + data +
                                                 "' --platform Reference --forces '" + dir.file("f.dump") + "'",
                                             dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const gb::AtomConfig cfg = gb::read_lammps_data(data);
  const auto l = gb::testing::run_lammps_static(
      cfg, {"eam/fs", {"* * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr"}});
  const double n = static_cast<double>(cfg.size());
  // LAMMPS-exact interpolation on Reference: rounding (measured ~1e-14 eV/atom).
  EXPECT_LE(std::fabs(r.num("energy") - l.energy_eV) / n, 1e-11);
  const char* keys[6] = {"pxx", "pyy", "pzz", "pxy", "pxz", "pyz"};
  double scale = 0;
  for (double p : l.pressure_virial_bar) scale = std::max(scale, std::fabs(p));
  for (int k = 0; k < 6; ++k)  // issue: stress within 1e-6 relative; rounding gives ~1e-14
    EXPECT_LE(std::fabs(r.num(keys[k]) - l.pressure_virial_bar[k]) / scale, 1e-10) << keys[k];
  const auto f = gb::testing::read_forces_file(dir.file("f.dump"));
  ASSERT_EQ(f.ids.size(), cfg.size());
  // Forces file is sorted by id; LAMMPS results come in config order.
  std::map<long, size_t> idx;
  for (size_t i = 0; i < cfg.size(); ++i) idx[cfg.ids[i]] = i;
  double worst = 0;
  for (size_t k = 0; k < f.ids.size(); ++k)
    worst = std::max(worst, (f.forces[k] - l.forces_eV_per_A[idx.at(f.ids[k])]).norm());
  std::cout << "[eval vs lammps] |dE|/N = " << std::fabs(r.num("energy") - l.energy_eV) / n
            << " eV/atom, max|dF| = " << worst << " eV/A\n";
  EXPECT_LE(worst, 1e-7);  // as tests/openmm: LAMMPS-exact tables, rounding + cutoff sliver
}

}  // namespace
