// compare_run_sets and replica pooling on synthetic run directories whose
// thermo series are drawn from known distributions: equal means pass, a
// potential-energy shift of 10 margins fails, a single run decides on block
// errors, a replica set on the replica spread, and pooled.json holds the
// replicas' mean and standard error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "common/temp_dir.hpp"
#include "compare/replica_set.hpp"
#include "compare/run_comparison.hpp"
#include "core/atomic_file.hpp"
#include "core/text_util.hpp"
#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"

namespace fs = std::filesystem;
using namespace gb;

namespace {

// One NPT stage of 2000 thermo rows (500 atoms): density ~ N(7.0, 0.02),
// PE ~ N(pe_per_atom, 0.004) per atom, T ~ N(1800, 40), P ~ N(0, 2000).
void make_run(const std::string& dir, double pe_per_atom, uint64_t seed) {
  const rundir::RunLayout L(dir);
  const std::string sd = L.stage("01-liquid").dir();
  fs::create_directories(sd);
  rundir::StageRecord r;
  r.name = "liquid";
  r.kind = StageKind::Equilibrate;
  r.ensemble = "NPT";
  r.T_start_K = r.T_end_K = 1800;
  r.pressure_bar = 0.0;
  r.timestep_ps = 0.002;
  r.steps = 20000;
  r.thermo_interval_steps = 10;
  r.elements = {"Cu", "Zr"};
  r.thermostat_kind = "nose-hoover";
  r.thermostat_time_constant_ps = 0.1;
  write_file_atomically(L.stage("01-liquid").stage_yaml(), rundir::stage_record_yaml(r, "test"));
  write_file_atomically(L.stage("01-liquid").final_data(), "test\n\n500 atoms\n2 atom types\n");
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> n(0.0, 1.0);
  std::string t = "# test\nstage,step,time_ps,temperature_K,potential_energy_eV,kinetic_energy_eV,total_energy_eV,"
                  "volume_A3,density_g_cm3,pressure_bar,target_temperature_K\n";
  for (int i = 0; i < 2000; ++i) {
    const double pe = 500 * (pe_per_atom + 0.004 * n(rng));
    t += "liquid," + std::to_string(10 * i) + ",0," + std::to_string(1800 + 40 * n(rng)) + "," + std::to_string(pe) +
         ",116,0,8500," + std::to_string(7.0 + 0.02 * n(rng)) + "," + std::to_string(2000 * n(rng)) + ",1800\n";
  }
  write_file_atomically(L.thermo_csv(), t);
}

const compare::Comparison& find(const std::vector<compare::Comparison>& cs, const std::string& obs) {
  for (const auto& c : cs)
    if (c.observable == obs) return c;
  throw std::runtime_error("no comparison " + obs);
}

// A liquid-dynamics run: isothermal NPT stages at kIsothermsK, each with
// analysis/<stage>/msd.json (D of Cu, diffusive, 2 % error) and thermo rows
// (after a 1000-step equilibration part).  D(T) is Arrhenius with E_high above
// T_A = 1500 K and super-Arrhenius below it (ln D falls 0.15, 0.40, 0.80 under
// the line at 1400, 1300, 1200 K, as validate's crossover probe expects of a
// supercooled liquid); `noise` multiplies each D by exp(noise * N(0,1)).
// Density: rho(T) = 7.0 exp(-alpha (T - 1600)) with row noise 0.01 g/cm^3.
constexpr double kIsothermsK[] = {2000, 1800, 1600, 1500, 1400, 1300, 1200};
constexpr double kKb = 8.617333262e-5;  // eV/K

void make_dynamics_run(const std::string& dir, double E_high_eV, double noise, double alpha_per_K, uint64_t seed) {
  const rundir::RunLayout L(dir);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> n(0.0, 1.0);
  std::string t = "# test\nstage,step,time_ps,temperature_K,potential_energy_eV,kinetic_energy_eV,total_energy_eV,"
                  "volume_A3,density_g_cm3,pressure_bar,target_temperature_K\n";
  int k = 0;
  for (double T : kIsothermsK) {
    const std::string name = fmt::format("isothermal-{:g}K", T), sdir = fmt::format("{:02d}-{}", ++k, name);
    fs::create_directories(L.stage(sdir).dir());
    rundir::StageRecord r;
    r.name = name;
    r.kind = StageKind::Isothermal;
    r.ensemble = "NPT";
    r.T_start_K = r.T_end_K = T;
    r.pressure_bar = 0.0;
    r.timestep_ps = 0.002;
    r.first_step = 10000L * (k - 1);
    r.steps = 10000;
    r.equilibration_steps = 1000;
    r.thermo_interval_steps = 10;
    r.elements = {"Cu", "Zr"};
    r.thermostat_kind = "nose-hoover";
    r.thermostat_time_constant_ps = 0.1;
    write_file_atomically(L.stage(sdir).stage_yaml(), rundir::stage_record_yaml(r, "test"));
    write_file_atomically(L.stage(sdir).final_data(), "test\n\n500 atoms\n2 atom types\n");
    const double below = T >= 1500 ? 0.0 : T >= 1400 ? 0.15 : T >= 1300 ? 0.40 : 0.80;
    const double D = 50.0 * std::exp(-E_high_eV / (kKb * T) - below + noise * n(rng));
    const std::string msd = fmt::format(
        "{{\"frames\": 100, \"atoms\": 500, \"frame_interval_ps\": 0.2, \"species\": {{\"Cu\": "
        "{{\"D_A2_per_ps\": {:.17g}, \"D_error_A2_per_ps\": {:.17g}, \"fit_from_ps\": 2, \"fit_to_ps\": 20, "
        "\"diffusive\": true}}}}}}",
        D, 0.02 * D);
    fs::create_directories(L.analysis(sdir).dir());
    write_file_atomically(L.analysis(sdir).file(rundir::AnalysisFile::Msd), msd);
    const double rho = 7.0 * std::exp(-alpha_per_K * (T - 1600));
    for (long step = r.first_step; step <= r.first_step + r.steps; step += 10)
      t += fmt::format("{},{},0,{:g},-2000,116,0,8500,{:.8f},0,{:g}\n", name, step, T, rho + 0.01 * n(rng), T);
  }
  write_file_atomically(L.thermo_csv(), t);
}

void make_dynamics_set(const std::string& dir, double E_high_eV, uint64_t seed) {
  compare::write_replica_manifest(dir, "case.yaml", "syn", "lammps", {1, 2, 3});
  for (int r = 0; r < 3; ++r) make_dynamics_run(compare::replica_dir(dir, r), E_high_eV, 0.005, 6e-5, seed + r);
}

}  // namespace

TEST(CompareSynthetic, EqualMeansPassAShiftedEnergyFails) {
  gb::testing::TempDir tmp("gb-cmp-syn");
  make_run(tmp.file("a"), -4.05, 1);
  make_run(tmp.file("b"), -4.05, 2);
  make_run(tmp.file("c"), -4.03, 3);  // 20 meV/atom higher: 10 margins
  const auto ab = compare::compare_run_sets(compare::open_run_set(tmp.file("a")), compare::open_run_set(tmp.file("b")), {});
  for (const char* o : {"density_g_cm3", "potential_energy_eV_per_atom", "temperature_K"})
    EXPECT_EQ(find(ab, o).verdict, compare::Verdict::Pass) << o << ": " << find(ab, o).reason;
  EXPECT_NE(find(ab, "temperature_K").a.how.find("1 run"), std::string::npos);  // block errors, said so
  const auto ac = compare::compare_run_sets(compare::open_run_set(tmp.file("a")), compare::open_run_set(tmp.file("c")), {});
  EXPECT_EQ(find(ac, "potential_energy_eV_per_atom").verdict, compare::Verdict::Fail);
  EXPECT_NEAR(find(ac, "potential_energy_eV_per_atom").difference, -0.02, 0.001);
  EXPECT_EQ(find(ac, "density_g_cm3").verdict, compare::Verdict::Pass);
}

TEST(CompareSynthetic, ReplicaSetsUseTheReplicaSpreadAndPool) {
  gb::testing::TempDir tmp("gb-cmp-rep");
  for (const std::string set : {"x", "y"}) {
    compare::write_replica_manifest(tmp.file(set), "case.yaml", "syn", "lammps", {1, 2, 3});
    for (int r = 0; r < 3; ++r) {
      const std::string d = compare::replica_dir(tmp.file(set), r);
      make_run(d, -4.05, set == "x" ? 10 + r : 20 + r);
      // A per-replica analysis summary with one D value per replica.
      fs::create_directories(d + "/analysis");
      write_file_atomically(d + "/analysis/summary.json",
                            "{\"stages\": [{\"name\": \"01-liquid\", \"T_K\": 1800, \"D_A2_per_ps\": {\"Cu\": " +
                                std::to_string(0.40 + 0.01 * r) + "}}]}");
    }
  }
  const compare::RunSet x = compare::open_run_set(tmp.file("x"));
  ASSERT_EQ(x.runs.size(), 3u);
  EXPECT_EQ(x.engine, "openmm");  // no provenance.yaml in these synthetic runs
  const auto cs = compare::compare_run_sets(x, compare::open_run_set(tmp.file("y")), {});
  const auto& pe = find(cs, "potential_energy_eV_per_atom");
  EXPECT_EQ(pe.a.samples, 3);
  EXPECT_EQ(pe.a.dof, 2);
  EXPECT_NE(pe.a.how.find("per replica"), std::string::npos);
  const auto pooled = compare::pool_replica_analyses(tmp.file("x"));
  const auto& q = pooled["stages"][0]["quantities"]["D_A2_per_ps.Cu"];
  EXPECT_NEAR(q["mean"].get<double>(), 0.41, 1e-12);
  EXPECT_NEAR(q["standard_error"].get<double>(), 0.01 / std::sqrt(3.0), 1e-12);
  EXPECT_EQ(q["n"].get<int>(), 3);
  EXPECT_TRUE(fs::exists(tmp.file("x/analysis/pooled.json")));
}

// E_A_<El>_eV is the activation energy over the Arrhenius range (the high-T
// window validate uses), not over every isotherm: equal E_high on both sides
// passes even though the all-temperature fit is pulled up by the
// super-Arrhenius tail; E_high differing by 3 margins (0.15 eV) fails.
TEST(CompareSynthetic, WindowedActivationEnergyPassesWhenEqualFailsAtThreeMargins) {
  gb::testing::TempDir tmp("gb-cmp-ea");
  make_dynamics_set(tmp.file("a"), 0.50, 100);
  make_dynamics_set(tmp.file("b"), 0.50, 200);
  make_dynamics_set(tmp.file("c"), 0.65, 300);  // 0.15 eV = 3 x the 0.05 eV margin
  const auto A = compare::open_run_set(tmp.file("a"));
  const auto ab = compare::compare_run_sets(A, compare::open_run_set(tmp.file("b")), {});
  const auto& w = find(ab, "E_A_Cu_eV");
  EXPECT_EQ(w.verdict, compare::Verdict::Pass) << w.reason;
  EXPECT_NEAR(w.a.value, 0.50, 0.02);  // the high-T window recovers E_high (noise 0.5 % in D)
  EXPECT_EQ(w.a.samples, 3);           // one windowed fit per replica, pooled over the replicas
  EXPECT_NE(w.a.how.find("per replica"), std::string::npos);
  // The all-isotherm fit mixes in the super-Arrhenius tail: well above E_high, labelled apart.
  const auto& all = find(ab, "E_A_all_T_Cu_eV");
  EXPECT_GT(all.a.value, 0.50 + 0.1) << all.a.how;
  const auto ac = compare::compare_run_sets(A, compare::open_run_set(tmp.file("c")), {});
  const auto& f = find(ac, "E_A_Cu_eV");
  EXPECT_EQ(f.verdict, compare::Verdict::Fail) << f.reason;
  EXPECT_NEAR(f.difference, -0.15, 0.03);
  // --only E_A_Cu selects the windowed row alone.
  compare::CompareOptions only;
  only.only = {"E_A_Cu"};
  const auto sel = compare::compare_run_sets(A, compare::open_run_set(tmp.file("b")), only);
  ASSERT_EQ(sel.size(), 1u);
  EXPECT_EQ(sel[0].observable, "E_A_Cu_eV");
}

// alpha_V in compare is the fit validate makes (analysis/thermal_expansion.hpp):
// production-row means with block errors, weighted; it recovers the alpha of the data.
TEST(CompareSynthetic, ThermalExpansionIsTheWeightedFitValidateMakes) {
  gb::testing::TempDir tmp("gb-cmp-alpha");
  make_dynamics_set(tmp.file("a"), 0.50, 400);
  make_dynamics_set(tmp.file("b"), 0.50, 500);
  const auto cs = compare::compare_run_sets(compare::open_run_set(tmp.file("a")), compare::open_run_set(tmp.file("b")), {});
  const auto& a = find(cs, "thermal_expansion_per_K");
  EXPECT_NEAR(a.a.value, 6e-5, 0.3e-5);  // 0.01 g/cm^3 row noise over 450 rows per stage: ~1e-6 /K
  EXPECT_EQ(a.verdict, compare::Verdict::Pass) << a.reason;
}
