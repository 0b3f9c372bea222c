// The report shows the verdicts `glassbench validate` recorded in the run's
// validation.json, with the options validate used, so `validate --sigma 3`
// and the report never disagree; without validation.json the report
// validates in-process with the defaults and says so.
#include <gtest/gtest.h>

#include <cstdlib>
#include <chrono>
#include <filesystem>
#include <map>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "core/text_util.hpp"
#include "reports/report_builder.hpp"
#include "rundir/layout.hpp"
#include "validation/reference_loader.hpp"
#include "validation/result_writers.hpp"
#include "validation/validator.hpp"
#include "../validation/synthetic_run.hpp"

namespace {

namespace v = gb::validation;

std::map<std::string, std::string> statuses(const std::vector<v::CheckResult>& results) {
  std::map<std::string, std::string> m;
  for (const auto& r : results) m[r.reference_id + " @ " + (r.self_check ? "self" : "run")] = v::status_name(r.status);
  return m;
}

struct Fixture {
  std::string dir, run, refs;
  Fixture() {
    dir = gb::testing::make_temp_dir("report-verdicts");
    run = dir + "/run";
    gb::testing::SyntheticRunSpec spec;
    spec.D_rel_error = 0.10;  // wide enough errors that some checks decide at 2 sigma but not at 3
    gb::testing::write_synthetic_run(run, spec);
    refs = gb::testing::source_dir() + "/references";
  }
  int validate(const std::string& extra) const {
    const std::string cmd = "'" GB_GLASSBENCH_EXE "' validate '" + run + "' --references '" + refs + "' " + extra +
                            " > '" + dir + "/validate.log' 2>&1";
    const int st = std::system(cmd.c_str());
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  gb::reports::Report report() const {
    gb::reports::ReportOptions o;
    o.runs = {run};
    o.references_dir = refs;
    return gb::reports::build_report(o);
  }
};

TEST(ReportVerdicts, ReportShowsWhatValidateSigma3Recorded) {
  Fixture f;
  const int rc = f.validate("--sigma 3");
  ASSERT_TRUE(rc == 0 || rc == 1) << gb::read_text_file(f.dir + "/validate.log");
  const auto rec = v::read_run_validation(f.run);
  ASSERT_TRUE(rec.has_value()) << "validate wrote no " << gb::rundir::RunLayout(f.run).validation_json();
  EXPECT_TRUE(rec->options_recorded);
  EXPECT_DOUBLE_EQ(rec->k_sigma, 3.0);
  EXPECT_EQ(rec->references_dir, f.refs);

  const auto rep = f.report();
  EXPECT_EQ(statuses(rep.results), statuses(rec->results));
  EXPECT_NE(rep.html.find("--sigma 3"), std::string::npos);
  EXPECT_NE(rep.html.find("value ± 3σ"), std::string::npos);
  EXPECT_NE(rep.markdown.find("--sigma 3"), std::string::npos);

  // The agreement is not trivial: the default (2 sigma) decides differently on this run.
  const auto refs = v::load_reference_dir(f.refs);
  std::vector<v::CheckResult> at2 = v::validate_self_checks(refs, {});
  const auto r2 = v::validate_run(refs, v::RunDirectory::load(f.run), {});
  at2.insert(at2.end(), r2.begin(), r2.end());
  int differ = 0;
  const auto s2 = statuses(at2), s3 = statuses(rec->results);
  for (const auto& [id, st] : s3) differ += s2.count(id) && s2.at(id) != st;
  EXPECT_GT(differ, 0) << "no check changes between 2 and 3 sigma: this test could not tell the report's sigma";
}

TEST(ReportVerdicts, WithoutValidationJsonTheReportValidatesAndSaysSo) {
  Fixture f;
  const auto rep = f.report();
  EXPECT_NE(rep.html.find("no validation.json"), std::string::npos);
  EXPECT_NE(rep.html.find("value ± 2σ"), std::string::npos);
  EXPECT_FALSE(rep.results.empty());
}

TEST(ReportVerdicts, ValidateOnlyLeavesTheRunsRecordAlone) {
  Fixture f;
  ASSERT_LE(f.validate("--sigma 3"), 1);
  const std::string path = gb::rundir::RunLayout(f.run).validation_json();
  const std::string before = gb::read_text_file(path);
  ASSERT_LE(f.validate("--only cu64zr36.finding.small_species_is_fast"), 1);
  EXPECT_EQ(gb::read_text_file(path), before);  // a subset never replaces the full record
}

TEST(ReportVerdicts, StaleValidationJsonIsFlagged) {
  Fixture f;
  ASSERT_LE(f.validate(""), 1);
  // Analysis written after validation (touch summary.json one second later).
  const std::string summary = gb::rundir::RunLayout(f.run).summary_json();
  const std::string text = gb::read_text_file(summary);
  const auto later = std::filesystem::last_write_time(gb::rundir::RunLayout(f.run).validation_json()) + std::chrono::seconds(1);
  std::filesystem::last_write_time(summary, later);
  (void)text;
  EXPECT_NE(f.report().html.find("older than analysis/summary.json"), std::string::npos);
}

// `validate DIR` on a replica set (DIR/replicas.yaml, DIR/replica-NN/): every
// replica validated into its own validation.json, the verdicts pooled over the
// replica spread into DIR/validation.json and --json; the report shows the
// pooled verdicts with N and the replica values.  Before replica pooling,
// validate read DIR as one run and found no stages.
TEST(ReportVerdicts, ValidateAndReportPoolAReplicaSet) {
  const std::string dir = gb::testing::make_temp_dir("report-replicas");
  const std::string root = dir + "/set";
  const std::vector<double> alphas{2e-5, 6e-5, 10e-5};  // each passes alone; together they scatter
  gb::testing::write_replica_set(root, 3, [&](const std::string& d, int r) {
    gb::testing::LiquidRunSpec s;
    s.alpha_per_K = alphas[static_cast<size_t>(r)];
    s.rho_noise_g_cm3 = 1e-5;
    s.seed = 20 + static_cast<unsigned>(r);
    gb::testing::write_liquid_dynamics_run(d, s);
  });
  const std::string refs = gb::testing::source_dir() + "/references";
  const std::string cmd = "'" GB_GLASSBENCH_EXE "' validate '" + root + "' --references '" + refs + "' --json '" + dir +
                          "/pooled.json' > '" + dir + "/validate.log' 2>&1";
  const int st = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) <= 1) << gb::read_text_file(dir + "/validate.log");

  const auto j = nlohmann::json::parse(gb::read_text_file(dir + "/pooled.json"));
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& c : j["checks"]) by_id[c["id"].get<std::string>()] = c;
  ASSERT_TRUE(by_id.count("cu64zr36.liquid.thermal_expansion")) << j.dump(1).substr(0, 2000);
  const auto& c = by_id["cu64zr36.liquid.thermal_expansion"];
  EXPECT_EQ(c["target"], root);
  EXPECT_EQ(c["status"], "inconclusive") << c.dump(1);
  ASSERT_TRUE(c.contains("replicas")) << c.dump(1);
  EXPECT_EQ(c["replicas"]["measured"], 3);
  EXPECT_EQ(c["replicas"]["values"].size(), 3u);
  for (int r = 0; r < 3; ++r) {
    // Per-replica records, each deciding alone (pass on its tiny within-run error).
    const auto rec = v::read_run_validation(root + "/replica-0" + std::to_string(r));
    ASSERT_TRUE(rec.has_value()) << r;
    bool seen = false;
    for (const auto& x : rec->results)
      if (x.reference_id == "cu64zr36.liquid.thermal_expansion") {
        seen = true;
        EXPECT_EQ(x.status, v::Status::Pass) << x.reason;
      }
    EXPECT_TRUE(seen);
  }
  // The set's own record, read back by the report.
  const auto pooled = v::read_run_validation(root);
  ASSERT_TRUE(pooled.has_value());
  gb::reports::ReportOptions o;
  o.runs = {root};
  o.references_dir = refs;
  const auto rep = gb::reports::build_report(o);
  bool found = false;
  for (const auto& r : rep.results)
    if (r.reference_id == "cu64zr36.liquid.thermal_expansion") {
      found = true;
      EXPECT_EQ(r.status, v::Status::Inconclusive);
      ASSERT_TRUE(r.pool.has_value());
      EXPECT_EQ(r.pool->measured, 3);
    }
  EXPECT_TRUE(found);
  EXPECT_NE(rep.html.find("N = 3 of 3 replicas"), std::string::npos);
  EXPECT_NE(rep.markdown.find("N = 3 of 3 replicas"), std::string::npos);
  // thermal_expansion is an interval check (no reference value): its band is
  // said once, in the tolerance column, not also as the "reference".
  const size_t row = rep.markdown.find("| cu64zr36.liquid.thermal_expansion |");
  ASSERT_NE(row, std::string::npos);
  const std::string line = rep.markdown.substr(row, rep.markdown.find('\n', row) - row);
  EXPECT_NE(line.find("| - [1e-05, +inf] |"), std::string::npos) << line;
}

}  // namespace
