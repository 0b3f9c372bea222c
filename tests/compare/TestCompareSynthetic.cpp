// compare_run_sets and replica pooling on synthetic run directories whose
// thermo series are drawn from known distributions: equal means pass, a
// potential-energy shift of 10 margins fails, a single run decides on block
// errors, a replica set on the replica spread, and pooled.json holds the
// replicas' mean and standard error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

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
