// compute_order on whole periodic configurations: perfect crystals with
// Voronoi, cutoff and nearest-neighbour definitions give the published
// ideal-shell values (sources in TestBondOrderShells.cpp: Steinhardt 1983
// Table I, Chang 2022 Methods, Mickel 2013 Table I), and per-atom results do
// not change when the whole configuration is rotated.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/order_analysis.hpp"
#include "order_test_structures.hpp"

using gb::Vec3;
using gb::analysis::compute_order;
using gb::analysis::NeighborSpec;
using gb::analysis::OrderOptions;
using gb::analysis::OrderResult;
namespace t = gb::testing;

namespace {
constexpr double kTable = 6e-6;  // published tables round to 5 decimals

OrderOptions with(const std::string& spec) {
  OrderOptions o;
  o.neighbors = NeighborSpec::parse(spec);
  return o;
}

void expect_all(const OrderResult& r, int nneigh, double q4, double q6, double w6hat, const std::string& what) {
  for (size_t i = 0; i < r.size(); ++i) {
    ASSERT_EQ(r.nneigh[i], nneigh) << what << " atom " << i;
    EXPECT_NEAR(r.q(4, i), q4, kTable) << what;
    EXPECT_NEAR(r.q(6, i), q6, kTable) << what;
    EXPECT_NEAR(r.w_hat(6, i), w6hat, kTable) << what;
  }
}
}  // namespace

TEST(BondOrderCrystals, FccWithEveryNeighbourDefinition) {
  const double a = 3.61;
  const auto fcc = t::fcc_crystal(a, 4);
  for (const std::string spec : {"voronoi", "nearest:12", "cutoff:3.1"}) {
    const auto r = compute_order(fcc, with(spec));
    expect_all(r, 12, 0.19094, 0.57452, -0.01316, "fcc " + spec);
    if (spec == "voronoi") {
      EXPECT_NEAR(r.volume_A3[0], a * a * a / 4, 1e-9);  // rounding
    } else {
      EXPECT_TRUE(std::isnan(r.volume_A3[0])) << "volume is only defined for Voronoi neighbours";
    }
  }
}

TEST(BondOrderCrystals, BccVoronoiHas14NeighboursAndSteinhardtValues) {
  const auto bcc = t::bcc_crystal(3.3, 4);
  expect_all(compute_order(bcc, with("voronoi")), 14, 0.03637, 0.51069, 0.01316, "bcc voronoi");
  expect_all(compute_order(bcc, with("nearest:14")), 14, 0.03637, 0.51069, 0.01316, "bcc nearest:14");
  expect_all(compute_order(bcc, with("nearest:8")), 8, 0.50918, 0.62854, 0.01316, "bcc nearest:8");
  expect_all(compute_order(bcc, with("cutoff:3.0")), 8, 0.50918, 0.62854, 0.01316, "bcc cutoff 1st shell");
}

TEST(BondOrderCrystals, HcpVoronoiHas12NeighboursAndPaperValue) {
  const auto hcp = t::hcp_crystal(2.55, 4);
  expect_all(compute_order(hcp, with("voronoi")), 12, 0.09722, 0.48476, -0.01244, "hcp voronoi");
  expect_all(compute_order(hcp, with("nearest:12")), 12, 0.09722, 0.48476, -0.01244, "hcp nearest:12");
}

TEST(BondOrderCrystals, FaceAreaWeightingIsOptional) {
  // In fcc all 12 faces are equal, so weighting changes nothing; in a random
  // configuration it must change the values.
  auto o = with("voronoi");
  o.bond_order.face_area_weighted = true;
  expect_all(compute_order(t::fcc_crystal(3.61, 3), o), 12, 0.19094, 0.57452, -0.01316, "fcc weighted");
  const auto cfg = t::random_dense(300, 31);
  const auto plain = compute_order(cfg, with("voronoi"));
  const auto weighted = compute_order(cfg, o);
  double diff = 0;
  for (size_t i = 0; i < cfg.size(); ++i) diff = std::max(diff, std::abs(plain.q(6, i) - weighted.q(6, i)));
  EXPECT_GT(diff, 1e-2);
  EXPECT_THROW(compute_order(cfg, [] {
                 auto x = with("nearest:12");
                 x.bond_order.face_area_weighted = true;
                 return x;
               }()),
               std::invalid_argument);
}

TEST(BondOrderCrystals, PeriodicConfigurationRotatedOntoItsBox) {
  // The 24 rotations of a cube map a cubic periodic box onto itself; rotate a
  // random configuration by two of them (90 deg about z, 120 deg about
  // [111]) and every per-atom quantity must be unchanged.
  const auto cfg = t::random_dense(500, 32);
  const double l = cfg.box.lx;
  auto rotated = [&](auto f) {
    auto c = cfg;
    for (auto& p : c.positions) p = f(p);
    return c;
  };
  const auto r90 = rotated([&](const Vec3& p) { return Vec3{l - p.y, p.x, p.z}; });
  const auto r120 = rotated([&](const Vec3& p) { return Vec3{p.z, p.x, p.y}; });
  for (const std::string spec : {"voronoi", "nearest:12", "cutoff:3.6"}) {
    const auto ref = compute_order(cfg, with(spec));
    for (const auto* other : {&r90, &r120}) {
      const auto r = compute_order(*other, with(spec));
      for (size_t i = 0; i < cfg.size(); ++i) {
        ASSERT_EQ(r.nneigh[i], ref.nneigh[i]) << spec;
        EXPECT_NEAR(r.q(6, i), ref.q(6, i), 1e-10) << spec;          // rounding only
        EXPECT_NEAR(r.w_hat(6, i), ref.w_hat(6, i), 1e-9) << spec;   // rounding, divided by q^3
        EXPECT_NEAR(r.w_hat(4, i), ref.w_hat(4, i), 1e-9) << spec;   // same
        if (spec == "voronoi") {
          EXPECT_NEAR(r.volume_A3[i], ref.volume_A3[i], 1e-9 * ref.volume_A3[i]);  // rounding
        }
      }
    }
  }
}

TEST(BondOrderCrystals, ClusterUnchangedUnderArbitraryRotation) {
  // A dense random cluster in a large, mostly empty box, rotated by an
  // arbitrary angle about the box centre: atoms far from the cluster's
  // surface keep their neighbours and order parameters.
  const auto src = t::random_dense(2000, 33);
  const double l = src.box.lx, big = 3 * l;
  const Vec3 centre{big / 2, big / 2, big / 2}, src_centre{l / 2, l / 2, l / 2};
  gb::AtomConfig cluster;
  cluster.box = gb::Box::cubic(big);
  for (size_t i = 0; i < src.size(); ++i) {
    const Vec3 d = src.positions[i] - src_centre;
    if (d.norm() < 0.5 * l) {
      cluster.positions.push_back(centre + d);
      cluster.ids.push_back(src.ids[i]);
      cluster.types.push_back(src.types[i]);
    }
  }
  const auto rot = t::rotation({0.3, -0.7, 0.45}, 1.234);
  auto turned = cluster;
  for (auto& p : turned.positions) p = centre + rot(p - centre);
  int interior = 0;
  for (const std::string spec : {"voronoi", "nearest:12", "cutoff:3.6"}) {
    const auto a = compute_order(cluster, with(spec));
    const auto b = compute_order(turned, with(spec));
    for (size_t i = 0; i < cluster.size(); ++i) {
      if ((cluster.positions[i] - centre).norm() > 0.5 * l - 7.0) continue;  // > 2 shells from the surface
      ++interior;
      ASSERT_EQ(a.nneigh[i], b.nneigh[i]) << spec;
      EXPECT_NEAR(a.q(6, i), b.q(6, i), 1e-10) << spec;          // rounding only
      EXPECT_NEAR(a.w_hat(6, i), b.w_hat(6, i), 1e-9) << spec;   // rounding, divided by q^3
      if (spec == "voronoi") {
        EXPECT_NEAR(a.volume_A3[i], b.volume_A3[i], 1e-9 * a.volume_A3[i]);  // rounding
      }
    }
  }
  EXPECT_GT(interior, 30);  // the check covered real atoms
}
