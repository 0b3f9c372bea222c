// The run-directory side of MD-DMA and Green-Kubo (viscosity_analysis.hpp):
// a shear stage's stress.csv (replica, t_shear_ps, pxy_bar columns) with known
// moduli, and an isothermal stage's stress.csv, analysed into md_dma.csv/json
// and viscosity.csv/json.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "analysis/csv_table.hpp"
#include "analysis/viscosity_analysis.hpp"
#include "common/temp_dir.hpp"
#include "core/csv_reader.hpp"
#include "core/error.hpp"

namespace a = gb::analysis;

namespace {
// A shear stage at T with E' = Ep, E'' = Epp (GPa), 1 GHz, 1 %, `reps` replicas of 10 cycles.
void write_shear_stage(const std::string& dir, double Ep, double Epp, int reps, uint64_t seed) {
  std::filesystem::create_directories(dir);
  std::ofstream o(dir + "/stress.csv");
  o << "# synthetic\nstep,time_ps,replica,t_shear_ps,strain_xy,pxx_bar,pyy_bar,pzz_bar,pxy_bar,pxz_bar,pyz_bar,volume_A3\n";
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0, 0.02);  // GPa
  long step = 0;
  for (int r = -1; r < reps; ++r) {
    for (int i = 0; i < 400; ++i, step += 1250) {
      const double t = i * 25.0;  // ps, 40 samples per 1000 ps period
      const double w = 2 * M_PI * 1e-3 * t;
      const double sigma = r < 0 ? g(rng) : 0.01 * (Ep * std::sin(w) + Epp * std::cos(w)) + g(rng);
      o << step << "," << step * 0.002 << "," << r << "," << t << "," << 0.01 * std::sin(w) << ",0,0,0,"
        << -sigma * 1e4 << ",0,0,8000\n";
    }
  }
}
}  // namespace

TEST(RunDirectoryDma, ShearStagesToMdDmaCsvAndPeaks) {
  gb::testing::TempDir dir("glassbench-dma-run");
  std::vector<a::TemperatureModuli> temps;
  int k = 0;
  for (double T : {400.0, 450.0, 500.0, 550.0, 600.0}) {
    const double Epp = 2.0 + 1.5 * std::exp(-0.5 * std::pow((T - 500) / 40, 2));
    const std::string st = dir.file("stage" + std::to_string(k));
    write_shear_stage(st, 30.0, Epp, 4, 10 + k++);
    a::ShearStageSpec sp;
    sp.T_K = T;
    const auto r = a::analyze_shear_stage(st, sp);
    EXPECT_EQ(r.moduli.replicas, 4);  // the decorrelation rows (replica -1) are not a replica
    // noise 0.02 GPa, 400 points: SE of a ~ 0.02 sqrt(2/400)/0.01 = 0.14 GPa per replica; 4 SE of the 4-replica mean
    EXPECT_NEAR(r.moduli.storage, 30.0, 4 * 0.14 / 2);
    EXPECT_NEAR(r.moduli.loss, Epp, 4 * 0.14 / 2);
    a::write_shear_stage(dir.file("analysis/stage"), r, "test");
    temps.push_back(r.moduli);
  }
  const auto doc = a::write_md_dma(dir.file("analysis"), temps, 1.0, "test");
  ASSERT_EQ(doc["loss_peaks"].size(), 1u);
  EXPECT_NEAR(doc["loss_peaks"][0]["T_K"].get<double>(), 500, 25);  // half a grid step
  EXPECT_EQ(doc["frequency_GHz"].get<double>(), 1.0);
  const auto t = a::read_csv_table(dir.file("analysis/md_dma.csv"));
  EXPECT_EQ(t.rows.size(), 5u);
  EXPECT_EQ(t.values(t.column("T_K"))[0], 400);
  EXPECT_GT(t.values(t.column("loss_modulus_error_GPa"))[0], 0);
  EXPECT_TRUE(std::filesystem::exists(dir.file("analysis/stage/md_dma_replicas.csv")));
}

TEST(RunDirectoryDma, StageWithoutShearRowsIsAnError) {
  gb::testing::TempDir dir("glassbench-dma-bad");
  std::ofstream(dir.file("stress.csv")) << "step,time_ps,replica,t_shear_ps,pxy_bar\n0,0,-1,0,1\n";
  a::ShearStageSpec sp;
  sp.T_K = 300;
  EXPECT_THROW(a::analyze_shear_stage(dir.path(), sp), gb::InputError);
}

TEST(RunDirectoryDma, IsothermalStressSeriesToViscosityFiles) {
  gb::testing::TempDir dir("glassbench-gk-run");
  const std::string st = dir.file("stages/05-isothermal-2000K");
  std::filesystem::create_directories(st);
  const double phi = std::exp(-0.1);
  {
    // AR(1) components, tau = 10 samples (as TestGreenKubo), no temperature column: the stage T is used.
    std::ofstream o(st + "/stress.csv");
    o << "# synthetic\nstep,time_ps,pxx_bar,pyy_bar,pzz_bar,pxy_bar,pxz_bar,pyz_bar,volume_A3\n";
    std::mt19937_64 rng(3);
    std::normal_distribution<double> g(0, 1);
    const double c = std::sqrt(1 - phi * phi) * 3000;
    double x[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < 50000; ++i) {
      o << i * 5 << "," << i * 0.01 << "," << 2 * x[3] << ",0," << -2 * x[4] << "," << x[0] << "," << x[1] << ","
        << x[2] << ",10000\n";
      for (double& v : x) v = phi * v + c * g(rng);
    }
  }
  a::ViscosityStageOptions opt;
  const auto rec = a::analyze_viscosity_stage(st, 2000, 0.002, dir.file("analysis/05-isothermal-2000K"), opt, "test");
  const double truth = a::green_kubo_factor(10000, 2000) * 9e6 * 0.01 * (1 / (1 - phi) - 0.5);
  const double eta = rec["green_kubo"]["eta_Pa_s"].get<double>(), se = rec["green_kubo"]["eta_error_Pa_s"].get<double>();
  EXPECT_NEAR(eta, truth, 4 * se + 0.03 * truth);  // 4 SE + truncation at the noise floor (as TestGreenKubo)
  EXPECT_TRUE(rec["maxwell"].is_null());            // no trajectory: no tau_alpha
  const auto doc = a::write_viscosity_summary(dir.file("analysis"), {rec}, "test");
  EXPECT_TRUE(doc["inheritance"].is_null());  // one temperature: no Arrhenius law
  const auto t = gb::read_csv(dir.file("analysis/viscosity.csv"));  // nan allowed: no Maxwell columns here
  EXPECT_NEAR(t.number(0, t.column("eta_gk_Pa_s")), eta, 1e-9 * eta);
  EXPECT_TRUE(std::isnan(t.number(0, t.column("eta_maxwell_Pa_s"))));
  EXPECT_TRUE(std::filesystem::exists(dir.file("analysis/05-isothermal-2000K/stress_acf.csv")));
}
