#pragma once
// A value computed from a run (or a user's data set) with its 1-sigma
// uncertainty, or the reason it could not be computed.
#include <cmath>
#include <limits>
#include <string>

namespace gb::validation {

struct Measurement {
  bool ok = false;
  double value = std::numeric_limits<double>::quiet_NaN();
  double sigma = std::numeric_limits<double>::quiet_NaN();  // NaN: not estimated
  std::string detail;   // how it was obtained (stages, fit range, n points)
  std::string skip;     // when !ok: "missing stage ...", "too little data ..."
  bool weak = false;    // inputs exist but are too weak to decide (reason in `skip`)

  static Measurement of(double v, double s, std::string how) {
    Measurement m; m.ok = true; m.value = v; m.sigma = s; m.detail = std::move(how); return m;
  }
  static Measurement skipped(std::string why) { Measurement m; m.skip = std::move(why); return m; }
  /// Inputs present but statistically too weak: reported as "inconclusive".
  static Measurement too_weak(std::string why) { Measurement m; m.skip = std::move(why); m.weak = true; return m; }
};

}  // namespace gb::validation
