#include "evaluator/cell_neighbor_list.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <omp.h>

namespace gb {
namespace {

// Fractional coordinates in a lower-triangular cell.
inline Vec3 fractional(const Vec3& x, const Cell& c) {
  const double sz = x.z / c.c.z;
  const double sy = (x.y - c.c.y * sz) / c.b.y;
  const double sx = (x.x - c.b.x * sy - c.c.x * sz) / c.a.x;
  return {sx, sy, sz};
}

inline Vec3 cross(const Vec3& u, const Vec3& v) {
  return {u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x};
}

inline int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

CellNeighborList::CellNeighborList(double cutoff, double skin) : cutoff_(cutoff), skin_(skin) {
  if (!(cutoff > 0) || !(skin >= 0)) throw std::invalid_argument("CellNeighborList: cutoff must be > 0 and skin >= 0");
}

Vec3 CellNeighborList::lattice(int nx, int ny, int nz, const Cell& cell) const {
  return cell.a * static_cast<double>(nx) + cell.b * static_cast<double>(ny) + cell.c * static_cast<double>(nz);
}

void CellNeighborList::refresh(const std::vector<Vec3>& positions, const Cell& cell_in) {
  Cell cell = cell_in;
  if (!cell.periodic) cell.a = cell.b = cell.c = {0, 0, 0};  // clusters: no images
  const size_t n = positions.size();
  local_.resize(n);
  for (size_t i = 0; i < n; ++i)
    local_[i] = positions[i] + lattice(img_[3 * i], img_[3 * i + 1], img_[3 * i + 2], cell);
  shift_.resize(shift_n_.size() / 3);
  for (size_t s = 0; s < shift_.size(); ++s)
    shift_[s] = lattice(shift_n_[3 * s], shift_n_[3 * s + 1], shift_n_[3 * s + 2], cell);
}

bool CellNeighborList::update(const std::vector<Vec3>& positions, const Cell& cell, int threads) {
  if (!built_ || positions.size() != natoms() || cell.periodic != build_cell_.periodic) {
    build(positions, cell, threads);
    return true;
  }
  refresh(positions, cell);
  double max_shift = 0;
  for (size_t s = 0; s < shift_.size(); ++s) max_shift = std::max(max_shift, (shift_[s] - shift_build_[s]).norm());
  double max_disp2 = 0;
  const size_t n = positions.size();
  for (size_t i = 0; i < n; ++i) max_disp2 = std::max(max_disp2, (local_[i] - local_build_[i]).norm2());
  if (2.0 * std::sqrt(max_disp2) + max_shift > skin_) {
    build(positions, cell, threads);
    return true;
  }
  return false;
}

void CellNeighborList::build(const std::vector<Vec3>& positions, const Cell& cell_in, int threads) {
  const size_t n = positions.size();
  const double rl = cutoff_ + skin_, rl2 = rl * rl;
  Cell cell = cell_in;
  Vec3 origin{0, 0, 0};
  if (!cell.periodic) {
    // A cluster: an orthogonal "cell" around the atoms, padded so that no
    // image of any atom is within the list cutoff of another.
    Vec3 lo{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
            std::numeric_limits<double>::max()};
    Vec3 hi = lo * -1.0;
    for (const auto& x : positions) {
      lo = {std::min(lo.x, x.x), std::min(lo.y, x.y), std::min(lo.z, x.z)};
      hi = {std::max(hi.x, x.x), std::max(hi.y, x.y), std::max(hi.z, x.z)};
    }
    if (n == 0) lo = hi = {0, 0, 0};
    const double pad = 2.0 * rl + 1.0;
    origin = lo;
    cell.a = {hi.x - lo.x + pad, 0, 0};
    cell.b = {0, hi.y - lo.y + pad, 0};
    cell.c = {0, 0, hi.z - lo.z + pad};
  }
  if (!(cell.a.x > 0) || !(cell.b.y > 0) || !(cell.c.z > 0) || cell.a.y != 0 || cell.a.z != 0 || cell.b.z != 0)
    throw std::invalid_argument("CellNeighborList: the cell must be lower-triangular with positive diagonal");
  // Perpendicular widths: V / |b x c|, V / |c x a|, V / |a x b|.
  const double volume = cell.a.x * cell.b.y * cell.c.z;
  const double w[3] = {volume / cross(cell.b, cell.c).norm(), volume / cross(cell.c, cell.a).norm(),
                       volume / cross(cell.a, cell.b).norm()};
  int nb[3], reach[3];
  const double max_bins = std::max(1.0, std::cbrt(static_cast<double>(n)) * 2.0);
  for (int k = 0; k < 3; ++k) {
    nb[k] = static_cast<int>(std::min(max_bins, std::max(1.0, std::floor(w[k] / rl))));
    reach[k] = static_cast<int>(std::ceil(rl * nb[k] / w[k] - 1e-12));
  }
  // Shift table: every image n a stencil can reach.
  int smax[3];
  for (int k = 0; k < 3; ++k) smax[k] = reach[k] / nb[k] + 1;
  const int sdim[3] = {2 * smax[0] + 1, 2 * smax[1] + 1, 2 * smax[2] + 1};
  if (static_cast<long>(sdim[0]) * sdim[1] * sdim[2] > 65535)
    throw std::invalid_argument("CellNeighborList: box far smaller than the cutoff (too many images)");
  shift_n_.clear();
  for (int x = -smax[0]; x <= smax[0]; ++x)
    for (int y = -smax[1]; y <= smax[1]; ++y)
      for (int z = -smax[2]; z <= smax[2]; ++z) shift_n_.insert(shift_n_.end(), {x, y, z});
  auto shift_code = [&](int x, int y, int z) {
    return static_cast<uint16_t>(((x + smax[0]) * sdim[1] + (y + smax[1])) * sdim[2] + (z + smax[2]));
  };

  // Wrap atoms into the cell; bin them (counting sort).
  img_.assign(3 * n, 0);
  std::vector<Vec3> wrapped(n);
  std::vector<int> bin_of(n);
  const int nbins = nb[0] * nb[1] * nb[2];
  std::vector<int> bin_start(nbins + 1, 0), bin_atoms(n);
  for (size_t i = 0; i < n; ++i) {
    Vec3 s = fractional(positions[i] - origin, cell);
    const double fl[3] = {std::floor(s.x), std::floor(s.y), std::floor(s.z)};
    img_[3 * i] = -static_cast<int>(fl[0]);
    img_[3 * i + 1] = -static_cast<int>(fl[1]);
    img_[3 * i + 2] = -static_cast<int>(fl[2]);
    double sv[3] = {s.x - fl[0], s.y - fl[1], s.z - fl[2]};
    int b[3];
    for (int k = 0; k < 3; ++k) b[k] = std::min(nb[k] - 1, std::max(0, static_cast<int>(sv[k] * nb[k])));
    bin_of[i] = (b[0] * nb[1] + b[1]) * nb[2] + b[2];
    ++bin_start[bin_of[i] + 1];
  }
  for (int b = 0; b < nbins; ++b) bin_start[b + 1] += bin_start[b];
  {
    std::vector<int> fill(bin_start.begin(), bin_start.end() - 1);
    for (size_t i = 0; i < n; ++i) bin_atoms[fill[bin_of[i]]++] = static_cast<int>(i);
  }
  for (size_t i = 0; i < n; ++i)
    wrapped[i] = positions[i] + lattice(img_[3 * i], img_[3 * i + 1], img_[3 * i + 2], cell) - origin;

  // Search, atoms split into contiguous chunks per thread; lists are then
  // concatenated in chunk order (same list for any thread count).
  const int t = std::max(1, std::min<int>(threads, static_cast<int>(std::max<size_t>(n, 1))));
  std::vector<std::vector<int>> tj(t);
  std::vector<std::vector<uint16_t>> ts(t);
  std::vector<size_t> count(n + 1, 0);
#pragma omp parallel num_threads(t)
  {
    const int c = omp_get_thread_num();
    const size_t b0 = n * c / t, b1 = n * (c + 1) / t;
    std::vector<int>& J = tj[c];
    std::vector<uint16_t>& S = ts[c];
    J.reserve((b1 - b0) * 64);
    for (size_t i = b0; i < b1; ++i) {
      const int bi = bin_of[i];
      const int bx = bi / (nb[1] * nb[2]), by = (bi / nb[2]) % nb[1], bz = bi % nb[2];
      const Vec3 xi = wrapped[i];
      const size_t before = J.size();
      for (int ox = -reach[0]; ox <= reach[0]; ++ox) {
        const int rx = bx + ox, sx = floor_div(rx, nb[0]), cx = rx - sx * nb[0];
        for (int oy = -reach[1]; oy <= reach[1]; ++oy) {
          const int ry = by + oy, sy = floor_div(ry, nb[1]), cy = ry - sy * nb[1];
          for (int oz = -reach[2]; oz <= reach[2]; ++oz) {
            const int rz = bz + oz, sz = floor_div(rz, nb[2]), cz = rz - sz * nb[2];
            if (!cell.periodic && (sx != 0 || sy != 0 || sz != 0)) continue;
            const int bj = (cx * nb[1] + cy) * nb[2] + cz;
            const Vec3 sh = lattice(sx, sy, sz, cell);
            const bool positive_image = sx > 0 || (sx == 0 && (sy > 0 || (sy == 0 && sz > 0)));
            // Half list: pair (i, j, n) kept from the lower index; an atom's
            // own images once (positive n).  A bin holds its atoms in index
            // order, so the candidates j >= i are a tail found by bisection;
            // the distance test then stores every candidate and advances
            // only past the kept ones (no data-dependent branch).
            const int* q0 = bin_atoms.data() + bin_start[bj];
            const int* q1 = bin_atoms.data() + bin_start[bj + 1];
            const int* q = std::lower_bound(q0, q1, static_cast<int>(i));
            if (q < q1 && *q == static_cast<int>(i) && !positive_image) ++q;
            if (q == q1) continue;
            const uint16_t code = shift_code(sx, sy, sz);
            size_t at = J.size();
            J.resize(at + (q1 - q));
            S.resize(at + (q1 - q));
            int* Jp = J.data();
            uint16_t* Sp = S.data();
            for (; q < q1; ++q) {
              const int j = *q;
              Jp[at] = j;
              Sp[at] = code;
              at += (wrapped[j] + sh - xi).norm2() < rl2;
            }
            J.resize(at);
            S.resize(at);
          }
        }
      }
      count[i + 1] = J.size() - before;
    }
  }
  offset_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) offset_[i + 1] = offset_[i] + count[i + 1];
  j_.resize(offset_[n]);
  s_.resize(offset_[n]);
  size_t at = 0;
  for (int c = 0; c < t; ++c) {
    std::copy(tj[c].begin(), tj[c].end(), j_.begin() + at);
    std::copy(ts[c].begin(), ts[c].end(), s_.begin() + at);
    at += tj[c].size();
  }
  // The origin of a cluster cell only moved atoms into it; keep local
  // positions in the caller's frame (images are never used for clusters).
  if (!cell.periodic) std::fill(img_.begin(), img_.end(), 0);
  build_cell_ = cell_in;
  built_ = true;
  ++builds_;
  refresh(positions, cell_in);
  local_build_ = local_;
  shift_build_ = shift_;
}

}  // namespace gb
