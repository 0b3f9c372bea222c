// Box geometry in the LAMMPS convention: fractional round trips, wrapping
// with image counts, minimum image in orthogonal and triclinic cells.
#include <gtest/gtest.h>

#include <random>

#include "core/box.hpp"

using gb::Box;
using gb::Vec3;

namespace {
Box triclinic_box() {
  Box b;
  b.lo = {-1.5, 2.0, 0.5};
  b.lx = 10.0; b.ly = 9.0; b.lz = 8.0;
  b.xy = 2.5; b.xz = -1.0; b.yz = 1.5;
  return b;
}
}  // namespace

TEST(Box, FractionalRoundTrip) {
  const Box b = triclinic_box();
  const Vec3 r{3.3, -4.1, 7.7};
  const Vec3 back = b.to_cartesian(b.to_fractional(r));
  // 1e-12 A: a few ulps of coordinates of order 10 A.
  EXPECT_NEAR(back.x, r.x, 1e-12);
  EXPECT_NEAR(back.y, r.y, 1e-12);
  EXPECT_NEAR(back.z, r.z, 1e-12);
}

TEST(Box, WrapCountsImagesAndUnwrapRestores) {
  const Box b = triclinic_box();
  const Vec3 r{25.0, -13.0, 19.0};
  int img[3] = {0, 0, 0};
  const Vec3 w = b.wrap(r, img);
  const Vec3 s = b.to_fractional(w);
  for (int k = 0; k < 3; ++k) {
    EXPECT_GE(s[k], 0.0);
    EXPECT_LT(s[k], 1.0);
  }
  const Vec3 u = b.unwrap(w, img[0], img[1], img[2]);
  // 1e-11 A: wrap+unwrap accumulates rounding from a few box lengths.
  EXPECT_NEAR(u.x, r.x, 1e-11);
  EXPECT_NEAR(u.y, r.y, 1e-11);
  EXPECT_NEAR(u.z, r.z, 1e-11);
}

TEST(Box, MinimumImageIsShortestLatticeTranslate) {
  // Brute force over neighbouring images: for displacements well inside the
  // cell the rounded fractional image must be the shortest one.
  const Box b = triclinic_box();
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-12, 12);
  for (int n = 0; n < 200; ++n) {
    const Vec3 d{u(rng), u(rng), u(rng)};
    const Vec3 m = b.minimum_image(d);
    // m differs from d by a lattice vector
    const Vec3 diff = b.to_fractional(b.lo + (d - m));
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(diff[k], std::round(diff[k]), 1e-9);
    // Fractional components of the result lie in [-0.5, 0.5].
    const Vec3 s = b.to_fractional(b.lo + m);
    for (int k = 0; k < 3; ++k) EXPECT_LE(std::abs(s[k]), 0.5 + 1e-12);
  }
}

TEST(Box, OrthogonalMinimumImage) {
  const Box b = Box::cubic(10.0);
  const Vec3 m = b.minimum_image({9.0, -6.0, 4.9});
  EXPECT_DOUBLE_EQ(m.x, -1.0);
  EXPECT_DOUBLE_EQ(m.y, 4.0);
  EXPECT_DOUBLE_EQ(m.z, 4.9);
}
