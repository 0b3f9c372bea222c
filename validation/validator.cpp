#include "validation/validator.hpp"

#include <algorithm>

#include "validation/internal/probe.hpp"

namespace gb::validation {

bool applies_to(const Reference& ref, const RunDirectory& run, std::string* why) {
  if (ref.system == "any") return true;
  if (run.composition().empty()) {
    if (why) *why = "missing stage output: no final.data, so the run's system is unknown";
    return false;
  }
  std::map<std::string, double> mine;
  for (auto& [el, n] : run.composition()) mine[el] = static_cast<double>(n) / run.atoms();
  std::map<std::string, double> theirs;
  try {
    theirs = parse_formula(ref.system);
  } catch (const InputError& e) {
    throw InputError(ref.where, "system", e.message());
  }
  if (same_system(mine, theirs)) return true;
  if (why) *why = "not applicable: reference is for " + ref.system + ", run is " + run.formula();
  return false;
}

static bool wanted(const ValidationOptions& opt, const std::string& id) {
  return opt.only.empty() || std::find(opt.only.begin(), opt.only.end(), id) != opt.only.end();
}

std::vector<CheckResult> validate_run(const std::vector<Reference>& refs, const RunDirectory& run,
                                      const ValidationOptions& opt) {
  std::vector<CheckResult> out;
  for (const auto& ref : refs) {
    if (!wanted(opt, ref.id)) continue;
    const bool named = !opt.only.empty();
    if (ref.probe.empty() || probe_is_run_independent(ref.probe)) continue;
    const RunProbe* probe = find_run_probe(ref.probe);
    if (!probe) {
      if (ref.probe == "dma_fit") {
        if (named) out.push_back(decide(ref, run.path(), Measurement::skipped("experimental reference: checked by `validate --dma-csv`"), opt.k_sigma));
        continue;
      }
      throw InputError(ref.where, "check.probe", "unknown probe '" + ref.probe + "'");
    }
    std::string why;
    if (!applies_to(ref, run, &why)) {
      if (named) out.push_back(decide(ref, run.path(), Measurement::skipped(why), opt.k_sigma));
      continue;
    }
    Measurement m;
    try {
      m = (*probe)(ref, run);
    } catch (const InputError& e) {
      if (e.where().file == ref.where.file) throw;  // a mistake in the reference file itself
      CheckResult r = decide(ref, run.path(), Measurement::skipped(""), opt.k_sigma);
      r.status = Status::Fail;
      r.reason = std::string("could not read run data: ") + e.what();
      out.push_back(r);
      continue;
    }
    out.push_back(decide(ref, run.path(), m, opt.k_sigma));
  }
  return out;
}

std::vector<CheckResult> validate_self_checks(const std::vector<Reference>& refs, const ValidationOptions& opt) {
  std::vector<CheckResult> out;
  for (const auto& ref : refs) {
    if (!wanted(opt, ref.id) || !probe_is_run_independent(ref.probe)) continue;
    const RunProbe* probe = find_run_probe(ref.probe);
    const RunDirectory none = RunDirectory::empty();
    out.push_back(decide(ref, "glassbench (self-check)", (*probe)(ref, none), opt.k_sigma));
    out.back().self_check = true;
  }
  return out;
}

namespace {
Tally count(const std::vector<CheckResult>& results, bool self_checks) {
  Tally t;
  for (const auto& r : results) {
    if (r.self_check != self_checks) continue;
    switch (r.status) {
      case Status::Pass: ++t.pass; break;
      case Status::Fail: ++t.fail; break;
      case Status::Skip: ++t.skip; break;
      case Status::Inconclusive: ++t.inconclusive; break;
    }
  }
  return t;
}
}  // namespace

Tally tally(const std::vector<CheckResult>& results) { return count(results, false); }
Tally self_check_tally(const std::vector<CheckResult>& results) { return count(results, true); }

}  // namespace gb::validation
