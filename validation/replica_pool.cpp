#include "validation/replica_pool.hpp"

#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "analysis/statistics.hpp"

namespace gb::validation {

double normal_confidence(double k) { return std::erf(k / std::sqrt(2.0)); }

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string values_text(const std::vector<double>& v) {
  std::string s;
  for (double x : v) s += (s.empty() ? "" : ", ") + (std::isfinite(x) ? fmt::format("{:.4g}", x) : std::string("-"));
  return s;
}

CheckResult pool_one(const std::vector<const CheckResult*>& per, const std::vector<std::string>& dirs,
                     const std::string& root, double k) {
  const CheckResult& first = *per.front();
  ReplicaPool p;
  p.replicas = static_cast<int>(per.size());
  std::vector<double> xs;
  double var_sum = 0;
  bool all_sigmas = true;
  const CheckResult* read_error = nullptr;
  std::string first_reason;
  bool any_weak = false;
  for (size_t r = 0; r < per.size(); ++r) {
    const CheckResult& c = *per[r];
    p.targets.push_back(r < dirs.size() ? dirs[r] : c.target);
    p.statuses.push_back(status_name(c.status));
    p.values.push_back(c.measured.ok ? c.measured.value : kNaN);
    p.sigmas.push_back(c.measured.ok ? c.measured.sigma : kNaN);
    if (c.measured.ok) {
      xs.push_back(c.measured.value);
      if (std::isfinite(c.measured.sigma)) var_sum += c.measured.sigma * c.measured.sigma;
      else all_sigmas = false;
    } else {
      if (c.status == Status::Fail && !read_error) read_error = &c;
      if (first_reason.empty()) first_reason = c.reason;
      any_weak = any_weak || c.status == Status::Inconclusive;
    }
  }
  p.measured = static_cast<int>(xs.size());
  const Reference& ref = first.reference;
  const std::string n_of = fmt::format("{} of {} replicas", p.measured, p.replicas);

  if (read_error) {  // a replica's files are broken: the set cannot be judged as a whole
    CheckResult out = *read_error;
    out.target = root;
    out.reason = fmt::format("replica {}: {}", read_error->target, read_error->reason);
    out.pool = p;
    return out;
  }
  if (p.measured == 0) {
    Measurement m = any_weak ? Measurement::too_weak(first_reason) : Measurement::skipped(first_reason);
    m.skip = fmt::format("no replica gave a value ({} replicas); replica 0: {}", p.replicas, first.reason);
    CheckResult out = decide(ref, root, m, k);
    out.pool = p;
    return out;
  }
  if (p.measured == 1) {
    size_t r = 0;
    while (!per[r]->measured.ok) ++r;
    CheckResult out = *per[r];
    out.target = root;
    out.measured.detail = fmt::format("only {} gave a value, so its within-run error decides: {}", n_of,
                                      out.measured.detail);
    p.mean = out.measured.value;
    p.standard_error = kNaN;
    p.within_run_error = out.measured.sigma;
    p.half_width = kNaN;
    out.pool = p;
    return out;
  }
  double m = 0;
  for (double x : xs) m += x;
  m /= xs.size();
  double ss = 0;
  for (double x : xs) ss += (x - m) * (x - m);
  const double n = static_cast<double>(xs.size());
  p.mean = m;
  p.standard_error = std::sqrt(ss / (n - 1) / n);
  p.within_run_error = all_sigmas ? std::sqrt(var_sum) / n : kNaN;
  p.dof = p.measured - 1;
  p.confidence = normal_confidence(k);
  p.t = analysis::two_sided_quantile(p.confidence, p.dof);
  const double sr = ref.uncertainty ? *ref.uncertainty : 0.0;
  p.half_width = std::hypot(p.t * p.standard_error, k * sr);

  Measurement pooled = Measurement::of(
      m, p.standard_error,
      fmt::format("mean of {} (values {}); standard error over replicas {:.2g}{}; replica 0: {}", n_of,
                  values_text(p.values), p.standard_error,
                  std::isfinite(p.within_run_error)
                      ? fmt::format(" (within-run errors alone would give {:.2g})", p.within_run_error)
                      : std::string(""),
                  first.measured.ok ? first.measured.detail : first.reason));
  const std::string interval =
      fmt::format("{:.4g}% Student-t interval over {}: t = {:.3g} with {} dof{}", 100 * p.confidence, n_of, p.t, p.dof,
                  sr > 0 ? fmt::format(", reference ±{:g} sigma in quadrature", k) : std::string(""));
  bool exact = true;  // every replica's own value carries no error: a deterministic quantity (e.g. a recorded threshold)
  for (size_t r = 0; r < per.size(); ++r)
    if (per[r]->measured.ok) exact = exact && per[r]->measured.sigma == 0;
  CheckResult out;
  if (p.standard_error == 0 && exact) {
    p.half_width = k * sr;
    out = decide_interval(ref, root, pooled, p.half_width,
                          fmt::format("an exact value, the same in all {} replicas", p.measured));
  } else if (p.standard_error == 0) {
    out = decide_interval(ref, root, pooled, 0.0, interval);
    if (out.status == Status::Pass || out.status == Status::Fail) {
      out.status = Status::Inconclusive;
      out.reason = fmt::format("the {} replicas gave identical values ({:.6g}): they are not independent, so their "
                               "spread is no error estimate", p.measured, m);
    }
  } else {
    out = decide_interval(ref, root, pooled, p.half_width, interval);
  }
  out.pool = p;
  return out;
}

}  // namespace

std::vector<CheckResult> pool_replica_results(const std::vector<std::vector<CheckResult>>& per_replica,
                                              const std::vector<std::string>& replica_dirs, const std::string& root,
                                              double k_sigma) {
  std::vector<CheckResult> out;
  if (per_replica.empty()) return out;
  // reference id -> the result of each replica
  std::map<std::string, std::vector<const CheckResult*>> by_id;
  for (const auto& rs : per_replica)
    for (const auto& c : rs)
      if (!c.self_check) by_id[c.reference_id].push_back(&c);
  for (const auto& c : per_replica.front()) {
    if (c.self_check) continue;
    const auto& per = by_id[c.reference_id];
    out.push_back(pool_one(per, replica_dirs, root, k_sigma));
  }
  return out;
}

}  // namespace gb::validation
