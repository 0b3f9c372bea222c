#pragma once
// Initial atomic structures for tests and runners, reproducible from a seed on
// every platform: the random stream is std::mt19937_64 (fully specified by the
// C++ standard) mapped to numbers by our own code, never by std::*_distribution
// (whose output is implementation-defined).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/atom_config.hpp"

namespace gb {

/// Random liquid-like configuration in a cubic periodic box with origin 0.
/// element_counts: (element, number of atoms) in type order (type t is
/// element_counts[t-1]); masses_amu: one per element.  The box edge follows
/// from N / number_density_per_A3.  Atoms are placed uniformly at random;
/// a trial closer than min_distance_A (minimum image) to a placed atom is
/// rejected.  Atom k (id k+1) gets the type of its block, so types come out
/// in the given order.  Throws std::invalid_argument on bad arguments,
/// including a packing fraction pi/6*density*min_distance^3 above 0.35
/// (random sequential addition jams at ~0.38), and gb::SimulationError if
/// the atoms still cannot be placed.
AtomConfig random_structure(const std::vector<std::pair<std::string, int>>& element_counts,
                            const std::vector<double>& masses_amu, double number_density_per_A3,
                            double min_distance_A, uint64_t seed);

/// Face-centred cubic crystal of nx*ny*nz conventional cells (4 atoms each)
/// with lattice constant a, origin 0, orthogonal box.  Species are assigned
/// at random with exact counts: element e gets round(fraction_e * N) sites
/// (largest-remainder rounding so the counts add up to N).  Fractions must
/// be non-negative and sum to 1 (within 1e-6).
AtomConfig fcc_structure(const std::vector<std::pair<std::string, double>>& composition,
                         const std::vector<double>& masses_amu, double lattice_constant_A, int nx, int ny,
                         int nz, uint64_t seed);

/// Portable uniform numbers from a 64-bit engine word.
/// uniform01: 53 random bits -> [0, 1).  uniform_index: [0, n) (n > 0).
double uniform01(uint64_t word);
uint64_t uniform_index(uint64_t word, uint64_t n);

}  // namespace gb
