#pragma once
// How close a computed value must be to a published one.  Kinds:
//   absolute  |x - ref| <= value
//   relative  |x - ref| <= value * |ref|
//   interval  min <= x <= max (either side may be open)
//   sign      x > 0 (expect positive) or x < 0 (expect negative): trend assertions
//   relation  a definition (e.g. Maxwell eta = G tau); never decided
//   information  no value to check against (e.g. a quantity nobody published
//            for this system): the measured value is reported, verdict skip
#include <optional>
#include <string>

namespace gb::validation {

struct Tolerance {
  enum class Kind { Absolute, Relative, Interval, Sign, Relation, Information };
  Kind kind = Kind::Absolute;
  double value = 0;              // absolute / relative width
  std::optional<double> min, max;  // interval bounds
  int expect_sign = 0;           // sign: +1 positive, -1 negative

  /// Accepted band [lo, hi] for a reference value (infinite where open).
  void band(std::optional<double> reference, double& lo, double& hi) const;
  /// Human-readable: "±0.05", "±25%", "[-inf, 1]", "> 0".
  std::string describe() const;
};

const char* tolerance_kind_name(Tolerance::Kind k);
/// Inverse of tolerance_kind_name; nullopt for an unknown name.
std::optional<Tolerance::Kind> tolerance_kind_from_name(const std::string& name);
/// Inverse of Tolerance::describe() for a known kind (validation.json files
/// written before the tolerance's fields were recorded carry only the kind and
/// this text).  nullopt if `text` is not what describe() writes for `kind`.
std::optional<Tolerance> tolerance_from_description(Tolerance::Kind kind, const std::string& text);

}  // namespace gb::validation
