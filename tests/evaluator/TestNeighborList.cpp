// The one neighbour search (CellNeighborList) against brute force over
// explicit periodic images: a triclinic box much narrower than twice the
// cutoff (many images per pair, images of an atom itself), an ordinary
// box, a cluster, and the skin rule (no rebuild for small moves, rebuild
// and still complete after larger moves and a box rescale).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/structure_builder.hpp"
#include "evaluator/cell_neighbor_list.hpp"

namespace {

gb::Cell cell_of(const gb::Box& b) {
  gb::Cell c;
  c.a = b.a();
  c.b = b.b();
  c.c = b.c();
  return c;
}

// Sorted distances of every pair (i, j, image) with r < rc, each unordered pair once.
std::vector<double> brute_force(const std::vector<gb::Vec3>& x, const gb::Cell& cell, double rc, int images) {
  std::vector<double> out;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i; j < x.size(); ++j)
      for (int a = -images; a <= images; ++a)
        for (int b = -images; b <= images; ++b)
          for (int z = -images; z <= images; ++z) {
            if (!cell.periodic && (a || b || z)) continue;
            if (i == j && !(a > 0 || (a == 0 && (b > 0 || (b == 0 && z > 0))))) continue;
            const gb::Vec3 d = x[j] + cell.a * a + cell.b * b + cell.c * z - x[i];
            if (d.norm() < rc) out.push_back(d.norm());
          }
  std::sort(out.begin(), out.end());
  return out;
}

// Sorted distances < rc found through the list.
std::vector<double> from_list(const gb::CellNeighborList& nl, double rc) {
  std::vector<double> out;
  const auto& x = nl.local_positions();
  for (size_t i = 0; i < nl.natoms(); ++i)
    for (size_t k = nl.begin(i); k < nl.end(i); ++k) {
      const double r = (x[nl.neighbor(k)] + nl.shifts()[nl.shift_index(k)] - x[i]).norm();
      if (r < rc) out.push_back(r);
    }
  std::sort(out.begin(), out.end());
  return out;
}

void expect_same(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < got.size(); ++k) EXPECT_NEAR(got[k], want[k], 1e-11);  // rounding of wrapped coordinates
}

TEST(CellNeighborList, MatchesBruteForceInSmallTriclinicBox) {
  gb::AtomConfig c = gb::random_structure({{"A", 30}}, {1.0}, 0.06, 1.5, 99);  // edge 7.9 A
  c.box.xy = 2.0;
  c.box.xz = -1.5;
  c.box.yz = 0.7;
  const double rc = 6.5;
  gb::CellNeighborList nl(rc, 0.0);
  nl.build(c.positions, cell_of(c.box), 2);
  expect_same(from_list(nl, rc), brute_force(c.positions, cell_of(c.box), rc, 3));
}

TEST(CellNeighborList, MatchesBruteForceWithSkinAfterMovesAndRescale) {
  gb::AtomConfig c = gb::random_structure({{"A", 800}}, {1.0}, 0.06, 2.0, 5);  // edge 23.7 A
  c.box.xy = 3.0;
  c.box.xz = -2.0;
  c.box.yz = 1.0;
  const double rc = 5.0, skin = 1.0;
  gb::CellNeighborList nl(rc, skin);
  std::vector<gb::Vec3> x = c.positions;
  for (auto& p : x) p += c.box.a() * 3.0;  // unwrapped positions far outside the cell
  gb::Cell cell = cell_of(c.box);
  EXPECT_TRUE(nl.update(x, cell, 2));
  expect_same(from_list(nl, rc), brute_force(x, cell, rc, 4));
  std::mt19937_64 rng(3);
  auto move = [&](double amp) {
    for (auto& p : x)
      p += gb::Vec3{amp * (gb::uniform01(rng()) - 0.5), amp * (gb::uniform01(rng()) - 0.5),
                    amp * (gb::uniform01(rng()) - 0.5)};
  };
  move(0.2);  // |dx| <= 0.17 < skin/2: no rebuild, list still complete
  EXPECT_FALSE(nl.update(x, cell, 2));
  expect_same(from_list(nl, rc), brute_force(x, cell, rc, 4));
  move(2.0);  // beyond the skin: rebuild
  EXPECT_TRUE(nl.update(x, cell, 1));
  expect_same(from_list(nl, rc), brute_force(x, cell, rc, 4));
  // Box and positions scaled by 1.5 %: the images move, the rule must see it.
  for (auto& p : x) p = p * 1.015;
  cell.a = cell.a * 1.015;
  cell.b = cell.b * 1.015;
  cell.c = cell.c * 1.015;
  nl.update(x, cell, 2);
  expect_same(from_list(nl, rc), brute_force(x, cell, rc, 4));
  EXPECT_EQ(nl.builds(), 3);  // 1.5 % of 24 A shifts the images by 0.36 A -> with atom moves, rebuilt
}

TEST(CellNeighborList, ClusterHasNoImages) {
  gb::AtomConfig c = gb::random_structure({{"A", 200}}, {1.0}, 0.06, 2.0, 8);
  gb::Cell cell;
  cell.periodic = false;
  gb::CellNeighborList nl(6.0, 0.5);
  nl.build(c.positions, cell, 2);
  expect_same(from_list(nl, 6.0), brute_force(c.positions, cell, 6.0, 0));
}

}  // namespace
