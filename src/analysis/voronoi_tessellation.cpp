#include "analysis/voronoi_tessellation.hpp"

#include <voro++/voro++.hh>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/error.hpp"

namespace gb::analysis {

namespace {

/// voro++ is fastest with about 5 atoms per computational block (its own
/// pre_container heuristic uses 5.6); pick a block grid close to that.
int blocks_along(double length, double atoms_per_volume) {
  const double per_block = 5.6;
  return std::clamp(static_cast<int>(std::lround(length * std::cbrt(atoms_per_volume / per_block))), 1, 512);
}

}  // namespace

VoronoiTessellation voronoi_tessellation(const Box& box, const std::vector<Vec3>& positions,
                                         double min_face_area_fraction) {
  if (!(box.lx > 0 && box.ly > 0 && box.lz > 0)) throw std::invalid_argument("Voronoi: degenerate box");
  if (!(min_face_area_fraction >= 0 && min_face_area_fraction < 1))
    throw std::invalid_argument("Voronoi: min_face_area_fraction must be in [0, 1)");
  const size_t n = positions.size();
  VoronoiTessellation out;
  out.volumes.assign(n, 0.0);
  out.surface_areas.assign(n, 0.0);
  std::vector<std::vector<Neighbor>> lists(n);
  if (n == 0) {
    out.neighbors = NeighborList(lists);
    return out;
  }

  const double density = static_cast<double>(n) / box.volume();
  voro::container_periodic con(box.lx, box.xy, box.ly, box.xz, box.yz, box.lz, blocks_along(box.lx, density),
                               blocks_along(box.ly, density), blocks_along(box.lz, density), 8);
  // container_periodic's cell starts at the origin: shift by the box origin
  // and wrap into the primary cell first (voro++ would remap too, but wrapping
  // here keeps the fractional arithmetic in one, tested place: gb::Box).
  for (size_t i = 0; i < n; ++i) {
    // voro++ would loop or abort on a non-finite coordinate.
    if (!std::isfinite(positions[i].x) || !std::isfinite(positions[i].y) || !std::isfinite(positions[i].z))
      throw std::invalid_argument("Voronoi: atom #" + std::to_string(i) + " has a non-finite position");
    const Vec3 r = box.wrap(positions[i]) - box.lo;
    con.put(static_cast<int>(i), r.x, r.y, r.z);
  }

  voro::voronoicell_neighbor cell;
  voro::c_loop_all_periodic loop(con);
  std::vector<int> ids, face_vertices;
  std::vector<double> areas, normals, vertices;
  std::vector<bool> seen(n, false);
  if (loop.start()) do {
      const int i = loop.pid();
      if (!con.compute_cell(cell, loop))
        throw InputError("Voronoi cell of atom #" + std::to_string(i) +
                         " (0-based position index) could not be computed: coincident atoms?");
      seen[i] = true;
      out.volumes[i] = cell.volume();
      cell.neighbors(ids);
      cell.face_areas(areas);
      cell.normals(normals);
      cell.face_vertices(face_vertices);
      cell.vertices(vertices);  // relative to the atom
      double total = 0;
      for (double a : areas) total += a;
      out.surface_areas[i] = total;
      const Vec3 ri = box.wrap(positions[i]);
      auto& list = lists[i];
      list.reserve(ids.size());
      size_t fv = 0;  // cursor into face_vertices: [count, v0, v1, ...] per face
      for (size_t f = 0; f < ids.size(); ++f) {
        const int nv = face_vertices[fv];
        const int v0 = face_vertices[fv + 1];
        fv += static_cast<size_t>(nv) + 1;
        if (areas[f] < min_face_area_fraction * total) continue;
        const int j = ids[f];
        if (j < 0 || static_cast<size_t>(j) >= n)
          throw std::logic_error("Voronoi: face without a neighbouring atom (wall) in a periodic box");
        const Vec3 normal{normals[3 * f], normals[3 * f + 1], normals[3 * f + 2]};
        Vec3 bond;
        if (normal.norm2() > 0.25) {
          // The face lies on the bisecting plane n . x = d, d = half the bond length.
          const Vec3 v{vertices[3 * v0], vertices[3 * v0 + 1], vertices[3 * v0 + 2]};
          bond = normal * (2.0 * normal.dot(v));
        } else {
          // A degenerate (zero-area) face has no usable normal: fall back on
          // the minimum image, exact unless the box is tiny.
          bond = box.minimum_image(box.wrap(positions[j]) - ri);
        }
        list.push_back({j, bond, areas[f]});
      }
    } while (loop.inc());
  for (size_t i = 0; i < n; ++i)
    if (!seen[i]) throw std::logic_error("Voronoi: atom #" + std::to_string(i) + " was not tessellated");
  out.neighbors = NeighborList(lists);
  return out;
}

}  // namespace gb::analysis
