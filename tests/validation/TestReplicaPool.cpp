// Verdicts pooled over a replica set (validation/replica_pool.hpp): the mean
// over replicas with a Student-t interval of the replica spread decides, not
// one run's within-run error.  Replicas are synthetic runs whose thermal
// expansion coefficient (and its tiny within-run error) is set per replica.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "analysis/statistics.hpp"
#include "synthetic_run.hpp"
#include "validation/reference_loader.hpp"
#include "validation/replica_pool.hpp"
#include "validation/validator.hpp"

namespace v = gb::validation;
namespace t = gb::testing;

namespace {

const char* kExpansion = "cu64zr36.liquid.thermal_expansion";  // band [1e-5, inf) 1/K

struct Pooled {
  std::vector<std::vector<v::CheckResult>> per;
  std::map<std::string, v::CheckResult> pooled;
};

Pooled pool(const std::vector<double>& alphas, double noise = 1e-5) {
  const std::string root = t::make_temp_dir("replicas");
  t::write_replica_set(root, static_cast<int>(alphas.size()), [&](const std::string& d, int r) {
    t::LiquidRunSpec s;
    s.alpha_per_K = alphas[static_cast<size_t>(r)];
    s.rho_noise_g_cm3 = noise;  // within-run errors far below the replica scatter
    s.seed = 10 + static_cast<unsigned>(r);
    t::write_liquid_dynamics_run(d, s);
  });
  const auto refs = v::load_reference_dir(t::source_dir() + "/references");
  v::ValidationOptions opt;
  opt.only = {kExpansion};
  Pooled p;
  std::vector<std::string> dirs;
  for (size_t r = 0; r < alphas.size(); ++r) {
    dirs.push_back(root + "/replica-0" + std::to_string(r));
    p.per.push_back(v::validate_run(refs, v::RunDirectory::load(dirs.back()), opt));
  }
  for (auto& c : v::pool_replica_results(p.per, dirs, root, 2.0)) p.pooled[c.reference_id] = c;
  return p;
}

}  // namespace

TEST(ReplicaPool, ScatteringReplicasWithTinyWithinRunErrorsAreInconclusive) {
  // Each replica alone passes clearly (alpha >= 2e-5 with errors ~1e-7), but the
  // three scatter by 4e-5: mean 6e-5, SE 2.3e-5, t(2 dof, 95.45 %) = 4.53 -> +-1.05e-4.
  const Pooled p = pool({2e-5, 6e-5, 10e-5});
  for (const auto& r : p.per) {
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].status, v::Status::Pass) << r[0].reason;
    EXPECT_LT(r[0].measured.sigma, 2e-6);
  }
  const v::CheckResult& c = p.pooled.at(kExpansion);
  ASSERT_TRUE(c.pool.has_value());
  EXPECT_EQ(c.status, v::Status::Inconclusive) << c.reason;
  EXPECT_EQ(c.pool->measured, 3);
  EXPECT_EQ(c.pool->dof, 2);
  EXPECT_NEAR(c.pool->mean, 6e-5, 0.2e-5);
  EXPECT_NEAR(c.pool->standard_error, 4e-5 / std::sqrt(3.0), 0.2e-5);  // sd 4e-5 of {2,6,10}e-5
  EXPECT_NEAR(c.pool->t, 4.527, 0.01);                                  // Student t, 2 dof, 95.45 %
  EXPECT_NEAR(c.pool->half_width, c.pool->t * c.pool->standard_error, 1e-12);
  EXPECT_GT(c.pool->standard_error, 10 * c.pool->within_run_error);
  EXPECT_NE(c.reason.find("Student-t"), std::string::npos) << c.reason;
}

TEST(ReplicaPool, AgreeingReplicasPassAndReplicasWithoutExpansionFail) {
  const Pooled ok = pool({5.6e-5, 5.8e-5, 6.0e-5});
  EXPECT_EQ(ok.pooled.at(kExpansion).status, v::Status::Pass) << ok.pooled.at(kExpansion).reason;
  EXPECT_NEAR(ok.pooled.at(kExpansion).measured.value, 5.8e-5, 0.1e-5);

  const Pooled none = pool({-1e-6, 0.0, 1e-6});
  EXPECT_EQ(none.pooled.at(kExpansion).status, v::Status::Fail) << none.pooled.at(kExpansion).reason;
}

TEST(ReplicaPool, SmallNWidensTheIntervalLikeStudentT) {
  // Same mean and spread: with 2 replicas (1 dof) t = 13.97 (95.45 %), so the
  // pass of 3 tight replicas need not survive; with 5 the interval narrows.
  EXPECT_NEAR(gb::analysis::two_sided_quantile(v::normal_confidence(2.0), 1), 13.97, 0.05);
  const Pooled two = pool({3e-5, 7e-5});
  EXPECT_EQ(two.pooled.at(kExpansion).status, v::Status::Inconclusive) << two.pooled.at(kExpansion).reason;
  const Pooled five = pool({3e-5, 4e-5, 5e-5, 6e-5, 7e-5});
  EXPECT_EQ(five.pooled.at(kExpansion).status, v::Status::Pass) << five.pooled.at(kExpansion).reason;
}

TEST(ReplicaPool, IdenticalReplicasAreNotIndependent) {
  v::Reference ref;
  ref.id = "x";
  ref.tolerance.kind = v::Tolerance::Kind::Sign;
  ref.tolerance.expect_sign = 1;
  std::vector<std::vector<v::CheckResult>> per;
  for (int r = 0; r < 3; ++r) per.push_back({v::decide(ref, "r" + std::to_string(r), v::Measurement::of(1.0, 0.1, "same"))});
  const auto out = v::pool_replica_results(per, {"a", "b", "c"}, "root", 2.0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, v::Status::Inconclusive);
  EXPECT_NE(out[0].reason.find("not independent"), std::string::npos) << out[0].reason;
}

TEST(ReplicaPool, AnExactValueTheSameInEveryReplicaDecidesOnItself) {
  // A recorded threshold (sigma 0 in each run) is not a statistical estimate:
  // identical replicas are expected, and the value decides.
  v::Reference ref;
  ref.id = "x";
  ref.value = 2.0;
  ref.tolerance.kind = v::Tolerance::Kind::Absolute;
  ref.tolerance.value = 0;
  std::vector<std::vector<v::CheckResult>> per;
  for (int r = 0; r < 3; ++r) per.push_back({v::decide(ref, "r", v::Measurement::of(2.0, 0.0, "recorded"))});
  EXPECT_EQ(v::pool_replica_results(per, {"a", "b", "c"}, "root", 2.0)[0].status, v::Status::Pass);
  per.clear();
  for (int r = 0; r < 3; ++r) per.push_back({v::decide(ref, "r", v::Measurement::of(2.5, 0.0, "recorded"))});
  EXPECT_EQ(v::pool_replica_results(per, {"a", "b", "c"}, "root", 2.0)[0].status, v::Status::Fail);
}

TEST(ReplicaPool, OneMeasuredReplicaFallsBackOnItsOwnErrorAndSaysSo) {
  v::Reference ref;
  ref.id = "x";
  ref.tolerance.kind = v::Tolerance::Kind::Sign;
  ref.tolerance.expect_sign = 1;
  std::vector<std::vector<v::CheckResult>> per = {
      {v::decide(ref, "a", v::Measurement::of(1.0, 0.1, "fit"))},
      {v::decide(ref, "b", v::Measurement::skipped("too little data"))},
  };
  const auto out = v::pool_replica_results(per, {"a", "b"}, "root", 2.0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, v::Status::Pass);
  EXPECT_EQ(out[0].target, "root");
  EXPECT_NE(out[0].measured.detail.find("only 1 of 2 replicas"), std::string::npos) << out[0].measured.detail;
  // None measured: skip with replica 0's reason.
  per = {{v::decide(ref, "a", v::Measurement::skipped("no msd.json"))}, {v::decide(ref, "b", v::Measurement::skipped("x"))}};
  const auto none = v::pool_replica_results(per, {"a", "b"}, "root", 2.0);
  EXPECT_EQ(none[0].status, v::Status::Skip);
  EXPECT_NE(none[0].reason.find("no msd.json"), std::string::npos) << none[0].reason;
}
