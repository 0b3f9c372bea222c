#include "core/structure_builder.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

#include "core/error.hpp"

namespace gb {

double uniform01(uint64_t word) { return static_cast<double>(word >> 11) * 0x1.0p-53; }

uint64_t uniform_index(uint64_t word, uint64_t n) {
  // 128-bit multiply-high (Lemire) without the rejection step: the bias is
  // below n / 2^64, irrelevant for structure building, and the mapping is
  // identical on every platform.
  const unsigned __int128 m = static_cast<unsigned __int128>(word) * n;
  return static_cast<uint64_t>(m >> 64);
}

namespace {

void check_elements(size_t nelem, const std::vector<double>& masses) {
  if (nelem == 0) throw std::invalid_argument("structure builder: no elements given");
  if (masses.size() != nelem)
    throw std::invalid_argument("structure builder: " + std::to_string(masses.size()) + " masses for " +
                                std::to_string(nelem) + " elements");
  for (double m : masses)
    if (!(m > 0) || !std::isfinite(m)) throw std::invalid_argument("structure builder: masses must be positive");
}

/// Grid of cells of edge >= min_distance over a cubic box, for the overlap test.
class OverlapGrid {
 public:
  OverlapGrid(double box, double dmin) : l_(box), d2_(dmin * dmin) {
    n_ = std::max(1, static_cast<int>(std::floor(box / std::max(dmin, 1e-12))));
    n_ = std::min(n_, 1024);
    cells_.resize(static_cast<size_t>(n_) * n_ * n_);
  }
  bool fits(const Vec3& p, const std::vector<Vec3>& placed) const {
    if (d2_ <= 0) return true;
    int c[3];
    cell_of(p, c);
    // With n_ < 3 the 27 neighbour offsets wrap onto the same cells; visit each once.
    const int span = n_ >= 3 ? 1 : 0;
    const int lo = n_ >= 3 ? -1 : 0, hi = n_ >= 3 ? 1 : n_ - 1;
    for (int dx = lo; dx <= hi; ++dx)
      for (int dy = lo; dy <= hi; ++dy)
        for (int dz = lo; dz <= hi; ++dz) {
          const int cx = span ? (c[0] + dx + n_) % n_ : dx;
          const int cy = span ? (c[1] + dy + n_) % n_ : dy;
          const int cz = span ? (c[2] + dz + n_) % n_ : dz;
          for (int k : cells_[index(cx, cy, cz)]) {
            Vec3 d = p - placed[k];
            for (int a = 0; a < 3; ++a) d[a] -= l_ * std::nearbyint(d[a] / l_);
            if (d.norm2() < d2_) return false;
          }
        }
    return true;
  }
  void add(const Vec3& p, int k) {
    int c[3];
    cell_of(p, c);
    cells_[index(c[0], c[1], c[2])].push_back(k);
  }

 private:
  void cell_of(const Vec3& p, int* c) const {
    for (int a = 0; a < 3; ++a) c[a] = std::min(n_ - 1, std::max(0, static_cast<int>(p[a] / l_ * n_)));
  }
  size_t index(int x, int y, int z) const { return (static_cast<size_t>(x) * n_ + y) * n_ + z; }
  double l_, d2_;
  int n_;
  std::vector<std::vector<int>> cells_;
};

void shuffle(std::vector<int>& v, std::mt19937_64& rng) {
  // Fisher-Yates with our own index mapping (std::shuffle is implementation-defined).
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[uniform_index(rng(), i)]);
}

}  // namespace

AtomConfig random_structure(const std::vector<std::pair<std::string, int>>& element_counts,
                            const std::vector<double>& masses_amu, double number_density_per_A3,
                            double min_distance_A, uint64_t seed) {
  check_elements(element_counts.size(), masses_amu);
  long n = 0;
  for (const auto& ec : element_counts) {
    if (ec.second < 0) throw std::invalid_argument("random_structure: negative count for " + ec.first);
    n += ec.second;
  }
  if (n == 0) throw std::invalid_argument("random_structure: zero atoms requested");
  if (!(number_density_per_A3 > 0) || !std::isfinite(number_density_per_A3))
    throw std::invalid_argument("random_structure: number density must be positive");
  if (!(min_distance_A >= 0)) throw std::invalid_argument("random_structure: min distance must be >= 0");

  const double l = std::cbrt(static_cast<double>(n) / number_density_per_A3);
  if (min_distance_A >= 0.5 * l)
    throw std::invalid_argument("random_structure: min distance must be below half the box edge");

  // Random sequential addition of spheres of diameter d jams at packing
  // fraction pi/6 * rho * d^3 ~ 0.38; refuse early instead of grinding.
  const double packing = M_PI / 6.0 * number_density_per_A3 * std::pow(min_distance_A, 3);
  if (packing > 0.35)
    throw std::invalid_argument("random_structure: min distance " + std::to_string(min_distance_A) + " A at " +
                                std::to_string(number_density_per_A3) +
                                " atoms/A^3 is packing fraction " + std::to_string(packing) +
                                "; random placement jams near 0.38 (use <= 0.35)");

  AtomConfig cfg;
  cfg.box = Box::cubic(l);
  cfg.ntypes = static_cast<int>(element_counts.size());
  cfg.type_masses = masses_amu;
  for (const auto& ec : element_counts) cfg.type_names.push_back(ec.first);

  std::mt19937_64 rng(seed);
  OverlapGrid grid(l, min_distance_A);
  // Generous budget: below packing fraction 0.35 a free spot is found
  // within a few hundred trials at worst.
  const long max_trials_per_atom = 100000;
  for (int t = 0; t < cfg.ntypes; ++t) {
    for (int c = 0; c < element_counts[t].second; ++c) {
      bool placed = false;
      for (long trial = 0; trial < max_trials_per_atom && !placed; ++trial) {
        const Vec3 p{l * uniform01(rng()), l * uniform01(rng()), l * uniform01(rng())};
        if (grid.fits(p, cfg.positions)) {
          grid.add(p, static_cast<int>(cfg.positions.size()));
          cfg.positions.push_back(p);
          placed = true;
        }
      }
      if (!placed)
        throw SimulationError("random_structure: could not place atom " + std::to_string(cfg.positions.size() + 1) +
                              " of " + std::to_string(n) + " with min distance " + std::to_string(min_distance_A) +
                              " A at " + std::to_string(number_density_per_A3) + " atoms/A^3 (too dense)");
      cfg.ids.push_back(static_cast<long>(cfg.positions.size()));
      cfg.types.push_back(t + 1);
    }
  }
  return cfg;
}

AtomConfig fcc_structure(const std::vector<std::pair<std::string, double>>& composition,
                         const std::vector<double>& masses_amu, double lattice_constant_A, int nx, int ny,
                         int nz, uint64_t seed) {
  check_elements(composition.size(), masses_amu);
  if (nx < 1 || ny < 1 || nz < 1) throw std::invalid_argument("fcc_structure: cell counts must be >= 1");
  if (!(lattice_constant_A > 0) || !std::isfinite(lattice_constant_A))
    throw std::invalid_argument("fcc_structure: lattice constant must be positive");
  double sum = 0;
  for (const auto& c : composition) {
    if (!(c.second >= 0) || !std::isfinite(c.second))
      throw std::invalid_argument("fcc_structure: negative fraction for " + c.first);
    sum += c.second;
  }
  if (std::fabs(sum - 1.0) > 1e-6) throw std::invalid_argument("fcc_structure: fractions must sum to 1");

  const long n = 4L * nx * ny * nz;
  // Largest-remainder rounding: floor each share, then give the leftover
  // atoms to the largest remainders (ties to the earlier element).
  const size_t ne = composition.size();
  std::vector<long> count(ne);
  std::vector<double> rem(ne);
  long assigned = 0;
  for (size_t e = 0; e < ne; ++e) {
    const double share = composition[e].second * static_cast<double>(n);
    count[e] = static_cast<long>(std::floor(share));
    rem[e] = share - static_cast<double>(count[e]);
    assigned += count[e];
  }
  std::vector<size_t> order(ne);
  for (size_t e = 0; e < ne; ++e) order[e] = e;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a] > rem[b]; });
  for (size_t k = 0; assigned < n; ++k, ++assigned) ++count[order[k % ne]];

  std::vector<int> types;
  types.reserve(n);
  for (size_t e = 0; e < ne; ++e) types.insert(types.end(), count[e], static_cast<int>(e) + 1);
  std::mt19937_64 rng(seed);
  shuffle(types, rng);

  AtomConfig cfg;
  const double a = lattice_constant_A;
  cfg.box.lx = nx * a;
  cfg.box.ly = ny * a;
  cfg.box.lz = nz * a;
  cfg.ntypes = static_cast<int>(ne);
  cfg.type_masses = masses_amu;
  for (const auto& c : composition) cfg.type_names.push_back(c.first);
  static const double basis[4][3] = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
  long k = 0;
  for (int i = 0; i < nx; ++i)
    for (int j = 0; j < ny; ++j)
      for (int l = 0; l < nz; ++l)
        for (const auto& b : basis) {
          cfg.positions.push_back({(i + b[0]) * a, (j + b[1]) * a, (l + b[2]) * a});
          cfg.ids.push_back(k + 1);
          cfg.types.push_back(types[k]);
          ++k;
        }
  return cfg;
}

}  // namespace gb
