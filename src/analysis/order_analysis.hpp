#pragma once
// Local structure of one frame: neighbours (Voronoi, cutoff or N nearest),
// Voronoi atomic volumes and Steinhardt bond-orientational order per atom.
// This is what `glassbench analyze order` and `analyze run` call.
#include <vector>

#include "analysis/bond_order.hpp"
#include "analysis/neighbors_spec.hpp"
#include "core/box.hpp"

namespace gb {
struct DumpFrame;
struct AtomConfig;
}  // namespace gb

namespace gb::analysis {

struct OrderOptions {
  NeighborSpec neighbors;        // default: Voronoi, every face (the paper)
  BondOrderOptions bond_order;   // default: l = 4, 6, unweighted (the paper)
};

struct OrderResult {
  NeighborSpec neighbors;          // what was used
  std::vector<int> nneigh;         // neighbours per atom
  std::vector<double> volume_A3;   // Voronoi cell volume (Angstrom^3); NaN unless Voronoi neighbours
  BondOrder bond_order;            // q_l, w_l, w^_l per degree and atom

  size_t size() const { return nneigh.size(); }
  /// Convenience accessors; throw std::out_of_range if l was not computed.
  double q(int l, size_t i) const;
  double w(int l, size_t i) const;
  double w_hat(int l, size_t i) const;
};

/// Positions may be wrapped or unwrapped (they are wrapped into the box).
OrderResult compute_order(const Box& box, const std::vector<Vec3>& positions, const OrderOptions& options);
OrderResult compute_order(const DumpFrame& frame, const OrderOptions& options);
OrderResult compute_order(const AtomConfig& config, const OrderOptions& options);

}  // namespace gb::analysis
