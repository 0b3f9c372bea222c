// Wigner 3-j symbols (Racah formula) against independent closed forms and
// the orthogonality and symmetry relations (Edmonds 1957, ch. 3).
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/wigner3j.hpp"

using gb::analysis::wigner_3j;
using gb::analysis::wigner_3j_lll;

namespace {
double fact(int n) { return std::tgamma(n + 1.0); }
}  // namespace

TEST(Wigner3j, AllZeroMMatchesClosedForm) {
  // (l l l; 0 0 0) = (-1)^g sqrt((l!)^3 / (3l+1)!) g! / ((g-l)!)^3 with g = 3l/2
  // for even l (Edmonds 1957, closed form for j1+j2+j3 = 2g even), 0 for odd l.
  for (int l = 0; l <= 12; ++l) {
    double expected = 0;
    if (l % 2 == 0) {
      const int g = 3 * l / 2;
      expected = (g % 2 ? -1 : 1) * std::sqrt(std::pow(fact(l), 3) / fact(3 * l + 1)) * fact(g) /
                 std::pow(fact(g - l), 3);
    }
    // 1e-14: double rounding of the closed form itself.
    EXPECT_NEAR(wigner_3j(l, l, l, 0, 0, 0), expected, 1e-14) << "l=" << l;
  }
  EXPECT_NEAR(wigner_3j(2, 2, 2, 0, 0, 0), -std::sqrt(2.0 / 35.0), 1e-15);  // textbook value; rounding only
}

TEST(Wigner3j, CouplingToZeroMatchesClosedForm) {
  // (j j 0; m -m 0) = (-1)^(j-m) / sqrt(2j+1).
  for (int j = 0; j <= 10; ++j)
    for (int m = -j; m <= j; ++m)
      EXPECT_NEAR(wigner_3j(j, j, 0, m, -m, 0), ((j - m) % 2 ? -1.0 : 1.0) / std::sqrt(2 * j + 1.0), 1e-14);  // rounding
}

TEST(Wigner3j, OrthogonalityHolds) {
  // sum_{m1,m2} (2 j3 + 1) (j1 j2 j3; m1 m2 m3)(j1 j2 j3'; m1 m2 m3) = delta_{j3 j3'}.
  for (int j1 = 0; j1 <= 6; ++j1)
    for (int j2 = 0; j2 <= 6; ++j2)
      for (int j3 = std::abs(j1 - j2); j3 <= j1 + j2; ++j3)
        for (int j3p = std::abs(j1 - j2); j3p <= j1 + j2; ++j3p) {
          const int m3 = 0;
          double s = 0;
          for (int m1 = -j1; m1 <= j1; ++m1) {
            const int m2 = -m1 - m3;
            s += (2 * j3 + 1) * wigner_3j(j1, j2, j3, m1, m2, m3) * wigner_3j(j1, j2, j3p, m1, m2, m3);
          }
          // 1e-12: accumulated rounding of up to 13 products.
          EXPECT_NEAR(s, j3 == j3p ? 1.0 : 0.0, 1e-12) << j1 << " " << j2 << " " << j3 << " " << j3p;
        }
}

TEST(Wigner3j, PermutationAndReflectionSymmetry) {
  for (int j1 = 0; j1 <= 5; ++j1)
    for (int j2 = 0; j2 <= 5; ++j2)
      for (int j3 = std::abs(j1 - j2); j3 <= j1 + j2; ++j3)
        for (int m1 = -j1; m1 <= j1; ++m1)
          for (int m2 = -j2; m2 <= j2; ++m2) {
            const int m3 = -m1 - m2;
            if (std::abs(m3) > j3) continue;
            const double v = wigner_3j(j1, j2, j3, m1, m2, m3);
            const double odd = ((j1 + j2 + j3) % 2) ? -1.0 : 1.0;
            // 1e-14: rounding; the relations are exact.
            EXPECT_NEAR(wigner_3j(j2, j3, j1, m2, m3, m1), v, 1e-14);         // cyclic
            EXPECT_NEAR(wigner_3j(j2, j1, j3, m2, m1, m3), odd * v, 1e-14);   // odd permutation
            EXPECT_NEAR(wigner_3j(j1, j2, j3, -m1, -m2, -m3), odd * v, 1e-14);  // m -> -m
          }
}

TEST(Wigner3j, SelectionRulesGiveZero) {
  EXPECT_EQ(wigner_3j(2, 2, 2, 1, 1, 1), 0.0);  // m's do not sum to 0
  EXPECT_EQ(wigner_3j(1, 1, 3, 0, 0, 0), 0.0);  // triangle rule
  EXPECT_EQ(wigner_3j(2, 2, 2, 3, -3, 0), 0.0); // |m| > j
  EXPECT_THROW(wigner_3j(51, 51, 51, 0, 0, 0), std::invalid_argument);
}

TEST(Wigner3j, LllTableHasEveryNonZeroTerm) {
  for (int l : {4, 6}) {
    const auto terms = wigner_3j_lll(l);
    int count = 0;
    for (int m1 = -l; m1 <= l; ++m1)
      for (int m2 = -l; m2 <= l; ++m2)
        if (std::abs(m1 + m2) <= l && wigner_3j(l, l, l, m1, m2, -m1 - m2) != 0) ++count;
    EXPECT_EQ(static_cast<int>(terms.size()), count);
    for (const auto& t : terms) EXPECT_EQ(t.m1 + t.m2 + t.m3, 0);
  }
}
