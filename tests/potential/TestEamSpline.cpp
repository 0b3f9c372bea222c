// EamSpline: the LAMMPS pair_eam interpolation.  Checked against properties
// that follow from its definition, not against its own output: knots are
// reproduced, cubics are exact where the five-point slope is exact, the
// slope is the derivative of the value, and out-of-range lookups clamp.
#include <gtest/gtest.h>

#include <cmath>

#include "potential/eam_spline.hpp"

namespace {

TEST(EamSpline, ReproducesKnotsAndCubicsInside) {
  const double h = 0.1;
  auto f = [](double x) { return 2.0 - x + 0.5 * x * x - 0.25 * x * x * x; };
  auto df = [](double x) { return -1.0 + x - 0.75 * x * x; };
  std::vector<double> y;
  for (int k = 0; k < 40; ++k) y.push_back(f(k * h));
  const gb::EamSpline s(y, h);
  for (int k = 0; k < 39; ++k) EXPECT_NEAR(s.value(k * h), y[k], 1e-13) << k;  // rounding of x/h
  // Intervals whose both end slopes use the 5-point stencil (exact to degree
  // 4) carry the cubic exactly; 1e-12: rounding on values of order 10.
  for (double x = 2 * h; x < 36 * h; x += 0.013) {
    EXPECT_NEAR(s.value(x), f(x), 1e-12) << x;
    EXPECT_NEAR(s.eval(x).slope, df(x), 1e-11) << x;
  }
}

TEST(EamSpline, SlopeIsDerivativeOfValue) {
  std::vector<double> y;
  for (int k = 0; k < 50; ++k) y.push_back(std::sin(0.3 * k) * std::exp(-0.05 * k));
  const gb::EamSpline s(y, 0.2);
  const double eps = 1e-6;
  for (double x = 0.01; x < 9.7; x += 0.0917) {
    const double num = (s.value(x + eps) - s.value(x - eps)) / (2 * eps);
    EXPECT_NEAR(s.eval(x).slope, num, 1e-7) << x;  // central difference error ~eps^2*f''' + 1e-16/eps
  }
}

TEST(EamSpline, ClampsBeyondLastKnotLikeLammps) {
  std::vector<double> y{0, 1, 4, 9, 16, 25, 36};
  const gb::EamSpline s(y, 1.0);
  const auto end = s.eval(6.0);
  EXPECT_DOUBLE_EQ(end.value, 36.0);
  const auto far = s.eval(9.5);
  EXPECT_DOUBLE_EQ(far.value, 36.0);        // value held at the end
  EXPECT_DOUBLE_EQ(far.slope, end.slope);   // slope held at its end value
  EXPECT_DOUBLE_EQ(end.slope, 11.0);        // end slope = last difference 36 - 25
}

TEST(EamSpline, RejectsTooShortOrBadSpacing) {
  EXPECT_THROW(gb::EamSpline({1, 2, 3, 4}, 1.0), std::invalid_argument);
  EXPECT_THROW(gb::EamSpline({1, 2, 3, 4, 5}, 0.0), std::invalid_argument);
}

}  // namespace
