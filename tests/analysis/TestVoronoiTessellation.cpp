// Voronoi tessellation of periodic boxes: volumes fill the box, neighbour
// relations are symmetric, bonds are the true periodic images, and crystals
// give their known polyhedra.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/voronoi_tessellation.hpp"
#include "core/error.hpp"
#include "order_test_structures.hpp"

using gb::Vec3;
using gb::analysis::voronoi_tessellation;
namespace t = gb::testing;

namespace {

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

/// Every bond i->j (vector b, area A) has a partner j->i with -b and A.
void expect_symmetric(const gb::analysis::NeighborList& nl) {
  for (size_t i = 0; i < nl.atoms(); ++i)
    for (auto* b = nl.begin(i); b != nl.end(i); ++b) {
      bool found = false;
      for (auto* c = nl.begin(b->index); c != nl.end(b->index); ++c)
        if (c->index == static_cast<int>(i) && (c->bond + b->bond).norm() < 1e-8 &&  // 1e-8 A: voro++ vertex rounding
            std::abs(c->face_area - b->face_area) < 1e-8 * std::max(1.0, b->face_area)) {  // same face, same rounding
          found = true;
          break;
        }
      ASSERT_TRUE(found) << "bond " << i << "->" << b->index << " has no partner";
    }
}

}  // namespace

TEST(VoronoiTessellation, VolumesSumToOrthogonalBox) {
  const auto cfg = t::random_dense(1000, 1);
  const auto v = voronoi_tessellation(cfg.box, cfg.positions);
  // 1e-10 relative: only floating-point rounding in voro++'s cell volumes.
  EXPECT_NEAR(sum(v.volumes) / cfg.box.volume(), 1.0, 1e-10);
  for (double x : v.volumes) EXPECT_GT(x, 0.0);
}

TEST(VoronoiTessellation, VolumesSumToTriclinicBox) {
  const auto base = t::random_dense(1000, 2);
  const double l = base.box.lx;
  for (auto tilts : {std::array<double, 3>{0.3 * l, 0, 0}, {0.2 * l, -0.35 * l, 0.15 * l}, {-0.5 * l, 0.5 * l, -0.5 * l}}) {
    const auto cfg = t::tilted(base, tilts[0], tilts[1], tilts[2]);
    const auto v = voronoi_tessellation(cfg.box, cfg.positions);
    EXPECT_NEAR(sum(v.volumes) / cfg.box.volume(), 1.0, 1e-10);  // rounding only
    expect_symmetric(v.neighbors);
  }
}

TEST(VoronoiTessellation, NeighbourRelationsAreSymmetric) {
  const auto cfg = t::random_dense(800, 3);
  expect_symmetric(voronoi_tessellation(cfg.box, cfg.positions).neighbors);
}

TEST(VoronoiTessellation, BondsAreMinimumImagesInLargeBox) {
  const auto cfg = t::tilted(t::random_dense(1000, 4), 3.0, -2.0, 1.5);
  const auto v = voronoi_tessellation(cfg.box, cfg.positions);
  for (size_t i = 0; i < cfg.size(); ++i)
    for (auto* b = v.neighbors.begin(i); b != v.neighbors.end(i); ++b) {
      const Vec3 mi = cfg.box.minimum_image(cfg.positions[b->index] - cfg.positions[i]);
      ASSERT_LT((mi - b->bond).norm(), 1e-8) << i << "->" << b->index;  // voro++ vertex rounding
    }
}

TEST(VoronoiTessellation, SameLatticeDifferentCellGivesSameCells) {
  // A cubic box and a sheared description of the same periodic system
  // (b' = a + b, c' = b + c: xy = L, yz = L) must give identical cells.
  const auto cfg = t::random_dense(500, 5);
  auto sheared = cfg;
  sheared.box.xy = cfg.box.lx;
  sheared.box.yz = cfg.box.ly;
  const auto a = voronoi_tessellation(cfg.box, cfg.positions);
  const auto b = voronoi_tessellation(sheared.box, sheared.positions);
  EXPECT_NEAR(sum(b.volumes) / sheared.box.volume(), 1.0, 1e-10);  // rounding
  for (size_t i = 0; i < cfg.size(); ++i) {
    EXPECT_NEAR(a.volumes[i], b.volumes[i], 1e-9 * a.volumes[i]);  // rounding
    ASSERT_EQ(a.neighbors.count(i), b.neighbors.count(i));
    std::vector<int> na, nb;
    for (auto* x = a.neighbors.begin(i); x != a.neighbors.end(i); ++x) na.push_back(x->index);
    for (auto* x = b.neighbors.begin(i); x != b.neighbors.end(i); ++x) nb.push_back(x->index);
    std::sort(na.begin(), na.end());
    std::sort(nb.begin(), nb.end());
    EXPECT_EQ(na, nb);
  }
}

TEST(VoronoiTessellation, CrystalsGiveTheirPolyhedra) {
  struct Case {
    gb::AtomConfig cfg;
    int faces;
    double volume;
    const char* name;
  };
  const double a = 3.6;
  for (const auto& c : {Case{t::fcc_crystal(a, 3), 12, a * a * a / 4, "fcc rhombic dodecahedron"},
                        Case{t::bcc_crystal(a, 3), 14, a * a * a / 2, "bcc truncated octahedron"},
                        Case{t::hcp_crystal(2.5, 3), 12, 2.5 * 2.5 * 2.5 / std::sqrt(2.0), "hcp trapezo-rhombic dodecahedron"}}) {
    // Perfect crystals are degenerate (more than 4 cells meet at a vertex):
    // second neighbours touch the cell at a point and must not become
    // zero-area faces, with no face threshold at all.
    const auto v = voronoi_tessellation(c.cfg.box, c.cfg.positions, 0.0);
    for (size_t i = 0; i < c.cfg.size(); ++i) {
      ASSERT_EQ(v.neighbors.count(i), c.faces) << c.name << " atom " << i;
      EXPECT_NEAR(v.volumes[i], c.volume, 1e-9 * c.volume) << c.name;  // rounding
    }
  }
}

TEST(VoronoiTessellation, TinyBoxesSeeTheirOwnImages) {
  // One atom in a cube = simple cubic: 6 faces, all to itself, cell = box.
  gb::Box box = gb::Box::cubic(2.0);
  auto v = voronoi_tessellation(box, {{0.3, 0.4, 0.5}});
  ASSERT_EQ(v.neighbors.count(0), 6);
  EXPECT_NEAR(v.volumes[0], 8.0, 1e-12);  // rounding
  for (auto* b = v.neighbors.begin(0); b != v.neighbors.end(0); ++b) {
    EXPECT_EQ(b->index, 0);
    EXPECT_NEAR(b->bond.norm(), 2.0, 1e-12);  // one lattice vector; rounding
  }
  // Two atoms = bcc unit cell: 14 faces (8 to the other atom's images, 6 to own images).
  v = voronoi_tessellation(box, {{0, 0, 0}, {1, 1, 1}});
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(v.neighbors.count(i), 14);
    int other = 0;
    for (auto* b = v.neighbors.begin(i); b != v.neighbors.end(i); ++b) other += b->index != i;
    EXPECT_EQ(other, 8);
  }
}

TEST(VoronoiTessellation, FaceThresholdDropsOnlySmallFaces) {
  const auto cfg = t::random_dense(500, 6);
  const auto all = voronoi_tessellation(cfg.box, cfg.positions, 0.0);
  const auto kept = voronoi_tessellation(cfg.box, cfg.positions, 0.02);
  EXPECT_LT(kept.neighbors.total_bonds(), all.neighbors.total_bonds());
  for (size_t i = 0; i < cfg.size(); ++i) {
    EXPECT_EQ(kept.volumes[i], all.volumes[i]);  // volumes never depend on the threshold
    int expected = 0;
    for (auto* b = all.neighbors.begin(i); b != all.neighbors.end(i); ++b)
      expected += b->face_area >= 0.02 * all.surface_areas[i];
    EXPECT_EQ(kept.neighbors.count(i), expected);
    for (auto* b = kept.neighbors.begin(i); b != kept.neighbors.end(i); ++b)
      EXPECT_GE(b->face_area, 0.02 * kept.surface_areas[i]);
  }
}

TEST(VoronoiTessellation, BadInputIsRejected) {
  EXPECT_THROW(voronoi_tessellation(gb::Box::cubic(0.0), {{0, 0, 0}}), std::invalid_argument);
  EXPECT_THROW(voronoi_tessellation(gb::Box::cubic(5.0), {{0, 0, 0}}, 1.5), std::invalid_argument);
  EXPECT_THROW(voronoi_tessellation(gb::Box::cubic(5.0), {{1, 1, 1}, {2, 2, 2}, {1, 1, 1}}), gb::InputError);
  EXPECT_THROW(voronoi_tessellation(gb::Box::cubic(5.0), {{1, 1, 1}, {NAN, 2, 2}}), std::invalid_argument);
}
