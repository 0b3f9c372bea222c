// Seeded structures: reproducible, honour counts, density and minimum distance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/structure_builder.hpp"

namespace {

TEST(StructureBuilder, RandomStructureIsReproducibleAndHonoursConstraints) {
  const auto a = gb::random_structure({{"Cu", 320}, {"Zr", 180}}, {63.546, 91.224}, 0.06, 2.0, 42);
  const auto b = gb::random_structure({{"Cu", 320}, {"Zr", 180}}, {63.546, 91.224}, 0.06, 2.0, 42);
  const auto c = gb::random_structure({{"Cu", 320}, {"Zr", 180}}, {63.546, 91.224}, 0.06, 2.0, 43);
  ASSERT_EQ(a.size(), 500u);
  EXPECT_EQ(a.ntypes, 2);
  EXPECT_EQ(a.type_names, (std::vector<std::string>{"Cu", "Zr"}));
  EXPECT_EQ(a.type_masses, (std::vector<double>{63.546, 91.224}));
  EXPECT_NEAR(a.size() / a.box.volume(), 0.06, 1e-12);  // box edge from N/density, rounding only
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.positions[i].x, b.positions[i].x);
    EXPECT_EQ(a.ids[i], static_cast<long>(i + 1));
    EXPECT_EQ(a.types[i], i < 320 ? 1 : 2);
  }
  EXPECT_NE(a.positions[0].x, c.positions[0].x);
  double dmin = 1e9;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = i + 1; j < a.size(); ++j) dmin = std::min(dmin, a.box.minimum_image(a.positions[i] - a.positions[j]).norm());
  EXPECT_GE(dmin, 2.0);
}

TEST(StructureBuilder, FirstPositionIsPortable) {
  // mt19937_64 is fully specified by the standard and the mapping is ours:
  // the 10000th output of mt19937_64 seeded 5489 is 9981545732273789042
  // (C++ standard [rand.predef]); this pins the engine on every platform.
  std::mt19937_64 rng;
  rng.discard(9999);
  EXPECT_EQ(rng(), 9981545732273789042ULL);
  EXPECT_EQ(gb::uniform01(0), 0.0);
  EXPECT_EQ(gb::uniform01(~0ULL), 1.0 - 0x1.0p-53);
  EXPECT_EQ(gb::uniform_index(~0ULL, 10), 9u);
}

TEST(StructureBuilder, FccHasExactCompositionAndLattice) {
  const auto f = gb::fcc_structure({{"Cu", 0.64}, {"Zr", 0.36}}, {63.546, 91.224}, 4.0, 5, 5, 5, 7);
  ASSERT_EQ(f.size(), 500u);
  EXPECT_EQ(std::count(f.types.begin(), f.types.end(), 1), 320);
  EXPECT_EQ(f.box.lx, 20.0);
  double dmin = 1e9;
  for (size_t j = 1; j < f.size(); ++j) dmin = std::min(dmin, f.box.minimum_image(f.positions[j] - f.positions[0]).norm());
  EXPECT_NEAR(dmin, 4.0 / std::sqrt(2.0), 1e-12);  // fcc nearest-neighbour distance a/sqrt(2)
  const auto g = gb::fcc_structure({{"Cu", 0.64}, {"Zr", 0.36}}, {63.546, 91.224}, 4.0, 5, 5, 5, 7);
  EXPECT_EQ(f.types, g.types);
}

TEST(StructureBuilder, RejectsImpossibleRequests) {
  EXPECT_THROW(gb::random_structure({{"Cu", 100}}, {63.5}, 0.1, 2.0, 1), std::invalid_argument);  // packing 0.42
  EXPECT_THROW(gb::random_structure({{"Cu", 100}}, {}, 0.05, 2.0, 1), std::invalid_argument);
  EXPECT_THROW(gb::fcc_structure({{"Cu", 0.5}}, {63.5}, 3.6, 2, 2, 2, 1), std::invalid_argument);
}

}  // namespace
