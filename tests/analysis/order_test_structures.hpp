#pragma once
// Ideal neighbour shells, periodic crystals and random dense configurations
// for the structural-order tests.  Geometry only: the expected order
// parameters live in the tests, with their literature sources.
#include <cmath>
#include <random>
#include <vector>

#include "core/atom_config.hpp"
#include "core/structure_builder.hpp"

namespace gb::testing {

// ---- ideal first-neighbour shells (bond vectors, unit-ish lengths) ---------

inline std::vector<Vec3> fcc_shell() {  // cuboctahedron: <110>
  std::vector<Vec3> v;
  for (int s1 : {-1, 1})
    for (int s2 : {-1, 1}) {
      v.push_back({double(s1), double(s2), 0});
      v.push_back({double(s1), 0, double(s2)});
      v.push_back({0, double(s1), double(s2)});
    }
  return v;
}

inline std::vector<Vec3> hcp_shell() {  // ideal c/a = sqrt(8/3), nearest distance 1
  std::vector<Vec3> v;
  for (int k = 0; k < 6; ++k) v.push_back({std::cos(k * M_PI / 3), std::sin(k * M_PI / 3), 0});
  const double h = std::sqrt(2.0 / 3.0);  // c/2
  const double r = 1.0 / std::sqrt(3.0);  // in-plane offset of the A-layer sites seen from a B site
  for (int k = 0; k < 3; ++k) {
    const double phi = M_PI / 6 + k * 2 * M_PI / 3;
    v.push_back({r * std::cos(phi), r * std::sin(phi), h});   // above and below at the
    v.push_back({r * std::cos(phi), r * std::sin(phi), -h});  // same x, y: hcp (fcc would rotate)
  }
  return v;
}

inline std::vector<Vec3> icosahedron_shell() {  // (0, +-1, +-phi) and cyclic permutations
  const double g = (1 + std::sqrt(5.0)) / 2;
  std::vector<Vec3> v;
  for (int s1 : {-1, 1})
    for (int s2 : {-1, 1}) {
      v.push_back({0, double(s1), s2 * g});
      v.push_back({double(s1), s2 * g, 0});
      v.push_back({s2 * g, 0, double(s1)});
    }
  return v;
}

inline std::vector<Vec3> bcc8_shell() {  // cube corners <111>
  std::vector<Vec3> v;
  for (int a : {-1, 1})
    for (int b : {-1, 1})
      for (int c : {-1, 1}) v.push_back({double(a), double(b), double(c)});
  return v;
}

inline std::vector<Vec3> sc_shell() {  // octahedron <100>, lattice constant 2
  return {{2, 0, 0}, {-2, 0, 0}, {0, 2, 0}, {0, -2, 0}, {0, 0, 2}, {0, 0, -2}};
}

inline std::vector<Vec3> bcc14_shell() {  // <111> (distance sqrt 3) + <100> (distance 2): cube edge 2
  auto v = bcc8_shell();
  for (const auto& s : sc_shell()) v.push_back(s);
  return v;
}

// ---- rotations -------------------------------------------------------------

/// Rotation matrix (rows) about unit axis u by angle t (Rodrigues).
struct Rotation {
  double m[3][3];
  Vec3 operator()(const Vec3& v) const {
    return {m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z, m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
            m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z};
  }
};
inline Rotation rotation(Vec3 u, double t) {
  u = u * (1.0 / u.norm());
  const double c = std::cos(t), s = std::sin(t), C = 1 - c;
  Rotation r{{{c + u.x * u.x * C, u.x * u.y * C - u.z * s, u.x * u.z * C + u.y * s},
              {u.y * u.x * C + u.z * s, c + u.y * u.y * C, u.y * u.z * C - u.x * s},
              {u.z * u.x * C - u.y * s, u.z * u.y * C + u.x * s, c + u.z * u.z * C}}};
  return r;
}

// ---- periodic crystals -------------------------------------------------------

/// Crystal of n x n x n orthogonal cells with the given basis (fractional in the cell).
inline AtomConfig crystal(const std::vector<Vec3>& basis_frac, double ax, double ay, double az, int n) {
  AtomConfig c;
  c.box.lx = n * ax;
  c.box.ly = n * ay;
  c.box.lz = n * az;
  c.ntypes = 1;
  c.type_names = {"X"};
  c.type_masses = {1.0};
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      for (int k = 0; k < n; ++k)
        for (const auto& b : basis_frac) {
          c.positions.push_back({(i + b.x) * ax, (j + b.y) * ay, (k + b.z) * az});
          c.ids.push_back(static_cast<long>(c.ids.size()) + 1);
          c.types.push_back(1);
        }
  return c;
}
inline AtomConfig fcc_crystal(double a, int n) {
  return crystal({{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}, a, a, a, n);
}
inline AtomConfig bcc_crystal(double a, int n) { return crystal({{0, 0, 0}, {0.5, 0.5, 0.5}}, a, a, a, n); }
/// Ideal hcp (c/a = sqrt(8/3)) in the orthogonal 4-atom cell a x sqrt(3)a x c.
inline AtomConfig hcp_crystal(double a, int n) {
  return crystal({{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 1.0 / 6, 0.5}, {0, 2.0 / 3, 0.5}}, a, std::sqrt(3.0) * a,
                 std::sqrt(8.0 / 3.0) * a, n);
}

/// Dense random binary configuration (Cu64Zr36-like numbers), cubic box.
inline AtomConfig random_dense(int natoms, uint64_t seed) {
  const int n_cu = static_cast<int>(std::lround(0.64 * natoms));
  return random_structure({{"Cu", n_cu}, {"Zr", natoms - n_cu}}, {63.546, 91.224}, 0.06, 2.0, seed);
}

/// The same configuration mapped affinely into a triclinic box with the
/// given tilts (fractional coordinates kept), so distances change.
inline AtomConfig tilted(const AtomConfig& in, double xy, double xz, double yz) {
  AtomConfig out = in;
  out.box.xy = xy;
  out.box.xz = xz;
  out.box.yz = yz;
  for (size_t i = 0; i < in.size(); ++i) out.positions[i] = out.box.to_cartesian(in.box.to_fractional(in.positions[i]));
  return out;
}

}  // namespace gb::testing
