#pragma once
// Applies references to run directories: which references apply to a run
// (same system, or `any`), evaluate each probe, decide the verdict.
#include <string>
#include <vector>

#include "validation/check_result.hpp"
#include "validation/reference.hpp"
#include "validation/run_directory.hpp"

namespace gb::validation {

struct ValidationOptions {
  double k_sigma = 2.0;             // verdict confidence (docs/validation.md)
  std::vector<std::string> only;    // reference ids to evaluate (empty: all applicable)
};

/// Does `ref` concern this run's system?  "any" always; otherwise the same
/// elements with fractions within 2 at.%.  `why` says why not.
bool applies_to(const Reference& ref, const RunDirectory& run, std::string* why = nullptr);

/// Every applicable run-probe reference on one run.  References with `only`
/// ids that do not apply come back as skip with the reason.  Errors in run
/// files come back as fail ("could not read ..."); errors in a reference
/// (unknown probe, bad parameter) throw gb::InputError.
std::vector<CheckResult> validate_run(const std::vector<Reference>& refs, const RunDirectory& run,
                                      const ValidationOptions& opt);

/// Run-independent probes (software self-checks such as w6hat of ideal shells).
std::vector<CheckResult> validate_self_checks(const std::vector<Reference>& refs, const ValidationOptions& opt);

struct Tally {
  int pass = 0, fail = 0, skip = 0, inconclusive = 0;
  int total() const { return pass + fail + skip + inconclusive; }
};
/// Verdicts on runs and data; self-checks are left out (they say the software
/// works, not that the physics holds).
Tally tally(const std::vector<CheckResult>& results);
/// The self-checks only.
Tally self_check_tally(const std::vector<CheckResult>& results);

}  // namespace gb::validation
