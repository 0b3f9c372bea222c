#include "validation/tolerance.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace gb::validation {

const char* tolerance_kind_name(Tolerance::Kind k) {
  switch (k) {
    case Tolerance::Kind::Absolute: return "absolute";
    case Tolerance::Kind::Relative: return "relative";
    case Tolerance::Kind::Interval: return "interval";
    case Tolerance::Kind::Sign: return "sign";
    case Tolerance::Kind::Relation: return "relation";
    case Tolerance::Kind::Information: return "information";
  }
  return "?";
}

void Tolerance::band(std::optional<double> reference, double& lo, double& hi) const {
  const double inf = std::numeric_limits<double>::infinity();
  lo = -inf;
  hi = inf;
  switch (kind) {
    case Kind::Absolute:
      if (reference) { lo = *reference - value; hi = *reference + value; }
      break;
    case Kind::Relative:
      if (reference) {
        const double w = value * std::fabs(*reference);
        lo = *reference - w;
        hi = *reference + w;
      }
      break;
    case Kind::Interval:
      if (min) lo = *min;
      if (max) hi = *max;
      break;
    case Kind::Sign:
      if (expect_sign > 0) lo = 0;
      if (expect_sign < 0) hi = 0;
      break;
    case Kind::Relation:
    case Kind::Information:
      break;
  }
}

std::string Tolerance::describe() const {
  switch (kind) {
    case Kind::Absolute: return fmt::format("±{:g}", value);
    case Kind::Relative: return fmt::format("±{:g}%", value * 100.0);
    case Kind::Interval:
      return fmt::format("[{}, {}]", min ? fmt::format("{:g}", *min) : std::string("-inf"),
                         max ? fmt::format("{:g}", *max) : std::string("+inf"));
    case Kind::Sign: return expect_sign > 0 ? "> 0" : "< 0";
    case Kind::Relation: return "relation";
    case Kind::Information: return "information only";
  }
  return "?";
}

}  // namespace gb::validation
