#pragma once
// Typed values of case-file fields with the checks every stage kind shares;
// each failure is the field's "file:line:column: path: ..." error.
#include "cases/yaml_field.hpp"

namespace gb::cases {

/// Time (ps) -> whole number of steps of dt, or a clear error.
long whole_steps(const YamlField& f, double ps, double dt, bool allow_zero);
/// A positive time in ps ("2 ps", "500 fs").
double positive_time(const YamlField& f);
/// A temperature above 0 K.
double positive_temperature(const YamlField& f);
/// An interval ("1 ps" or "500 steps") -> steps of dt; "none"/"off" -> 0 when allow_zero.
long interval_steps(const YamlField& f, double dt, bool allow_zero);

}  // namespace gb::cases
