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

}  // namespace
