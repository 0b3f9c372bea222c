// The --neighbors flag: voronoi | cutoff:R | nearest:N, with clear errors.
#include <gtest/gtest.h>

#include "analysis/neighbors_spec.hpp"
#include "core/error.hpp"

using gb::analysis::NeighborSpec;

TEST(NeighborsSpec, ParsesTheThreeKinds) {
  EXPECT_EQ(NeighborSpec::parse("voronoi").kind, NeighborSpec::Kind::Voronoi);
  const auto c = NeighborSpec::parse("cutoff:3.5");
  EXPECT_EQ(c.kind, NeighborSpec::Kind::Cutoff);
  EXPECT_EQ(c.cutoff_A, 3.5);
  EXPECT_EQ(c.str(), "cutoff:3.5");
  const auto n = NeighborSpec::parse("nearest:12");
  EXPECT_EQ(n.kind, NeighborSpec::Kind::Nearest);
  EXPECT_EQ(n.count, 12);
  EXPECT_EQ(n.str(), "nearest:12");
}

TEST(NeighborsSpec, RejectsBadTextNamingTheFlag) {
  for (const char* bad : {"", "voronoi:1", "cutoff", "cutoff:", "cutoff:-1", "cutoff:abc", "cutoff:nan", "nearest:0",
                          "nearest:2.5", "nearest:x", "knn:12", "Voronoi"}) {
    try {
      NeighborSpec::parse(bad, "--neighbors");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const gb::InputError& e) {
      EXPECT_NE(std::string(e.what()).find("--neighbors"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("expected voronoi"), std::string::npos) << e.what();
    }
  }
}
