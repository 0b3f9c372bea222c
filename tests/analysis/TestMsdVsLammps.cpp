// Against LAMMPS on the same frames: LAMMPS runs a small two-species LJ
// liquid in a triclinic box, writes `compute msd` (all atoms and per type,
// reference = frame 0) at every dump step and an unwrapped dump at %.17g;
// our MSD from that dump with the single origin 0 must agree.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "analysis/msd.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"

using namespace gb::analysis;

TEST(MsdVsLammps, SingleOriginMatchesComputeMsd) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  gb::testing::TempDir d;
  const std::string in = d.write("in.msd", R"(units metal
atom_style atomic
boundary p p p
lattice fcc 3.6
region box prism 0 4 0 4 0 4 1 -1 0.5
create_box 2 box
create_atoms 1 box
set type 1 type/fraction 2 0.35 2024
mass 1 63.546
mass 2 91.224
pair_style lj/cut 5.0
pair_coeff * * 0.4 2.28
velocity all create 9000 4928459 mom yes rot no
group A type 1
group B type 2
compute mall all msd
compute mA A msd
compute mB B msd
fix 1 all nve
fix 2 all ave/time 20 1 20 c_mall[4] c_mA[4] c_mB[4] file msd.txt format " %.17g"
dump 1 all custom 20 traj.dump id type xu yu zu
dump_modify 1 sort id format float %.17g
thermo 100
run 400
)");
  const std::string cmd = "cd " + d.path() + " && " + gb::testing::lammps_executable() +
                          " -in in.msd -log log.lammps -screen none > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "LAMMPS failed; see " << d.file("log.lammps");
  const auto traj = load_trajectory(d.file("traj.dump"), {0.001, 0.0});
  ASSERT_EQ(traj.frames(), 21u);
  // LAMMPS's reference is where each atom was at step 0 = our frame 0.
  std::vector<int> lags;
  for (int l = 1; l < 21; ++l) lags.push_back(l);
  std::vector<std::vector<int>> groups(3);
  for (size_t a = 0; a < traj.atoms(); ++a) {
    groups[0].push_back(a);
    groups[traj.types[a]].push_back(a);
  }
  const auto ours = msd_at_lags(traj, 0, 21, lags, groups, /*stride=*/21, 1, false);
  std::ifstream msd(d.file("msd.txt"));
  std::string line;
  int rows = 0;
  double max_rel = 0, last_all = 0;
  while (std::getline(msd, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    long step;
    double m[3];
    s >> step >> m[0] >> m[1] >> m[2];
    if (step == 0) continue;
    const int l = static_cast<int>(step / 20) - 1;
    for (int g = 0; g < 3; ++g) max_rel = std::max(max_rel, std::abs(ours[g][l] - m[g]) / m[g]);
    last_all = m[0];
    ++rows;
  }
  EXPECT_EQ(rows, 20);
  EXPECT_GT(last_all, 1.0);  // the liquid really diffused (atoms crossed the periodic box)
  // Same doubles in, same sums out: only summation order and %.17g printing differ.
  EXPECT_LT(max_rel, 1e-10);
  RecordProperty("max_relative_difference", std::to_string(max_rel));
  std::cout << "MSD vs LAMMPS compute msd: max relative difference " << max_rel << "\n";
}
