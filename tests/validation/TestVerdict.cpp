// The verdict rule: pass only when value ± 2 sigma lies inside the band, fail
// only when entirely outside, otherwise inconclusive; skips keep their reason.
#include <gtest/gtest.h>

#include "validation/check_result.hpp"

namespace v = gb::validation;

static v::Reference absolute(double value, double tol) {
  v::Reference r;
  r.id = "t";
  r.value = value;
  r.tolerance.kind = v::Tolerance::Kind::Absolute;
  r.tolerance.value = tol;
  return r;
}

TEST(Verdict, AbsoluteBand) {
  const auto ref = absolute(0.60, 0.06);  // band [0.54, 0.66]
  EXPECT_EQ(v::decide(ref, "r", v::Measurement::of(0.62, 0.01, "")).status, v::Status::Pass);   // [0.60, 0.64]
  EXPECT_EQ(v::decide(ref, "r", v::Measurement::of(0.75, 0.02, "")).status, v::Status::Fail);   // [0.71, 0.79]
  EXPECT_EQ(v::decide(ref, "r", v::Measurement::of(0.65, 0.02, "")).status, v::Status::Inconclusive);  // [0.61, 0.69]
  EXPECT_EQ(v::decide(ref, "r", v::Measurement::of(0.70, 0.03, "")).status, v::Status::Inconclusive);  // [0.64, 0.76]
  const auto r = v::decide(ref, "r", v::Measurement::of(0.62, 0.01, ""));
  EXPECT_NEAR(r.margin, 0.04, 1e-12);  // distance to the upper edge 0.66
  EXPECT_NEAR(r.band_lo, 0.54, 1e-12);
}

TEST(Verdict, ReferenceUncertaintyWidensTheDecision) {
  auto ref = absolute(6.93, 0.5);
  ref.uncertainty = 0.2;  // s = hypot(0.1, 0.2) = 0.2236; 2s = 0.447
  EXPECT_EQ(v::decide(ref, "r", v::Measurement::of(6.93 + 0.1, 0.1, "")).status, v::Status::Inconclusive);
  EXPECT_EQ(v::decide(ref, "r", v::Measurement::of(6.93 + 0.05, 0.1, "")).status, v::Status::Pass);
}

TEST(Verdict, RelativeAndInterval) {
  v::Reference rel;
  rel.value = 1.0;
  rel.tolerance.kind = v::Tolerance::Kind::Relative;
  rel.tolerance.value = 0.25;
  EXPECT_EQ(v::decide(rel, "r", v::Measurement::of(1.1, 0.05, "")).status, v::Status::Pass);
  EXPECT_EQ(v::decide(rel, "r", v::Measurement::of(1.6, 0.1, "")).status, v::Status::Fail);
  v::Reference in;
  in.tolerance.kind = v::Tolerance::Kind::Interval;
  in.tolerance.max = 1.0;
  EXPECT_EQ(v::decide(in, "r", v::Measurement::of(0.1, 0.01, "")).status, v::Status::Pass);
  EXPECT_EQ(v::decide(in, "r", v::Measurement::of(2.0, 0.1, "")).status, v::Status::Fail);
}

TEST(Verdict, SignAssertionNeedsTwoSigma) {
  v::Reference s;
  s.tolerance.kind = v::Tolerance::Kind::Sign;
  s.tolerance.expect_sign = 1;
  EXPECT_EQ(v::decide(s, "r", v::Measurement::of(0.3, 0.1, "")).status, v::Status::Pass);
  EXPECT_EQ(v::decide(s, "r", v::Measurement::of(0.1, 0.1, "")).status, v::Status::Inconclusive);
  EXPECT_EQ(v::decide(s, "r", v::Measurement::of(-0.3, 0.1, "")).status, v::Status::Fail);
  EXPECT_EQ(v::decide(s, "r", v::Measurement::of(0.0, 0.0, "")).status, v::Status::Fail);  // "> 0" is strict
}

TEST(Verdict, SkipsAndWeakInputsKeepTheirReason) {
  const auto ref = absolute(1, 1);
  auto r = v::decide(ref, "r", v::Measurement::skipped("missing stage: no quench"));
  EXPECT_EQ(r.status, v::Status::Skip);
  EXPECT_EQ(r.reason, "missing stage: no quench");
  r = v::decide(ref, "r", v::Measurement::too_weak("only 2 fast atoms"));
  EXPECT_EQ(r.status, v::Status::Inconclusive);
  EXPECT_EQ(r.reason, "only 2 fast atoms");
}
