#ifndef GLASSBENCH_COMMONEAMKERNELS_H_
#define GLASSBENCH_COMMONEAMKERNELS_H_
// OpenCL/CUDA kernel of EamForce, written once against OpenMM's
// ComputeContext (the "common" platform layer), as OpenMM's own plugins do.
//
// Three device kernels per step: densities (full neighbour list, one atom
// per work item: no atomics), F and F' per atom, forces + pair energy +
// virial.  The neighbour list (gb::CellNeighborList with skin, the same
// search as the CPU kernel) is built on the host when an atom moved more
// than skin/2 and uploaded as (j, image) records; the device recomputes the
// image offsets from the current box every step.
//
// Precision (ComputeContext's "real" / "mixed"):
//   tables            real4 (float in single/mixed, double in double mode)
//   pair arithmetic   real  (r, table lookups, pair forces)
//   rho_i sums        mixed (double in mixed mode: ~100 terms of similar size)
//   F(rho), F'        mixed (F' multiplies every pair force)
//   energy, virial    mixed (summed over all atoms/pairs)
//   forces            OpenMM's force buffers (64-bit fixed point when the
//                     device has 64-bit atomics)
// Mixed by default (gb::default_precision): float pair work where the cost
// is, double where sums of many terms lose digits.
#include <memory>
#include <vector>

#include "EamKernels.h"
#include "evaluator/cell_neighbor_list.hpp"
#include "openmm/common/ComputeArray.h"
#include "openmm/common/ComputeContext.h"

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
  OpenMM::ComputeContext& cc_;
  int numAtoms_ = 0, ne_ = 0;
  bool periodic_ = true, listValid_ = false;
  std::unique_ptr<gb::CellNeighborList> list_;
  std::vector<int> atomElement_;  // by original atom index
  OpenMM::ComputeArray element_, nbrStart_, nbr_, pairCoef_, embedCoef_, rho_, fp_, virial_;
  OpenMM::ComputeKernel densityKernel_, embedKernel_, forceKernel_;
  int virialThreads_ = 0;
  bool argsBound_ = false;
};

}  // namespace EamPlugin

#endif
