#ifndef GLASSBENCH_COMMONEAMKERNELS_H_
#define GLASSBENCH_COMMONEAMKERNELS_H_
// OpenCL/CUDA kernel of EamForce, written once against OpenMM's
// ComputeContext (the "common" platform layer), as OpenMM's own plugins do.
//
// Four device kernels per step: the skin check (only a 4-byte flag comes
// back to the host), densities, F and F' per atom, forces + pair energy +
// virial.  The neighbour list (gb::CellNeighborList with skin, the same
// search as the CPU kernel, LAMMPS's rebuild rule) is built on the host only
// when the device flags an atom that moved more than (skin - box-change
// shift)/2, and uploaded as (j, image) records; the device recomputes the
// image offsets from the current box every step.
//
// Pairs: single/mixed precision with 64-bit global atomics (GPUs, PoCL): a
// half list, each pair once, j's density and force share scattered with
// fixed-point atomics; double precision (accuracy first) or no 64-bit
// atomics: the full list (each pair from both sides, no atomics).
//
// Precision (ComputeContext's "real" / "mixed"):
//   tables            real4 (float in single/mixed, double in double mode)
//   pair arithmetic   real  (r, table lookups, pair forces)
//   rho_i sums        half list: 64-bit fixed point, 2^-32 resolution
//                     (|error| <= ~1e-8 for ~100 terms: better than float,
//                     order-independent, so bitwise reproducible); full
//                     list: mixed (double in double mode)
//   F(rho), F'        mixed (F' multiplies every pair force)
//   energy, virial    mixed (summed over all atoms/pairs); computed only in
//                     evaluations that include the energy (MD steps skip them)
//   forces            OpenMM's force buffers (64-bit fixed point when the
//                     device has 64-bit atomics)
// Mixed by default (gb::default_precision): float pair work where the cost
// is, double or fixed point where sums of many terms lose digits.
#include <array>
#include <memory>
#include <vector>

#include "EamKernels.h"
#include "evaluator/cell_neighbor_list.hpp"
#include "openmm/common/ComputeArray.h"
#include "openmm/common/ComputeContext.h"
#include "openmm/Vec3.h"

namespace EamPlugin {

class CommonCalcEamForceKernel : public CalcEamForceKernel {
 public:
  CommonCalcEamForceKernel(std::string name, const OpenMM::Platform& platform, OpenMM::ComputeContext& cc)
      : CalcEamForceKernel(name, platform), cc_(cc) {}
  ~CommonCalcEamForceKernel() override;
  void initialize(const OpenMM::System& system, const EamForce& force) override;
  double execute(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy) override;
  void copyParametersToContext(OpenMM::ContextImpl& context, const EamForce& force) override;
  std::array<double, 6> getVirial(OpenMM::ContextImpl& context) override;

 private:
  class ReorderListener;
  void updateNeighborList();
  void rebuildNeighborList();
  OpenMM::ComputeContext& cc_;
  int numAtoms_ = 0, ne_ = 0;
  bool periodic_ = true, listValid_ = false, halfList_ = false;
  double skin_ = 0;
  OpenMM::Vec3 buildBox_[3];                // box vectors when the list was built
  std::vector<std::array<int, 3>> shiftImages_;  // image n_s of each shift of the list
  std::unique_ptr<gb::CellNeighborList> list_;
  std::vector<int> atomElement_;  // by original atom index
  OpenMM::ComputeArray element_, nbrStart_, nbr_, pairCoef_, embedCoef_, rho_, fp_, virial_;
  OpenMM::ComputeArray refPos_, img_, moved_;  // device skin check: positions and cell offsets at build, flag
  OpenMM::ComputeKernel checkKernel_, densityKernel_, embedKernel_, forceKernel_, forceEnergyKernel_;
  int virialThreads_ = 0;
  bool argsBound_ = false;
};

}  // namespace EamPlugin

#endif
