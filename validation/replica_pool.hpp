#pragma once
// Verdicts over a replica set (`glassbench run --replicas N`): every replica
// is validated on its own (its replica-NN/validation.json), then each check
// is decided once on the replica spread (docs/validation.md "Replica sets"):
//
//   x_i   the probe's value on replica i (the replicas with a value, n >= 2)
//   mean  m = sum x_i / n,  SE = sd(x_i) / sqrt(n),  dof = n - 1
//   half-width of the decision interval
//         h = sqrt((t SE)^2 + (k sigma_ref)^2),
//         t = Student-t quantile, two-sided, at the confidence of k normal
//             sigmas (k = --sigma, default 2: 95.45 %; n = 3 gives t = 4.53)
//   pass / fail / inconclusive: [m - h, m + h] inside / outside / straddling
//         the band -- the rule of check_result.hpp with the replica interval
//         in place of one run's within-run (block or fit) error.
//
// The within-run errors are not used in the verdict (the spread over
// independent replicas already contains that noise); their combination
// sqrt(sum sigma_i^2)/n is recorded beside the SE so a reader can see whether
// the runs' own error bars were honest.  Sign (qualitative) tolerances use
// the same interval.
//   1 replica with a value   its own verdict (within-run error), said so
//   0 replicas with a value  skip / inconclusive with replica 0's reason
//   a replica could not be read   fail, naming it
//   n >= 2 identical values  inconclusive: the replicas are not independent --
//                            unless each replica's own error is 0 (an exact,
//                            deterministic value such as a recorded threshold):
//                            then that value decides
#include <string>
#include <vector>

#include "validation/check_result.hpp"

namespace gb::validation {

/// per_replica[r]: the results of validate_run on replica r (any order, one
/// per reference id); `root` is the replica-set directory (the pooled
/// results' target).  One pooled result per reference id, in replica 0's order.
std::vector<CheckResult> pool_replica_results(const std::vector<std::vector<CheckResult>>& per_replica,
                                              const std::vector<std::string>& replica_dirs, const std::string& root,
                                              double k_sigma);

/// Two-sided confidence of +-k normal sigmas, erf(k / sqrt 2).
double normal_confidence(double k_sigma);

}  // namespace gb::validation
