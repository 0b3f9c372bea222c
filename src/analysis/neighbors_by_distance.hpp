#pragma once
// Distance-based neighbour lists in a periodic (orthogonal or triclinic) box:
// every atom image closer than a cutoff, or the N closest atom images.
// Periodic images are enumerated explicitly, so boxes thinner than the
// cutoff are handled exactly (an atom may then neighbour its own image).
#include <vector>

#include "analysis/neighbor_list.hpp"
#include "core/box.hpp"

namespace gb::analysis {

/// All atom images j != i (periodic images of i itself included) with
/// |bond| < cutoff_A.  Each atom's bonds are sorted by length (ties by index).
/// Throws std::invalid_argument for a non-positive cutoff or a degenerate box.
NeighborList cutoff_neighbors(const Box& box, const std::vector<Vec3>& positions, double cutoff_A);

/// The `count` nearest atom images of every atom (ties broken by atom index,
/// so equal-distance shells that straddle `count` are cut deterministically).
NeighborList nearest_neighbors(const Box& box, const std::vector<Vec3>& positions, int count);

}  // namespace gb::analysis
