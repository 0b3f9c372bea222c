#pragma once
// The verdict of one reference check on one run (or data set).
#include <optional>
#include <string>

#include "validation/measurement.hpp"
#include "validation/reference.hpp"

namespace gb::validation {

enum class Status { Pass, Fail, Skip, Inconclusive };
const char* status_name(Status s);  // "pass" | "fail" | "skip" | "inconclusive"

struct CheckResult {
  std::string reference_id;
  std::string target;       // run directory or data file
  Status status = Status::Skip;
  Measurement measured;
  Reference reference;      // copy: value, units, tolerance, source for reports
  double band_lo = 0, band_hi = 0;  // accepted interval for the value
  double margin = std::numeric_limits<double>::quiet_NaN();  // distance to the nearest band edge, > 0 inside
  std::string reason;       // skip / inconclusive / fail explanation
  /// A software self-check (e.g. w6hat of ideal shells): counted apart from a
  /// run's physics verdicts (validator.hpp: tally vs self_check_tally).
  bool self_check = false;
};

/// Verdict rule (docs/validation.md): with s = sqrt(sigma_x^2 + sigma_ref^2)
/// (an unestimated sigma counts as 0), pass if [x - k s, x + k s] lies inside
/// the band, fail if it lies entirely outside, otherwise inconclusive.
/// k = 2 (about 95% two-sided).
CheckResult decide(const Reference& ref, const std::string& target, const Measurement& m, double k_sigma = 2.0);

}  // namespace gb::validation
