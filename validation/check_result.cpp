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

CheckResult decide(const Reference& ref, const std::string& target, const Measurement& m, double k_sigma) {
  CheckResult r;
  r.reference_id = ref.id;
  r.target = target;
  r.measured = m;
  r.reference = ref;
  ref.tolerance.band(ref.value, r.band_lo, r.band_hi);
  if (!m.ok) {
    r.status = m.weak ? Status::Inconclusive : Status::Skip;
    r.reason = m.skip;
    return r;
  }
  if (ref.tolerance.kind == Tolerance::Kind::Relation) {
    r.status = Status::Skip;
    r.reason = "a relation, not a value";
    return r;
  }
  const double sx = std::isfinite(m.sigma) ? m.sigma : 0.0;
  const double sr = ref.uncertainty ? *ref.uncertainty : 0.0;
  const double s = std::sqrt(sx * sx + sr * sr);
  const double x = m.value;
  r.margin = std::min(x - r.band_lo, r.band_hi - x);
  const double lo = x - k_sigma * s, hi = x + k_sigma * s;
  const bool inside = lo >= r.band_lo && hi <= r.band_hi;
  // For a sign assertion the band edge itself (0) counts as outside: "x > 0".
  const bool strict_edge_fail = ref.tolerance.kind == Tolerance::Kind::Sign && s == 0 && x == 0;
  const bool outside = hi < r.band_lo || lo > r.band_hi || strict_edge_fail;
  if (inside && !strict_edge_fail) {
    r.status = Status::Pass;
  } else if (outside) {
    r.status = Status::Fail;
    r.reason = fmt::format("{:.6g} ± {:.2g} lies outside [{:.6g}, {:.6g}] by more than {:g} sigma", x, s, r.band_lo,
                           r.band_hi, k_sigma);
  } else {
    r.status = Status::Inconclusive;
    r.reason = fmt::format("uncertainty too large to decide: {:.6g} ± {:g}x{:.2g} straddles a band edge of [{:.6g}, {:.6g}]",
                           x, k_sigma, s, r.band_lo, r.band_hi);
  }
  if (!std::isfinite(m.sigma) && r.status != Status::Inconclusive)
    r.reason += (r.reason.empty() ? "" : "; ") + std::string("uncertainty of the computed value not estimated");
  return r;
}

}  // namespace gb::validation
