#include "validation/tolerance.hpp"

#include <cmath>
#include <cstdlib>
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

std::optional<Tolerance::Kind> tolerance_kind_from_name(const std::string& name) {
  for (auto k : {Tolerance::Kind::Absolute, Tolerance::Kind::Relative, Tolerance::Kind::Interval, Tolerance::Kind::Sign,
                 Tolerance::Kind::Relation, Tolerance::Kind::Information})
    if (name == tolerance_kind_name(k)) return k;
  return std::nullopt;
}

namespace {
// A whole-string number as fmt's {:g} writes it ("inf" for an open side handled by the caller).
std::optional<double> parse_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}
}  // namespace

std::optional<Tolerance> tolerance_from_description(Tolerance::Kind kind, const std::string& text) {
  Tolerance t;
  t.kind = kind;
  const std::string pm = "±";
  switch (kind) {
    case Tolerance::Kind::Absolute:
    case Tolerance::Kind::Relative: {
      if (text.rfind(pm, 0) != 0) return std::nullopt;
      std::string num = text.substr(pm.size());
      if (kind == Tolerance::Kind::Relative) {
        if (num.empty() || num.back() != '%') return std::nullopt;
        num.pop_back();
      }
      const auto v = parse_number(num);
      if (!v) return std::nullopt;
      t.value = kind == Tolerance::Kind::Relative ? *v / 100.0 : *v;
      return t;
    }
    case Tolerance::Kind::Interval: {
      const auto comma = text.find(", ");
      if (text.size() < 2 || text.front() != '[' || text.back() != ']' || comma == std::string::npos) return std::nullopt;
      const std::string lo = text.substr(1, comma - 1), hi = text.substr(comma + 2, text.size() - comma - 3);
      if (lo != "-inf") {
        t.min = parse_number(lo);
        if (!t.min) return std::nullopt;
      }
      if (hi != "+inf") {
        t.max = parse_number(hi);
        if (!t.max) return std::nullopt;
      }
      return t;
    }
    case Tolerance::Kind::Sign:
      if (text == "> 0") t.expect_sign = 1;
      else if (text == "< 0") t.expect_sign = -1;
      else return std::nullopt;
      return t;
    case Tolerance::Kind::Relation:
    case Tolerance::Kind::Information:
      if (text != Tolerance(t).describe()) return std::nullopt;
      return t;
  }
  return std::nullopt;
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
