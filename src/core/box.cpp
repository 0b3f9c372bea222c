#include "core/box.hpp"

#include <cmath>

namespace gb {

Vec3 Box::to_fractional(const Vec3& r) const {
  // Invert the upper-triangular h-matrix column by column (z first).
  const Vec3 d = r - lo;
  const double sz = d.z / lz;
  const double sy = (d.y - yz * sz) / ly;
  const double sx = (d.x - xy * sy - xz * sz) / lx;
  return {sx, sy, sz};
}

Vec3 Box::to_cartesian(const Vec3& s) const {
  return {lo.x + s.x * lx + s.y * xy + s.z * xz, lo.y + s.y * ly + s.z * yz, lo.z + s.z * lz};
}

Vec3 Box::wrap(const Vec3& r, int* image) const {
  Vec3 s = to_fractional(r);
  for (int k = 0; k < 3; ++k) {
    const double f = std::floor(s[k]);
    s[k] -= f;
    if (s[k] >= 1.0) s[k] = 0.0;  // guard against -tiny + 1 rounding to 1
    if (image) image[k] += static_cast<int>(f);
  }
  return to_cartesian(s);
}

Vec3 Box::minimum_image(const Vec3& d) const {
  // Work in fractional space: s = h^-1 d, round each component, map back.
  Vec3 s;
  s.z = d.z / lz;
  s.y = (d.y - yz * s.z) / ly;
  s.x = (d.x - xy * s.y - xz * s.z) / lx;
  for (int k = 0; k < 3; ++k) s[k] -= std::nearbyint(s[k]);
  return {s.x * lx + s.y * xy + s.z * xz, s.y * ly + s.z * yz, s.z * lz};
}

Vec3 Box::perpendicular_widths() const {
  // Width along each reciprocal direction = V / |cross of the other two edges|.
  const Vec3 A = a(), B = b(), C = c();
  auto cross = [](const Vec3& u, const Vec3& v) {
    return Vec3{u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x};
  };
  const double V = volume();
  return {V / cross(B, C).norm(), V / cross(C, A).norm(), V / cross(A, B).norm()};
}

Vec3 Box::unwrap(const Vec3& r, int ix, int iy, int iz) const {
  return {r.x + ix * lx + iy * xy + iz * xz, r.y + iy * ly + iz * yz, r.z + iz * lz};
}

}  // namespace gb
