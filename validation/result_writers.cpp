#include "core/text_util.hpp"
#include "validation/result_writers.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/provenance.hpp"
#include "glassbench/version_info.hpp"
#include "rundir/layout.hpp"
#include "rundir/run_directory.hpp"
#include "validation/validator.hpp"

namespace gb::validation {
using nlohmann::json;

namespace {

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double get_num(const json& j, const char* k) {
  return j.contains(k) && j[k].is_number() ? j[k].get<double>() : std::numeric_limits<double>::quiet_NaN();
}

using gb::xml_escape;

// Every field of a Tolerance, so a reader restores it exactly (the "tolerance"
// text alone cannot say which kind wrote "±0").
json tolerance_json(const Tolerance& t) {
  return {{"kind", tolerance_kind_name(t.kind)},
          {"value", num(t.value)},
          {"min", t.min ? num(*t.min) : json(nullptr)},
          {"max", t.max ? num(*t.max) : json(nullptr)},
          {"expect_sign", t.expect_sign}};
}

// The tolerance of one check in validation.json: from "tolerance_spec" when
// present; from "tolerance_kind" + the "tolerance" text in files written before
// the spec was recorded; a file with neither keeps the default (absolute) and
// says so in nothing, as before.  An unknown kind or unparsable text throws.
Tolerance tolerance_from_json(const json& rf, const std::string& source, const std::string& id) {
  Tolerance t;
  if (rf.contains("tolerance_spec") && rf["tolerance_spec"].is_object()) {
    const json& q = rf["tolerance_spec"];
    const std::string name = q.value("kind", "");
    const auto kind = tolerance_kind_from_name(name);
    if (!kind)
      throw InputError({source, 0, 0}, "checks.reference.tolerance_spec.kind",
                       "unknown tolerance kind '" + name + "' in check " + id);
    t.kind = *kind;
    t.value = q.contains("value") && q["value"].is_number() ? q["value"].get<double>() : 0.0;
    if (q.contains("min") && q["min"].is_number()) t.min = q["min"].get<double>();
    if (q.contains("max") && q["max"].is_number()) t.max = q["max"].get<double>();
    t.expect_sign = q.contains("expect_sign") && q["expect_sign"].is_number_integer() ? q["expect_sign"].get<int>() : 0;
    return t;
  }
  if (!rf.contains("tolerance_kind")) return t;
  const std::string name = rf.value("tolerance_kind", "");
  const auto kind = tolerance_kind_from_name(name);
  if (!kind)
    throw InputError({source, 0, 0}, "checks.reference.tolerance_kind", "unknown tolerance kind '" + name + "' in check " + id);
  const std::string text = rf.value("tolerance", "");
  const auto parsed = tolerance_from_description(*kind, text);
  if (!parsed)
    throw InputError({source, 0, 0}, "checks.reference.tolerance",
                     "'" + text + "' is not a " + name + " tolerance in check " + id);
  return *parsed;
}

std::string value_text(const CheckResult& r) {
  if (!r.measured.ok) return "-";
  if (std::isfinite(r.measured.sigma)) return fmt::format("{:.5g} ± {:.2g}", r.measured.value, r.measured.sigma);
  return fmt::format("{:.5g}", r.measured.value);
}

std::string reference_text(const CheckResult& r) {
  const auto& ref = r.reference;
  std::string s = ref.value ? fmt::format("{:g}", *ref.value) : std::string("");
  if (ref.value && ref.uncertainty && *ref.uncertainty > 0) s += fmt::format(" ± {:g}", *ref.uncertainty);
  return s + (s.empty() ? "" : " ") + ref.tolerance.describe();
}

}  // namespace

std::string results_table(const std::vector<CheckResult>& results) {
  std::string out;
  for (const auto& r : results) {
    out += fmt::format("{:<13} {:<58} {:>22}  ref {:<18} {}\n", std::string("[") + status_name(r.status) + "]",
                       r.reference_id, value_text(r), reference_text(r), r.reference.units);
    if (!r.measured.detail.empty()) out += "              computed: " + r.measured.detail + "\n";
    if (r.pool && r.pool->measured >= 2)
      out += fmt::format("              replicas: n = {}, mean {:.5g}, SE {:.2g}, t({:.4g}%, {} dof) = {:.3g}, "
                         "decision interval ±{:.2g}\n",
                         r.pool->measured, r.pool->mean, r.pool->standard_error, 100 * r.pool->confidence, r.pool->dof,
                         r.pool->t, r.pool->half_width);
    if (!r.reason.empty()) out += "              reason: " + r.reason + "\n";
  }
  const Tally t = tally(results), sc = self_check_tally(results);
  out += fmt::format("{} checks: {} pass, {} fail, {} inconclusive, {} skip\n", t.total(), t.pass, t.fail, t.inconclusive, t.skip);
  if (sc.total() > 0)
    out += fmt::format("{} software self-checks (not physics verdicts): {} pass, {} fail, {} inconclusive, {} skip\n",
                       sc.total(), sc.pass, sc.fail, sc.inconclusive, sc.skip);
  return out;
}

json results_json(const std::vector<CheckResult>& results, const json& options) {
  json j;
  j["glassbench"] = {{"version", build::kVersion}, {"git_commit", build::kGitCommit}};
  j["kind"] = "validation";
  j["written_utc"] = utc_now_iso8601();
  if (!options.is_null()) j["options"] = options;
  const Tally t = tally(results);
  j["tally"] = {{"pass", t.pass}, {"fail", t.fail}, {"inconclusive", t.inconclusive}, {"skip", t.skip}};
  const Tally sc = self_check_tally(results);
  j["self_check_tally"] = {{"pass", sc.pass}, {"fail", sc.fail}, {"inconclusive", sc.inconclusive}, {"skip", sc.skip}};
  json arr = json::array();
  for (const auto& r : results) {
    const auto& ref = r.reference;
    arr.push_back({{"id", r.reference_id},
                   {"target", r.target},
                   {"self_check", r.self_check},
                   {"status", status_name(r.status)},
                   {"reason", r.reason},
                   {"value", r.measured.ok ? num(r.measured.value) : json(nullptr)},
                   {"sigma", r.measured.ok ? num(r.measured.sigma) : json(nullptr)},
                   {"computed", r.measured.detail},
                   {"band", {num(r.band_lo), num(r.band_hi)}},
                   {"margin", num(r.margin)},
                   {"reference",
                    {{"quantity", ref.quantity},
                     {"system", ref.system},
                     {"conditions", ref.conditions},
                     {"value", ref.value ? json(*ref.value) : json(nullptr)},
                     {"uncertainty", ref.uncertainty ? json(*ref.uncertainty) : json(nullptr)},
                     {"units", ref.units},
                     {"source", ref.source},
                     {"origin", ref.origin},
                     {"tolerance", ref.tolerance.describe()},
                     {"tolerance_kind", tolerance_kind_name(ref.tolerance.kind)},
                     {"tolerance_spec", tolerance_json(ref.tolerance)},
                     {"uncertainty_note", ref.uncertainty_note},
                     {"reason", ref.reason},
                     {"probe", ref.probe},
                     {"defined_at", ref.where.str()}}}});
    if (r.pool) {
      const ReplicaPool& p = *r.pool;
      json vals = json::array(), sig = json::array();
      for (double x : p.values) vals.push_back(num(x));
      for (double x : p.sigmas) sig.push_back(num(x));
      arr.back()["replicas"] = {{"replicas", p.replicas},       {"measured", p.measured},
                                {"targets", p.targets},         {"statuses", p.statuses},
                                {"values", vals},               {"sigmas", sig},
                                {"mean", num(p.mean)},          {"standard_error", num(p.standard_error)},
                                {"within_run_error", num(p.within_run_error)},
                                {"dof", p.dof},                 {"t", num(p.t)},
                                {"confidence", num(p.confidence)}, {"half_width", num(p.half_width)}};
    }
  }
  j["checks"] = arr;
  return j;
}

std::vector<CheckResult> results_from_json(const json& j, const std::string& source) {
  if (!j.contains("checks") || !j["checks"].is_array()) throw InputError({source, 0, 0}, "checks", "missing or not a list");
  std::vector<CheckResult> out;
  for (const auto& c : j["checks"]) {
    CheckResult r;
    r.reference_id = c.value("id", "");
    r.target = c.value("target", "");
    r.self_check = c.value("self_check", r.target == "glassbench (self-check)");
    const std::string st = c.value("status", "");
    if (st == "pass") r.status = Status::Pass;
    else if (st == "fail") r.status = Status::Fail;
    else if (st == "inconclusive") r.status = Status::Inconclusive;
    else if (st == "skip") r.status = Status::Skip;
    else throw InputError({source, 0, 0}, "checks.status", "unknown status '" + st + "' in check " + r.reference_id);
    r.reason = c.value("reason", "");
    r.measured.ok = c.contains("value") && c["value"].is_number();
    r.measured.value = get_num(c, "value");
    r.measured.sigma = get_num(c, "sigma");
    r.measured.detail = c.value("computed", "");
    if (c.contains("band") && c["band"].is_array() && c["band"].size() == 2) {
      r.band_lo = c["band"][0].is_number() ? c["band"][0].get<double>() : -INFINITY;
      r.band_hi = c["band"][1].is_number() ? c["band"][1].get<double>() : INFINITY;
    }
    r.margin = get_num(c, "margin");
    if (c.contains("reference")) {
      const auto& rf = c["reference"];
      r.reference.id = r.reference_id;
      r.reference.quantity = rf.value("quantity", "");
      r.reference.system = rf.value("system", "");
      r.reference.conditions = rf.value("conditions", "");
      if (rf.contains("value") && rf["value"].is_number()) r.reference.value = rf["value"].get<double>();
      if (rf.contains("uncertainty") && rf["uncertainty"].is_number()) r.reference.uncertainty = rf["uncertainty"].get<double>();
      r.reference.uncertainty_note = rf.value("uncertainty_note", "");
      r.reference.tolerance = tolerance_from_json(rf, source, r.reference_id);
      r.reference.units = rf.value("units", "");
      r.reference.source = rf.value("source", "");
      r.reference.origin = rf.value("origin", "published");
      r.reference.reason = rf.value("reason", "");
      r.reference.probe = rf.value("probe", "");
      r.reference.where.file = rf.value("defined_at", "");
    }
    if (c.contains("replicas") && c["replicas"].is_object()) {
      const json& q = c["replicas"];
      ReplicaPool p;
      p.replicas = q.value("replicas", 0);
      p.measured = q.value("measured", 0);
      if (q.contains("targets") && q["targets"].is_array())
        for (const auto& t : q["targets"]) p.targets.push_back(t.is_string() ? t.get<std::string>() : "");
      if (q.contains("statuses") && q["statuses"].is_array())
        for (const auto& t : q["statuses"]) p.statuses.push_back(t.is_string() ? t.get<std::string>() : "");
      for (const char* key : {"values", "sigmas"})
        if (q.contains(key) && q[key].is_array())
          for (const auto& x : q[key])
            (std::string(key) == "values" ? p.values : p.sigmas)
                .push_back(x.is_number() ? x.get<double>() : std::numeric_limits<double>::quiet_NaN());
      p.mean = get_num(q, "mean");
      p.standard_error = get_num(q, "standard_error");
      p.within_run_error = get_num(q, "within_run_error");
      p.dof = q.value("dof", 0);
      p.t = get_num(q, "t");
      p.confidence = get_num(q, "confidence");
      p.half_width = get_num(q, "half_width");
      r.pool = p;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string results_junit(const std::vector<CheckResult>& results) {
  Tally t = tally(results);
  const Tally sc = self_check_tally(results);  // JUnit lists every test case, self-checks included
  t.pass += sc.pass, t.fail += sc.fail, t.skip += sc.skip, t.inconclusive += sc.inconclusive;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += fmt::format("<!-- glassbench {} (git {}) -->\n", build::kVersion, build::kGitCommit);
  x += fmt::format("<testsuite name=\"glassbench-validate\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" errors=\"0\">\n",
                   t.total(), t.fail, t.skip + t.inconclusive);
  for (const auto& r : results) {
    x += fmt::format("  <testcase classname=\"{}\" name=\"{}\">\n", xml_escape(r.target), xml_escape(r.reference_id));
    const std::string body = xml_escape(fmt::format("value {} ; reference {} {} ; {}", value_text(r), reference_text(r),
                                                    r.reference.units, r.reason));
    if (r.status == Status::Fail) x += "    <failure message=\"" + xml_escape(r.reason) + "\">" + body + "</failure>\n";
    if (r.status == Status::Skip || r.status == Status::Inconclusive)
      x += std::string("    <skipped message=\"") + status_name(r.status) + ": " + xml_escape(r.reason) + "\"/>\n";
    x += "    <system-out>" + body + "</system-out>\n  </testcase>\n";
  }
  x += "</testsuite>\n";
  return x;
}

void write_results_json(const std::string& path, const std::vector<CheckResult>& results, const json& options) {
  write_file_atomically(path, results_json(results, options).dump(1) + "\n");
}

json validation_options_json(const ValidationOptions& opt, const std::string& references_dir, bool self_checks) {
  return {{"sigma", opt.k_sigma}, {"only", opt.only}, {"references", references_dir}, {"self_checks", self_checks}};
}

std::optional<RecordedValidation> read_run_validation(const std::string& run_dir) {
  const std::string path = rundir::RunLayout(run_dir).validation_json();
  const auto j = rundir::read_json_file(path);
  if (!j) return std::nullopt;
  RecordedValidation r;
  r.path = path;
  r.results = results_from_json(*j, path);
  r.written_utc = j->value("written_utc", "");
  if (j->contains("options")) {
    const json& o = (*j)["options"];
    if (!o.is_object() || !o.contains("sigma") || !o["sigma"].is_number() || !(o["sigma"].get<double>() > 0))
      throw InputError({path, 0, 0}, "options.sigma", "missing or not a positive number");
    r.options_recorded = true;
    r.k_sigma = o["sigma"].get<double>();
    if (o.contains("only") && o["only"].is_array())
      for (const auto& id : o["only"]) r.only.push_back(id.get<std::string>());
    r.references_dir = o.value("references", "");
  }
  return r;
}

void write_results_junit(const std::string& path, const std::vector<CheckResult>& results) {
  write_file_atomically(path, results_junit(results));
}

}  // namespace gb::validation
