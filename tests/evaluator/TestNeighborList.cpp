// Neighbour list against brute force over explicit periodic images, for a
// triclinic box much narrower than twice the cutoff (many images per pair).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/structure_builder.hpp"
#include "evaluator/neighbor_list.hpp"

namespace {

TEST(NeighborList, MatchesBruteForceInSmallTriclinicBox) {
  gb::AtomConfig c = gb::random_structure({{"A", 30}}, {1.0}, 0.06, 1.5, 99);  // edge 7.9 A
  c.box.xy = 2.0;
  c.box.xz = -1.5;
  c.box.yz = 0.7;
  c.box.lo = {3, -2, 1};
  const double rc = 6.5;
  const gb::NeighborList nl(c.box, c.positions, rc, 2);
  for (size_t i = 0; i < c.size(); ++i) {
    std::vector<double> want;
    for (size_t j = 0; j < c.size(); ++j)
      for (int a = -3; a <= 3; ++a)
        for (int b = -3; b <= 3; ++b)
          for (int z = -3; z <= 3; ++z) {
            if (i == j && a == 0 && b == 0 && z == 0) continue;
            const gb::Vec3 d = c.positions[j] + c.box.a() * a + c.box.b() * b + c.box.c() * z - c.positions[i];
            if (d.norm() < rc) want.push_back(d.norm());
          }
    std::vector<double> got;
    for (size_t k = nl.begin(i); k < nl.end(i); ++k)
      got.push_back((nl.image_position(nl.image(k)) - nl.image_position(static_cast<int>(i))).norm());
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got.size(), want.size()) << "atom " << i;
    for (size_t k = 0; k < got.size(); ++k) EXPECT_NEAR(got[k], want[k], 1e-12);  // rounding of wrapped coordinates
  }
}

}  // namespace
