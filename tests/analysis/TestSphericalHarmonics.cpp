// Spherical harmonics by recurrence, checked against the C++17 special
// functions (std::sph_legendre) and textbook closed forms.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/internal/spherical_harmonics.hpp"

using gb::Vec3;
using gb::analysis::SphericalHarmonics;

TEST(SphericalHarmonics, MatchesStdSphLegendre) {
  SphericalHarmonics y(12);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int trial = 0; trial < 200; ++trial) {
    const Vec3 r{u(rng), u(rng), u(rng)};
    if (r.norm() < 1e-3) continue;
    y.evaluate(r * 3.7);  // any length
    const double theta = std::acos(r.z / r.norm()), phi = std::atan2(r.y, r.x);
    for (int l = 0; l <= 12; ++l)
      for (int m = 0; m <= l; ++m) {
        const std::complex<double> ref = std::sph_legendre(l, m, theta) * std::polar(1.0, m * phi);
        // 1e-12: two different double-precision recurrences.
        EXPECT_NEAR(std::abs(y(l, m) - ref), 0.0, 1e-12) << "l=" << l << " m=" << m;
        const std::complex<double> neg = (m % 2 ? -1.0 : 1.0) * std::conj(ref);
        EXPECT_NEAR(std::abs(y(l, -m) - neg), 0.0, 1e-12);  // same
      }
  }
}

TEST(SphericalHarmonics, ClosedFormsAndUnsoeldSum) {
  SphericalHarmonics y(6);
  const Vec3 r{0.3, -0.5, 0.8};
  y.evaluate(r);
  const double ct = r.z / r.norm(), st = std::sqrt(1 - ct * ct), phi = std::atan2(r.y, r.x);
  // Y_10 = sqrt(3/4pi) cos(theta); Y_11 = -sqrt(3/8pi) sin(theta) e^{i phi} (Condon-Shortley).
  EXPECT_NEAR(std::abs(y(1, 0) - std::sqrt(3 / (4 * M_PI)) * ct), 0, 1e-15);  // rounding
  EXPECT_NEAR(std::abs(y(1, 1) + std::sqrt(3 / (8 * M_PI)) * st * std::polar(1.0, phi)), 0, 1e-15);  // rounding
  // Unsoeld: sum_m |Y_lm|^2 = (2l+1)/(4 pi) for every direction.
  for (int l = 0; l <= 6; ++l) {
    double s = 0;
    for (int m = -l; m <= l; ++m) s += std::norm(y(l, m));
    EXPECT_NEAR(s, (2 * l + 1) / (4 * M_PI), 1e-13);  // rounding
  }
}

TEST(SphericalHarmonics, PolesAreFinite) {
  SphericalHarmonics y(6);
  y.evaluate({0, 0, -2});
  EXPECT_NEAR(y(6, 0).real(), std::sqrt(13 / (4 * M_PI)), 1e-14);  // P_6(-1) = 1; rounding
  EXPECT_EQ(std::abs(y(6, 3)), 0.0);
  EXPECT_THROW(y.evaluate({0, 0, 0}), std::invalid_argument);
}
