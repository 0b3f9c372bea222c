#pragma once
// The verdict of one reference check on one run (or data set).
#include <optional>
#include <string>
#include <vector>

#include "validation/measurement.hpp"
#include "validation/reference.hpp"

namespace gb::validation {

enum class Status { Pass, Fail, Skip, Inconclusive };
const char* status_name(Status s);  // "pass" | "fail" | "skip" | "inconclusive"

/// How a pooled verdict over a replica set was reached (validation/replica_pool.hpp).
struct ReplicaPool {
  int replicas = 0;                  // replica runs in the set
  int measured = 0;                  // replicas whose probe gave a value (n of the mean)
  std::vector<std::string> targets;  // per replica: run directory
  std::vector<std::string> statuses; // per replica: its own verdict
  std::vector<double> values, sigmas;  // per replica (NaN where none)
  double mean = 0, standard_error = 0;  // over the replicas with a value
  double within_run_error = 0;       // sqrt(sum sigma_i^2)/n: what the runs' own errors say (NaN if not all given)
  int dof = 0;                       // measured - 1
  double t = 0;                      // Student-t quantile used
  double confidence = 0;             // two-sided, of the interval mean +- t SE
  double half_width = 0;             // of the decision interval (t SE, with the reference's k sigma in quadrature)
};

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
  /// Set when the verdict pools a replica set (one result per reference).
  std::optional<ReplicaPool> pool;
};

/// Verdict rule (docs/validation.md): with s = sqrt(sigma_x^2 + sigma_ref^2)
/// (an unestimated sigma counts as 0), pass if [x - k s, x + k s] lies inside
/// the band, fail if it lies entirely outside, otherwise inconclusive.
/// k = 2 (about 95% two-sided).
CheckResult decide(const Reference& ref, const std::string& target, const Measurement& m, double k_sigma = 2.0);

/// The same rule with a given half-width h of the decision interval:
/// pass if [x - h, x + h] lies inside the band, fail if outside, otherwise
/// inconclusive (decide() uses h = k sqrt(sigma_x^2 + sigma_ref^2)).
CheckResult decide_interval(const Reference& ref, const std::string& target, const Measurement& m, double half_width,
                            const std::string& interval_text);

}  // namespace gb::validation
