#pragma once
// The CPU EAM kernel shared by `glassbench eval` (EamEvaluator) and the
// native OpenMM EamForce's CPU platform kernel: LAMMPS's algorithm
// (pair_style eam*, newton on) in double precision.
//
//  * half neighbour list with a skin (CellNeighborList), rebuilt only when an
//    atom moved more than skin/2;
//  * two pair passes: pass 1 finds the pairs inside the cutoff (branch-free
//    compaction), does the only sqrt, table lookup and division per pair,
//    adds densities and pair energy and stores the pair's three radial force
//    factors; pass 2 = F'(rho) and forces + virial from those factors, with
//    no table access;
//  * packed knot tables: for each element pair and knot k, value and slope
//    of rho_{b->a}, rho_{a->b} and r*phi_ab sit together, so one index
//    computation and one or two cache lines serve every table a pair needs;
//  * one OpenMP parallel region per call; atoms split into contiguous
//    ranges of about equal pair count; per-thread density / force buffers
//    (each thread touches only atoms >= its first atom: half list) reduced
//    in parallel, in thread order (bitwise reproducible for a given thread
//    count).
//
// Units are the caller's: positions, cell, tables and cutoff in one length
// unit, energies in one energy unit (gb's evaluator: Angstrom, eV; the
// OpenMM kernel: nm, kJ/mol -- it passes a potential converted to those).
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/vec3.hpp"
#include "evaluator/cell_neighbor_list.hpp"
#include "potential/eam_potential.hpp"
#include "potential/eam_spline.hpp"

namespace gb {

struct EamKernelOutput {
  double energy = 0;
  std::vector<Vec3> forces;           // filled when requested
  std::vector<double> atom_energy;    // F(rho_i) + 1/2 sum_j phi_ij, when requested
  /// sum over pairs of d (x) f with d = x_i - x_j and f the force on i from
  /// the pair: xx yy zz xy xz yz (energy units).  Positive = repulsive.
  std::array<double, 6> virial{};
  double max_density = 0;
  bool density_out_of_range = false;  // some rho_i outside [0, rho_max]
};

class EamCpuKernel {
 public:
  /// pot: tables in the caller's units (see top).  element[k]: element
  /// index of particle k.  skin: neighbour-list skin (same length unit).
  EamCpuKernel(const EamPotential& pot, std::vector<int> element, double skin);

  /// One evaluation.  threads >= 1.  forces/per_atom: what to fill.
  void compute(const std::vector<Vec3>& positions, const Cell& cell, int threads, bool want_forces,
               bool want_atom_energy, EamKernelOutput& out);

  void set_elements(std::vector<int> element);
  const std::vector<int>& elements() const { return element_; }
  double cutoff() const { return cutoff_; }
  const CellNeighborList& neighbor_list() const { return list_; }

 private:
  int ne_ = 0, nr_ = 0;
  double cutoff_ = 0, cutoff2_ = 0, rdr_ = 0;
  double rho_max_ = 0, rho_extrap_ = 0;
  // Pair tables as knots, not per-interval coefficients: half the bytes
  // (an interval's cubic is formed from its two knots with EamSpline's own
  // operations, so values are bitwise those of the coefficient form), so
  // that the tables of a typical file stay in a core's L2 (CuZr_mm: 1.4 MB
  // instead of 3.8 MB; table misses were ~20 % of the kernel, perf).  One
  // block per unordered element pair a <= b; knot k holds
  //   y, s of rho_{b->a} | y, s of rho_{a->b} | y, s of r*phi_ab,
  // so an interval's two knots are 12 consecutive doubles.
  std::vector<double> knot_;          // [slot][nr][6]
  std::vector<size_t> pair_slot_;     // [ei*ne + ej]: offset of the pair's block in knot_
  std::vector<int> pair_into_i_;      // [ei*ne + ej]: 0 or 2: where in a knot the density into i is
  std::vector<EamSpline> embedding_;  // per element
  std::vector<int> element_;
  CellNeighborList list_;
  // Work buffers, kept between calls (grown, never shrunk).
  std::vector<double> rho_, fp_;
  // What pass 1 leaves for pass 2 about one pair inside the cutoff: the
  // neighbour (j, image s: pass 2 recomputes d from the positions, which
  // stay in cache, instead of streaming it) and the three radial factors
  // of the pair force, divided by r.  32 bytes.
  struct PairTerm {
    int j;
    uint16_t s;
    double rhojp_r;  // rho_{j->i}'(r) / r
    double rhoip_r;  // rho_{i->j}'(r) / r
    double phip_r;   // phi_ij'(r) / r
  };
  // Everything one thread writes, in its own cache lines (no false sharing
  // between threads: nothing here is written by another thread).
  struct alignas(64) ThreadWork {
    std::vector<double> rho, energy;
    std::vector<Vec3> force;
    std::vector<PairTerm> terms;      // pairs inside the cutoff, atom by atom
    std::vector<int> count;           // terms per atom of the thread's range
    std::vector<int> cand_j;          // one atom's candidates inside the cutoff
    std::vector<uint16_t> cand_s;
    std::vector<double> cand_r2;
    double e_embed = 0, e_pair = 0, max_rho = 0;
    bool out_of_range = false;
    std::array<double, 6> virial{};
  };
  std::vector<ThreadWork> work_;
};

}  // namespace gb
