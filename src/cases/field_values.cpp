#include "cases/internal/field_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/input_limits.hpp"

namespace gb::cases {

namespace {
// Relative tolerance for "is this a whole number of steps": durations like
// "2 ns" / "2 fs" give 999999.9999999 in floating point.
constexpr double kWholeStepTolerance = 1e-6;

std::string fmt_g(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
}  // namespace

// Time (ps) -> whole number of steps of dt, or a clear error.
long whole_steps(const YamlField& f, double ps, double dt, bool allow_zero) {
  const double n = ps / dt;
  if (!(std::fabs(n) <= static_cast<double>(limits::kMaxSteps)))
    f.fail(format_time_ps(ps) + " is more than 1e12 time steps of " + format_time_ps(dt) +
           " (the most glassbench allows per stage)");
  const double r = std::round(n);
  if (std::fabs(n - r) > kWholeStepTolerance * std::max(1.0, std::fabs(n)))
    f.fail(format_time_ps(ps) + " is not a whole number of " + format_time_ps(dt) + " time steps (" + fmt_g(n) +
           ")");
  if (r < 0 || (!allow_zero && r < 1)) f.fail("must be at least one time step (" + format_time_ps(dt) + ")");
  return static_cast<long>(r);
}

double positive_time(const YamlField& f) {
  const double t = f.as_quantity(QuantityKind::Time).value;
  if (!(t > 0)) f.fail("must be positive, got '" + f.as_string() + "'");
  return t;
}

double positive_temperature(const YamlField& f) {
  const double t = f.as_quantity(QuantityKind::Temperature).value;
  if (!(t > 0)) f.fail("temperature must be above 0 K, got '" + f.as_string() + "'");
  // 1e5 K: 20x the boiling point of any metal; EAM tables and MD both fail long before.
  if (t > 1e5) f.fail("temperature above 1e5 K, got '" + f.as_string() + "'");
  return t;
}

// An interval ("1 ps" or "500 steps") -> steps of dt; 0 allowed only as "0 steps"/"0 ps" when allow_zero.
long interval_steps(const YamlField& f, double dt, bool allow_zero) {
  if (f.is_scalar() && (f.as_string() == "none" || f.as_string() == "off")) {
    if (!allow_zero) f.fail("an interval is required here; expected " + quantity_example(QuantityKind::Interval));
    return 0;
  }
  const Quantity q = f.as_quantity(QuantityKind::Interval);
  if (q.value < 0 || std::signbit(q.value)) f.fail("must not be negative, got '" + f.as_string() + "'");
  if (q.in_steps) {
    if (q.value > static_cast<double>(limits::kMaxSteps))
      f.fail("more than 1e12 steps; glassbench allows at most 1e12 steps per stage");
    if (q.value < 1 && !allow_zero) f.fail("must be at least 1 step");
    return static_cast<long>(q.value);
  }
  return whole_steps(f, q.value, dt, allow_zero);
}

}  // namespace gb::cases
