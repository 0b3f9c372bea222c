#pragma once
// Steinhardt bond-orientational order parameters (Steinhardt, Nelson &
// Ronchetti, Phys. Rev. B 28, 784 (1983)) as defined in the Methods of
// Chang et al. (2022):
//   q_lm(i) = (1/N_i) sum_j Y_lm(r_ij)
//   q_l     = sqrt(4 pi / (2l+1) sum_m |q_lm|^2)
//   w_l     = sum_{m1+m2+m3=0} ( l l l ; m1 m2 m3 ) q_lm1 q_lm2 q_lm3
//   w^_l    = w_l / (sum_m |q_lm|^2)^(3/2)
// Optionally each bond is weighted by its Voronoi face area A_ij
// (q_lm = sum_j A_ij Y_lm / sum_j A_ij, Mickel et al., J. Chem. Phys. 138,
// 044501 (2013); OVITO/LAMMPS offer the same); the default is unweighted, the
// paper's definition.
#include <vector>

#include "analysis/neighbor_list.hpp"
#include "analysis/wigner3j.hpp"

namespace gb::analysis {

struct BondOrderOptions {
  std::vector<int> degrees{4, 6};   // l values, each 0..50
  bool face_area_weighted = false;  // needs a Voronoi neighbour list
};

/// Rotational invariants of one atom for one l.  q is NaN for an atom
/// without neighbours; w_hat is NaN when sum_m |q_lm|^2 vanishes (e.g. l = 4
/// for a perfect icosahedron), where it is undefined.
struct BondOrderInvariants {
  double q = 0, w = 0, w_hat = 0;
};

/// Per-atom results: values[d][i] for degree degrees[d] and atom i.
struct BondOrder {
  std::vector<int> degrees;
  std::vector<std::vector<BondOrderInvariants>> values;
  /// Index of degree l in `degrees`, or -1.
  int degree_index(int l) const;
};

class BondOrderCalculator {
 public:
  explicit BondOrderCalculator(BondOrderOptions options);
  /// Every atom of a neighbour list.
  BondOrder compute(const NeighborList& neighbors) const;
  /// One shell of bond vectors (optional weights, e.g. face areas); result
  /// per degree in options.degrees order.
  std::vector<BondOrderInvariants> shell(const std::vector<Vec3>& bonds,
                                         const std::vector<double>& weights = {}) const;
  const BondOrderOptions& options() const { return options_; }

 private:
  struct Workspace;
  /// Invariants of one atom from its n bonds (weights may be null = equal).
  void invariants(const Vec3* bonds, const double* weights, size_t n, Workspace& ws,
                  std::vector<BondOrderInvariants>& out) const;
  BondOrderOptions options_;
  std::vector<std::vector<Wigner3jTerm>> terms_;  // per degree
  int lmax_ = 0;
};

}  // namespace gb::analysis
