// Steinhardt invariants of ideal neighbour shells against published values.
// Sources (independent of this code):
//   [S83] Steinhardt, Nelson, Ronchetti, PRB 28, 784 (1983), Table I:
//         fcc  Q4 0.19094 Q6 0.57452 W^4 -0.15932 W^6 -0.01316
//         hcp  Q4 0.09722 Q6 0.48476 W^4  0.13410 W^6 -0.01244
//         bcc  Q4 0.03637 Q6 0.51069 W^4  0.15932 W^6  0.01316   (8 + 6 neighbours)
//         sc   Q4 0.76376 Q6 0.35355 W^4  0.15932 W^6  0.01316
//         icosahedral  Q4 0  Q6 0.66332  W^6 -0.16975
//   [C22] Chang et al., Nat. Mater. 21, 1240 (2022), Methods: w^6 of fcc, hcp,
//         icosahedron = -0.01316, -0.01244, -0.16975.
//   [M13] Mickel et al., J. Chem. Phys. 138, 044501 (2013), Table I: bcc with
//         the 8 nearest neighbours q4 0.50918 q6 0.62854 w^6 0.01316.
// Tables give 5 decimals, hence the 6e-6 tolerance on the values themselves.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/bond_order.hpp"
#include "order_test_structures.hpp"

using gb::Vec3;
using gb::analysis::BondOrderCalculator;
using gb::analysis::BondOrderInvariants;
using gb::analysis::BondOrderOptions;
namespace t = gb::testing;

namespace {
constexpr double kTable = 6e-6;  // published tables round to 5 decimals

struct Expected {
  double q4, q6, w4hat, w6hat;
};

void check(const std::vector<Vec3>& shell, const Expected& e, const char* name) {
  BondOrderCalculator calc(BondOrderOptions{{4, 6}, false});
  const auto r = calc.shell(shell);
  EXPECT_NEAR(r[0].q, e.q4, kTable) << name;
  EXPECT_NEAR(r[1].q, e.q6, kTable) << name;
  if (std::isnan(e.w4hat)) {
    EXPECT_TRUE(std::isnan(r[0].w_hat)) << name << ": w^4 undefined when q4 = 0";
  } else {
    EXPECT_NEAR(r[0].w_hat, e.w4hat, kTable) << name;
  }
  EXPECT_NEAR(r[1].w_hat, e.w6hat, kTable) << name;
}
}  // namespace

TEST(BondOrderShells, FccMatchesSteinhardtAndPaper) { check(t::fcc_shell(), {0.19094, 0.57452, -0.15932, -0.01316}, "fcc"); }
TEST(BondOrderShells, HcpMatchesSteinhardtAndPaper) { check(t::hcp_shell(), {0.09722, 0.48476, 0.13410, -0.01244}, "hcp"); }
TEST(BondOrderShells, IcosahedronMatchesSteinhardtAndPaper) {
  check(t::icosahedron_shell(), {0.0, 0.66332, NAN, -0.16975}, "icosahedron");
}
TEST(BondOrderShells, Bcc14MatchesSteinhardt) { check(t::bcc14_shell(), {0.03637, 0.51069, 0.15932, 0.01316}, "bcc-14"); }
TEST(BondOrderShells, Bcc8MatchesMickel) {
  BondOrderCalculator calc(BondOrderOptions{{4, 6}, false});
  const auto r = calc.shell(t::bcc8_shell());
  EXPECT_NEAR(r[0].q, 0.50918, kTable);
  EXPECT_NEAR(r[1].q, 0.62854, kTable);
  EXPECT_NEAR(r[1].w_hat, 0.01316, kTable);
}
TEST(BondOrderShells, SimpleCubicMatchesSteinhardt) { check(t::sc_shell(), {0.76376, 0.35355, 0.15932, 0.01316}, "sc"); }

TEST(BondOrderShells, PaperValuesToTheirQuotedDigits) {
  // The paper quotes w^6 to 5 decimals: -0.01316, -0.01244, -0.16975.
  BondOrderCalculator calc(BondOrderOptions{{6}, false});
  EXPECT_NEAR(calc.shell(t::fcc_shell())[0].w_hat, -0.01316, 5e-6);          // half a unit in the 5th decimal
  EXPECT_NEAR(calc.shell(t::hcp_shell())[0].w_hat, -0.01244, 5e-6);          // same
  EXPECT_NEAR(calc.shell(t::icosahedron_shell())[0].w_hat, -0.16975, 5e-6);  // same
}

TEST(BondOrderShells, InvariantUnderRotationAndScaling) {
  BondOrderCalculator calc(BondOrderOptions{{2, 4, 6, 8}, false});
  std::mt19937_64 rng(11);
  std::normal_distribution<double> g;
  // A random, low-symmetry 13-atom shell plus the ideal ones.
  std::vector<Vec3> random_shell;
  for (int k = 0; k < 13; ++k) random_shell.push_back({g(rng), g(rng), g(rng)});
  for (const auto& shell : {t::fcc_shell(), t::hcp_shell(), t::icosahedron_shell(), random_shell}) {
    const auto ref = calc.shell(shell);
    for (int trial = 0; trial < 5; ++trial) {
      const auto rot = t::rotation({g(rng), g(rng), g(rng)}, 6.283 * (trial + 1) / 7.3);
      std::vector<Vec3> rotated;
      for (const auto& b : shell) rotated.push_back(rot(b) * (0.5 + trial));
      const auto r = calc.shell(rotated);
      for (size_t d = 0; d < ref.size(); ++d) {
        EXPECT_NEAR(r[d].q, ref[d].q, 1e-12);  // exact invariance up to rounding
        EXPECT_NEAR(r[d].w, ref[d].w, 1e-12);  // same
        if (!std::isnan(ref[d].w_hat)) {
          EXPECT_NEAR(r[d].w_hat, ref[d].w_hat, 1e-10);  // rounding, /q^3
        }
      }
    }
  }
}

TEST(BondOrderShells, EqualFaceWeightsChangeNothingUnequalDo) {
  BondOrderCalculator calc(BondOrderOptions{{4, 6}, true});
  const auto shell = t::hcp_shell();
  const auto plain = calc.shell(shell);
  const auto same = calc.shell(shell, std::vector<double>(shell.size(), 2.5));
  EXPECT_NEAR(same[1].w_hat, plain[1].w_hat, 1e-14);  // rounding
  std::vector<double> w(shell.size(), 1.0);
  w[0] = 5.0;
  EXPECT_GT(std::abs(calc.shell(shell, w)[1].q - plain[1].q), 1e-3);  // weighting must matter
}

TEST(BondOrderShells, NoNeighboursGiveNaN) {
  BondOrderCalculator calc(BondOrderOptions{{6}, false});
  const auto r = calc.shell({});
  EXPECT_TRUE(std::isnan(r[0].q));
  EXPECT_TRUE(std::isnan(r[0].w_hat));
}
