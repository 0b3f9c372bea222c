#pragma once
// Analysis's door to THE neighbour search of glassbench, the evaluator's
// CellNeighborList (evaluator/cell_neighbor_list.hpp: cell bins in fractional
// coordinates, orthogonal and triclinic boxes of any size, every periodic
// image).  Analysis builds it with no skin, once per frame; g(r), the
// cutoff / N-nearest neighbour lists and the string-like atom search all go
// through for_each_pair, so they share one search (and one cell cap).
#include <vector>

#include "core/box.hpp"
#include "evaluator/cell_neighbor_list.hpp"

namespace gb::analysis {

/// The evaluator's cell of a LAMMPS box (origin does not matter: images are lattice translations).
inline Cell cell_of(const Box& box) { return Cell{box.a(), box.b(), box.c(), true}; }

/// Calls f(i, j, d, r2) once for every pair of atoms (and every periodic image
/// of j, including images of i itself, then with j == i) with |d| < cutoff,
/// where d is the vector from atom i to that image of j and r2 = |d|^2;
/// i <= j.  Throws std::invalid_argument for a cutoff that is not positive.
template <class F>
void for_each_pair(const Box& box, const std::vector<Vec3>& positions, double cutoff, F&& f) {
  CellNeighborList list(cutoff, 0.0);
  list.build(positions, cell_of(box), 1);
  const std::vector<Vec3>& x = list.local_positions();
  const std::vector<Vec3>& shift = list.shifts();
  const double rc2 = cutoff * cutoff;
  for (size_t i = 0; i < list.natoms(); ++i)
    for (size_t k = list.begin(i); k < list.end(i); ++k) {
      const int j = list.neighbor(k);
      const Vec3 d = x[j] - x[i] + shift[list.shift_index(k)];
      const double r2 = d.norm2();
      if (r2 < rc2) f(static_cast<int>(i), j, d, r2);
    }
}

}  // namespace gb::analysis
