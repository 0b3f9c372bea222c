// Green-Kubo against LAMMPS (issue 11 §3): LAMMPS runs a 500-atom Cu64Zr36
// liquid at 2000 K (CuZr_mm.eam.fs, NVT, 2 fs) and writes
//   A) 20 ps of the pressure tensor every 10 fs (fix ave/time) together with
//      its own autocorrelation of the same five components over that run
//      (fix ave/correlate type auto ave running);
//   B) a second, later 20 ps of the same liquid with fix ave/correlate
//      ave one: five independent 4 ps blocks, each integrated by the
//      trapezoidal rule (LAMMPS's trap()) to a viscosity.
// Checks: our ACF of series A equals LAMMPS's of the same samples; our
// Green-Kubo eta from A and LAMMPS's from B (same length, same temperature)
// agree within their combined standard error.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "analysis/green_kubo.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"

namespace a = gb::analysis;

namespace {

constexpr double kDtPs = 0.002;
constexpr int kEvery = 5, kLags = 100;

const char* kInput = R"(units metal
atom_style atomic
boundary p p p
region box block 0 20.45 0 20.45 0 20.45
create_box 2 box
create_atoms 1 random 320 4321 NULL
create_atoms 2 random 180 4322 NULL
mass 1 63.546
mass 2 91.224
pair_style soft 2.2
pair_coeff * * 20.0
minimize 0 1e-6 1000 10000
pair_style eam/fs
pair_coeff * * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr
minimize 0 1e-4 200 2000
reset_timestep 0
velocity all create 2000 777 dist gaussian mom yes rot no
fix nvt all nvt temp 2000 2000 0.1
timestep 0.002
thermo 2000
run 2000
reset_timestep 0
variable pxx equal pxx
variable pyy equal pyy
variable pzz equal pzz
variable pxy equal pxy
variable pxz equal pxz
variable pyz equal pyz
variable d1 equal 0.5*(pxx-pyy)
variable d2 equal 0.5*(pyy-pzz)
variable V equal vol
variable T equal temp
fix S all ave/time 5 1 5 v_pxx v_pyy v_pzz v_pxy v_pxz v_pyz v_V v_T file series_a.txt format " %.17g"
fix C all ave/correlate 5 100 10000 v_pxy v_pxz v_pyz v_d1 v_d2 type auto ave running file acf_a.txt
run 10000
unfix S
unfix C
run 1000
reset_timestep 0
fix C2 all ave/correlate 5 100 2000 v_pxy v_pxz v_pyz v_d1 v_d2 type auto ave one file acf_b.txt
fix TV all ave/time 5 2000 10000 v_T v_V file tv_b.txt format " %.17g"
run 10000
)";

// Blocks of fix ave/correlate output: per block, rows of (count, 5 values).
struct AcfBlock {
  std::vector<double> count;
  std::vector<std::array<double, 5>> c;
};

std::vector<AcfBlock> read_acf(const std::string& path) {
  std::ifstream in(path);
  std::vector<AcfBlock> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream h(line);
    long step, rows;
    h >> step >> rows;
    AcfBlock b;
    for (long r = 0; r < rows && std::getline(in, line); ++r) {
      std::istringstream s(line);
      double idx, delta, cnt;
      std::array<double, 5> v{};
      s >> idx >> delta >> cnt;
      for (double& x : v) s >> x;
      b.count.push_back(cnt);
      b.c.push_back(v);
    }
    // LAMMPS also writes the setup step's single sample (count 1): not a block.
    if (!b.count.empty() && b.count[0] >= 10) out.push_back(b);
  }
  return out;
}

a::StressSeries read_series(const std::string& path) {
  std::ifstream in(path);
  a::StressSeries s;
  s.source = path;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream r(line);
    long step;
    double v[8];
    r >> step;
    for (double& x : v) r >> x;
    s.steps.push_back(step);
    s.time_ps.push_back(step * kDtPs);
    for (int k = 0; k < 6; ++k) s.p_bar[k].push_back(v[k]);
    s.volume_A3.push_back(v[6]);
    s.temperature_K.push_back(v[7]);
  }
  return s;
}

}  // namespace

TEST(GreenKuboVsLammps, SameSeriesSameAcfAndIndependentRunsSameViscosity) {
  if (!gb::testing::lammps_available()) GTEST_SKIP() << gb::testing::lammps_skip_message();
  gb::testing::TempDir dir("glassbench-gk");
  dir.write("in.lmp", kInput);
  const std::string cmd = "cd '" + dir.path() + "' && '" + gb::testing::lammps_executable() +
                          "' -in in.lmp -log log.lammps -echo none -screen none > stdout.txt 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "LAMMPS failed; see " << dir.path();

  const a::StressSeries A = read_series(dir.file("series_a.txt"));
  ASSERT_EQ(A.size(), 2001u);  // steps 0..10000 every 5
  const auto acf_a = read_acf(dir.file("acf_a.txt"));
  ASSERT_EQ(acf_a.size(), 1u);
  ASSERT_EQ(acf_a[0].c.size(), static_cast<size_t>(kLags));
  ASSERT_EQ(acf_a[0].count[0], 2001);  // LAMMPS correlated exactly our samples

  // 1. Same samples, same ACF: raw products (ave/correlate does not subtract
  //    the mean); LAMMPS prints 6 significant digits (%g): 2e-5 of C(0).
  const auto comps = a::traceless_components(A);
  for (int c = 0; c < 5; ++c) {
    const auto ours = a::autocorrelation(comps[c], kLags - 1);
    const double c0 = acf_a[0].c[0][c];
    for (int k = 0; k < kLags; ++k)
      EXPECT_NEAR(ours[k], acf_a[0].c[k][c], 2e-5 * std::fabs(c0)) << a::green_kubo_components()[c] << " lag " << k;
  }

  // 2. Independent runs: our Green-Kubo on A vs LAMMPS's trapezoidal
  //    integrals of its five ave-one blocks of B.
  const a::GreenKuboResult ours = a::green_kubo({A});
  const auto blocks = read_acf(dir.file("acf_b.txt"));
  ASSERT_EQ(blocks.size(), 5u);
  std::ifstream tv(dir.file("tv_b.txt"));
  std::string line;
  double T_b = 0, V_b = 0;
  while (std::getline(tv, line))
    if (!line.empty() && line[0] != '#') {
      double step;
      std::istringstream(line) >> step >> T_b >> V_b;
    }
  const double factor = a::green_kubo_factor(V_b, T_b) * kEvery * kDtPs;
  std::vector<double> eta_b;
  for (const auto& b : blocks) {
    double trap = 0;  // LAMMPS trap(): sum with the first and last values halved
    for (int k = 0; k < kLags; ++k) {
      double m = 0;
      for (double x : b.c[k]) m += x / 5;
      trap += (k == 0 || k == kLags - 1) ? 0.5 * m : m;
    }
    eta_b.push_back(factor * trap);
  }
  double m = 0, ss = 0;
  for (double e : eta_b) m += e / 5;
  for (double e : eta_b) ss += (e - m) * (e - m);
  const double se_b = std::sqrt(ss / 4 / 5);
  const double comb = std::hypot(ours.eta_se_Pa_s, se_b);
  std::cout << "[ GK ] glassbench (series A): eta = " << ours.eta_Pa_s * 1e3 << " +- " << ours.eta_se_Pa_s * 1e3
            << " mPa s (cut-off " << ours.cutoff_ps << " ps, T = " << ours.temperature_K
            << " K); LAMMPS ave/correlate (run B): eta = " << m * 1e3 << " +- " << se_b * 1e3
            << " mPa s (T = " << T_b << " K); difference " << (ours.eta_Pa_s - m) / comb << " combined SE\n";
  EXPECT_NEAR(T_b, 2000, 60);  // NVT at 2000 K, 500 atoms: <T> within ~1 %; 3 %
  EXPECT_GT(ours.eta_Pa_s, 0);
  // Same liquid, independent samples: within 3 combined standard errors.
  EXPECT_LT(std::fabs(ours.eta_Pa_s - m), 3 * comb);
}
