// validation.json must carry each check's tolerance exactly: the report reads
// the verdicts back from it (read_run_validation), and a report that shows
// "±0" where validate showed "> 0" or "[1, +inf]" disagrees with validate.
// Each tolerance kind: write -> read -> the same kind, fields and text, and the
// same validate table as the in-memory results.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "validation/check_result.hpp"
#include "validation/result_writers.hpp"

namespace v = gb::validation;
using K = v::Tolerance::Kind;

namespace {

v::Reference reference(const std::string& id, K kind) {
  v::Reference r;
  r.id = id;
  r.quantity = "q " + id;
  r.units = "eV";
  r.source = "synthetic";
  r.reason = "round-trip test";
  r.tolerance.kind = kind;
  return r;
}

// One result per kind, each with fields that the default (absolute, 0) would not restore.
std::vector<v::CheckResult> one_of_each_kind() {
  std::vector<v::CheckResult> out;
  auto abs = reference("abs", K::Absolute);
  abs.value = 0.6, abs.tolerance.value = 0.06;
  out.push_back(v::decide(abs, "run", v::Measurement::of(0.62, 0.01, "abs")));
  auto rel = reference("rel", K::Relative);
  rel.value = 2.0, rel.tolerance.value = 0.25, rel.uncertainty = 0.1, rel.uncertainty_note = "paper Fig. 2 error bar";
  out.push_back(v::decide(rel, "run", v::Measurement::of(2.1, 0.05, "rel")));
  auto itv = reference("interval", K::Interval);
  itv.tolerance.min = 1.0;  // upper side open
  out.push_back(v::decide(itv, "run", v::Measurement::of(1.5, 0.1, "interval")));
  auto itv2 = reference("interval2", K::Interval);
  itv2.tolerance.min = -0.5, itv2.tolerance.max = 2.25;
  out.push_back(v::decide(itv2, "run", v::Measurement::of(0.0, 0.1, "interval2")));
  auto pos = reference("sign+", K::Sign);
  pos.tolerance.expect_sign = +1;
  out.push_back(v::decide(pos, "run", v::Measurement::of(0.3, 0.01, "sign+")));
  auto neg = reference("sign-", K::Sign);
  neg.tolerance.expect_sign = -1;
  out.push_back(v::decide(neg, "run", v::Measurement::of(0.3, 0.01, "sign-")));
  out.push_back(v::decide(reference("info", K::Information), "run", v::Measurement::of(7.0, 0.5, "info")));
  out.push_back(v::decide(reference("relation", K::Relation), "run", v::Measurement::skipped("a definition")));
  return out;
}

void expect_same_tolerances(const std::vector<v::CheckResult>& a, const std::vector<v::CheckResult>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(a[i].reference_id);
    const auto &x = a[i].reference.tolerance, &y = b[i].reference.tolerance;
    EXPECT_STREQ(v::tolerance_kind_name(y.kind), v::tolerance_kind_name(x.kind));
    EXPECT_EQ(y.describe(), x.describe());
    EXPECT_EQ(y.value, x.value);
    EXPECT_EQ(y.min, x.min);
    EXPECT_EQ(y.max, x.max);
    EXPECT_EQ(y.expect_sign, x.expect_sign);
    EXPECT_EQ(b[i].reference.uncertainty_note, a[i].reference.uncertainty_note);
  }
  // What validate prints and what a report from validation.json prints are one text.
  EXPECT_EQ(v::results_table(b), v::results_table(a));
}

}  // namespace

TEST(ResultJsonRoundTrip, EveryToleranceKindSurvivesWriteAndRead) {
  const auto in = one_of_each_kind();
  const auto text = v::results_json(in).dump(1);
  const auto out = v::results_from_json(nlohmann::json::parse(text), "validation.json");
  expect_same_tolerances(in, out);
  // The symptom of issue 12: non-numeric kinds read back as "±0".
  for (const auto& r : out) EXPECT_NE(r.reference.tolerance.describe(), "±0") << r.reference_id;
}

TEST(ResultJsonRoundTrip, FilesWrittenBeforeTheSpecReadFromKindAndText) {
  const auto in = one_of_each_kind();
  auto j = v::results_json(in);
  for (auto& c : j["checks"]) c["reference"].erase("tolerance_spec");  // the layout older validate wrote
  expect_same_tolerances(in, v::results_from_json(j, "old/validation.json"));
}

TEST(ResultJsonRoundTrip, UnknownKindOrUnparsableTextNamesFileAndField) {
  const auto in = one_of_each_kind();
  auto j = v::results_json(in);
  j["checks"][0]["reference"]["tolerance_spec"]["kind"] = "fuzzy";
  try {
    v::results_from_json(j, "bad/validation.json");
    FAIL() << "unknown kind accepted";
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad/validation.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("tolerance_spec.kind"), std::string::npos) << e.what();
  }
  auto old = v::results_json(in);
  for (auto& c : old["checks"]) c["reference"].erase("tolerance_spec");
  old["checks"][4]["reference"]["tolerance"] = "positive";  // a sign check with text describe() never writes
  EXPECT_THROW(v::results_from_json(old, "old/validation.json"), gb::InputError);
}
