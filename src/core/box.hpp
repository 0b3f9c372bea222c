#pragma once
// Periodic simulation box in the LAMMPS convention (metal units, Angstrom):
// origin (xlo, ylo, zlo), edge vectors a = (lx,0,0), b = (xy,ly,0),
// c = (xz,yz,lz).  Orthogonal boxes have xy = xz = yz = 0.
#include "core/vec3.hpp"

namespace gb {

struct Box {
  Vec3 lo;                 // (xlo, ylo, zlo)
  double lx = 0, ly = 0, lz = 0;
  double xy = 0, xz = 0, yz = 0;

  static Box cubic(double l) { Box b; b.lx = b.ly = b.lz = l; return b; }
  bool triclinic() const { return xy != 0.0 || xz != 0.0 || yz != 0.0; }
  double volume() const { return lx * ly * lz; }
  Vec3 a() const { return {lx, 0, 0}; }
  Vec3 b() const { return {xy, ly, 0}; }
  Vec3 c() const { return {xz, yz, lz}; }
  Vec3 hi() const { return {lo.x + lx, lo.y + ly, lo.z + lz}; }

  /// Fractional coordinates s (0..1 inside the box) of a Cartesian point.
  Vec3 to_fractional(const Vec3& r) const;
  Vec3 to_cartesian(const Vec3& s) const;
  /// Position wrapped into the primary cell; image counts added to `image` if given.
  Vec3 wrap(const Vec3& r, int* image = nullptr) const;
  /// Minimum-image displacement of d (exact for |d| below half the shortest
  /// perpendicular width; tilts are handled by fractional rounding).
  Vec3 minimum_image(const Vec3& d) const;
  /// Perpendicular widths of the cell (distance between opposite faces).
  Vec3 perpendicular_widths() const;
  /// Apply image flags (ix, iy, iz) to a wrapped position -> unwrapped.
  Vec3 unwrap(const Vec3& r, int ix, int iy, int iz) const;
};

}  // namespace gb
