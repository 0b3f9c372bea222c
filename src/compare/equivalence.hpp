#pragma once
// Statistical equivalence of one observable measured by two runs (two
// engines, or two seeds of one engine): two one-sided tests (TOST) on the
// difference of the means with a stated margin.
//
//   d = x_A - x_B,  s = sqrt(se_A^2 + se_B^2),  dof by Welch-Satterthwaite,
//   interval [d - t s, d + t s] with t the two-sided (1 - 2 alpha) Student
//   quantile (alpha = 0.05: the 90% interval; both one-sided tests at 5%).
//   pass          the interval lies inside (-margin, +margin): equivalent
//   fail          the interval lies entirely outside [-margin, +margin]:
//                 different by more than the margin, at the same confidence
//   inconclusive  it straddles a margin edge (too little data to decide), or
//                 an error bar could not be estimated
#include <string>
#include <vector>

namespace gb::compare {

enum class Verdict { Pass, Fail, Inconclusive };
const char* verdict_name(Verdict v);  // "pass" | "fail" | "inconclusive"

/// A measured value with its standard error.  dof: degrees of freedom of the
/// error estimate (replicas - 1, or blocks - 1); 0 = use the normal quantile.
struct Estimate {
  double value = 0;
  double se = 0;      // NaN or <= 0: not estimated
  int dof = 0;
  int samples = 0;    // replicas (or blocks) behind the estimate
  std::string how;    // "mean of 3 replicas" / "block average, 10 blocks"
  bool has_error() const { return se > 0; }
};

/// Mean and standard error of independent values (replicas): se = sd / sqrt(n),
/// dof = n - 1.  One value: se = NaN.
Estimate mean_estimate(const std::vector<double>& values, const std::string& what);

/// Block average of a correlated time series: `blocks` equal blocks (the tail
/// remainder dropped), se = sd(block means)/sqrt(blocks), dof = blocks - 1.
/// Fewer than 2 * blocks points: se from the points themselves (dof n - 1).
Estimate block_estimate(const std::vector<double>& series, int blocks = 10);

struct Margin {
  enum class Kind { Absolute, Relative } kind = Kind::Absolute;
  double value = 0;       // absolute: in the observable's units; relative: fraction of |mean of A and B|
  std::string reason;     // why this margin (one line)
  double absolute(double a, double b) const;
};

struct Equivalence {
  Verdict verdict = Verdict::Inconclusive;
  double difference = 0;          // A - B
  double lo = 0, hi = 0;          // the (1 - 2 alpha) interval of the difference
  double margin = 0;              // absolute margin used
  std::string reason;
};

Equivalence tost(const Estimate& a, const Estimate& b, const Margin& m, double alpha = 0.05);

/// A distance between two distributions (or curves) with a bootstrap interval:
/// pass when the upper end is below the margin, fail when the lower end is
/// above it, inconclusive otherwise.
struct DistanceVerdict {
  Verdict verdict = Verdict::Inconclusive;
  double distance = 0, lo = 0, hi = 0, margin = 0;
  std::string reason;
};
DistanceVerdict decide_distance(double distance, double lo, double hi, double margin, const std::string& what);

}  // namespace gb::compare
