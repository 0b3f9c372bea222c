#include "compare/equivalence.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "analysis/statistics.hpp"

namespace gb::compare {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Inconclusive: return "inconclusive";
  }
  return "?";
}

Estimate mean_estimate(const std::vector<double>& v, const std::string& what) {
  Estimate e;
  e.samples = static_cast<int>(v.size());
  if (v.empty()) {
    e.value = std::numeric_limits<double>::quiet_NaN();
    e.se = std::numeric_limits<double>::quiet_NaN();
    e.how = "no values";
    return e;
  }
  double m = 0;
  for (double x : v) m += x;
  m /= v.size();
  e.value = m;
  if (v.size() < 2) {
    e.se = std::numeric_limits<double>::quiet_NaN();
    e.how = what + ", 1 value (no spread)";
    return e;
  }
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  e.se = std::sqrt(ss / (v.size() - 1) / v.size());
  e.dof = static_cast<int>(v.size()) - 1;
  e.how = fmt::format("{}, mean of {} (standard error of the mean)", what, v.size());
  return e;
}

Estimate block_estimate(const std::vector<double>& s, int blocks) {
  if (static_cast<int>(s.size()) < 2 * blocks) {
    Estimate e = mean_estimate(s, "samples");
    e.how = fmt::format("mean of {} samples (too few for {} blocks; error assumes independent samples)", s.size(),
                        blocks);
    return e;
  }
  const size_t per = s.size() / static_cast<size_t>(blocks);
  std::vector<double> means;
  for (int b = 0; b < blocks; ++b) {
    double m = 0;
    for (size_t i = 0; i < per; ++i) m += s[static_cast<size_t>(b) * per + i];
    means.push_back(m / per);
  }
  Estimate e = mean_estimate(means, "block means");
  e.how = fmt::format("block average, {} blocks of {} samples", blocks, per);
  return e;
}

double Margin::absolute(double a, double b) const {
  return kind == Kind::Absolute ? value : value * 0.5 * (std::fabs(a) + std::fabs(b));
}

Equivalence tost(const Estimate& a, const Estimate& b, const Margin& m, double alpha) {
  Equivalence q;
  q.difference = a.value - b.value;
  q.margin = m.absolute(a.value, b.value);
  if (!std::isfinite(a.value) || !std::isfinite(b.value)) {
    q.lo = q.hi = std::numeric_limits<double>::quiet_NaN();
    q.reason = "a value is missing";
    return q;
  }
  if (!a.has_error() || !b.has_error()) {
    q.lo = q.hi = q.difference;
    q.reason = fmt::format("no error estimate for {} (needs >= 2 replicas or enough samples for block averages)",
                           !a.has_error() ? "A" : "B");
    return q;
  }
  const double va = a.se * a.se, vb = b.se * b.se;
  const double s = std::sqrt(va + vb);
  int dof = 0;
  if (a.dof > 0 && b.dof > 0) {
    const double welch = (va + vb) * (va + vb) / (va * va / a.dof + vb * vb / b.dof);
    dof = std::max(1, static_cast<int>(std::floor(welch)));
  }
  const double t = analysis::two_sided_quantile(1.0 - 2.0 * alpha, dof);
  q.lo = q.difference - t * s;
  q.hi = q.difference + t * s;
  const std::string ci = fmt::format("A - B = {:.4g}, {:.0f}% interval [{:.4g}, {:.4g}] (t = {:.3g}, dof {})",
                                     q.difference, 100 * (1 - 2 * alpha), q.lo, q.hi, t,
                                     dof > 0 ? std::to_string(dof) : std::string("normal"));
  if (q.lo > -q.margin && q.hi < q.margin) {
    q.verdict = Verdict::Pass;
    q.reason = ci + fmt::format(" inside the margin +/-{:.4g}", q.margin);
  } else if (q.lo > q.margin || q.hi < -q.margin) {
    q.verdict = Verdict::Fail;
    q.reason = ci + fmt::format(" entirely outside the margin +/-{:.4g}", q.margin);
  } else {
    q.verdict = Verdict::Inconclusive;
    q.reason = ci + fmt::format(" straddles the margin +/-{:.4g}: more data needed", q.margin);
  }
  return q;
}

DistanceVerdict decide_distance(double d, double lo, double hi, double margin, const std::string& what) {
  DistanceVerdict v;
  v.distance = d;
  v.lo = lo;
  v.hi = hi;
  v.margin = margin;
  const std::string s = fmt::format("{} = {:.4g}, bootstrap interval [{:.4g}, {:.4g}]", what, d, lo, hi);
  if (!std::isfinite(d)) {
    v.reason = what + " could not be computed";
  } else if (hi < margin) {
    v.verdict = Verdict::Pass;
    v.reason = s + fmt::format(" below the margin {:.4g}", margin);
  } else if (lo > margin) {
    v.verdict = Verdict::Fail;
    v.reason = s + fmt::format(" above the margin {:.4g}", margin);
  } else {
    v.reason = s + fmt::format(" straddles the margin {:.4g}", margin);
  }
  return v;
}

}  // namespace gb::compare
