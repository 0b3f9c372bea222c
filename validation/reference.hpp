#pragma once
// One published value (or trend assertion) from references/*.yaml, with where
// it came from and how a computed value is compared with it.
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "validation/tolerance.hpp"

namespace gb::validation {

struct Reference {
  std::string id;
  std::string quantity;
  std::string system;      // "Al90La10", "Cu64Zr36", ... or "any"
  std::string conditions;
  std::optional<double> value;        // null for sign assertions
  std::optional<double> uncertainty;  // published 1-sigma (null: not stated)
  std::string uncertainty_note;
  std::string units;
  std::string source;      // paper + figure / section
  std::string origin = "published";  // "published", "transferred" (claim carried to another system) or
                                     // "self-consistency" (physics the data must show; no published value)
  Tolerance tolerance;
  std::string reason;      // why this tolerance
  std::string probe;       // what computes the value ("" = not checkable, e.g. a relation)
  std::map<std::string, std::string> params;  // the rest of `check:` (probe parameters)
  SourceLocation where;    // of the entry in its file

  /// A probe parameter as a number / string; `fallback` if absent.  A present
  /// but non-numeric value throws gb::InputError naming file:line.
  double param_number(const std::string& key, double fallback) const;
  std::string param_string(const std::string& key, const std::string& fallback = "") const;
  bool has_param(const std::string& key) const { return params.count(key) > 0; }
};

}  // namespace gb::validation
