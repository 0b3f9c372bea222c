#include "validation/check_result.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace gb::validation {

const char* status_name(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::Skip: return "skip";
    case Status::Inconclusive: return "inconclusive";
  }
  return "?";
}

namespace {
// Common part: the result without a verdict, or with skip/relation verdicts set.
bool prepare(CheckResult& r, const Reference& ref, const std::string& target, const Measurement& m) {
  r.reference_id = ref.id;
  r.target = target;
  r.measured = m;
  r.reference = ref;
  ref.tolerance.band(ref.value, r.band_lo, r.band_hi);
  if (!m.ok) {
    r.status = m.weak ? Status::Inconclusive : Status::Skip;
    r.reason = m.skip;
    return false;
  }
  if (ref.tolerance.kind == Tolerance::Kind::Relation) {
    r.status = Status::Skip;
    r.reason = "a relation, not a value";
    return false;
  }
  if (ref.tolerance.kind == Tolerance::Kind::Information) {
    r.status = Status::Skip;
    r.reason = std::isfinite(m.sigma)
                   ? fmt::format("information only (no published value to check against): {:.6g} ± {:.2g}", m.value, m.sigma)
                   : fmt::format("information only (no published value to check against): {:.6g}", m.value);
    return false;
  }
  return true;
}
}  // namespace

CheckResult decide_interval(const Reference& ref, const std::string& target, const Measurement& m, double h,
                            const std::string& interval_text) {
  CheckResult r;
  if (!prepare(r, ref, target, m)) return r;
  const double x = m.value;
  r.margin = std::min(x - r.band_lo, r.band_hi - x);
  const double lo = x - h, hi = x + h;
  const bool inside = lo >= r.band_lo && hi <= r.band_hi;
  // For a sign assertion the band edge itself (0) counts as outside: "x > 0".
  const bool strict_edge_fail = ref.tolerance.kind == Tolerance::Kind::Sign && h == 0 && x == 0;
  const bool outside = hi < r.band_lo || lo > r.band_hi || strict_edge_fail;
  if (inside && !strict_edge_fail) {
    r.status = Status::Pass;
  } else if (outside) {
    r.status = Status::Fail;
    r.reason = fmt::format("{:.6g} ± {:.2g} lies outside [{:.6g}, {:.6g}] ({})", x, h, r.band_lo, r.band_hi,
                           interval_text);
  } else {
    r.status = Status::Inconclusive;
    r.reason = fmt::format("uncertainty too large to decide: {:.6g} ± {:.2g} ({}) straddles a band edge of [{:.6g}, {:.6g}]",
                           x, h, interval_text, r.band_lo, r.band_hi);
  }
  return r;
}

CheckResult decide(const Reference& ref, const std::string& target, const Measurement& m, double k_sigma) {
  const double sx = std::isfinite(m.sigma) ? m.sigma : 0.0;
  const double sr = ref.uncertainty ? *ref.uncertainty : 0.0;
  const double s = std::sqrt(sx * sx + sr * sr);
  CheckResult r = decide_interval(ref, target, m, k_sigma * s, fmt::format("{:g} sigma, sigma = {:.2g}", k_sigma, s));
  if (m.ok && !std::isfinite(m.sigma) && (r.status == Status::Pass || r.status == Status::Fail))
    r.reason += (r.reason.empty() ? "" : "; ") + std::string("uncertainty of the computed value not estimated");
  return r;
}

}  // namespace gb::validation
