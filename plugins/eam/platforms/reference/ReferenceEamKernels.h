#ifndef GLASSBENCH_REFERENCEEAMKERNELS_H_
#define GLASSBENCH_REFERENCEEAMKERNELS_H_
// Reference kernel: the accuracy oracle.  Double precision, every pair of
// atoms and every periodic image within the cutoff found by brute force
// (O(N^2 * 27): no neighbour list to get wrong), LAMMPS's interpolation
// (gb::EamSpline) and LAMMPS's order of operations.
#include <vector>

#include "EamKernels.h"
#include "potential/eam_spline.hpp"

namespace EamPlugin {

class ReferenceCalcEamForceKernel : public CalcEamForceKernel {
 public:
  ReferenceCalcEamForceKernel(std::string name, const OpenMM::Platform& platform)
      : CalcEamForceKernel(name, platform) {}
  void initialize(const OpenMM::System& system, const EamForce& force) override;
  double execute(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy) override;
  void copyParametersToContext(OpenMM::ContextImpl& context, const EamForce& force) override;
  std::array<double, 6> getVirial(OpenMM::ContextImpl& context) override { return virial_; }

 private:
  void setElements(const EamForce& force);
  int ne_ = 0;
  double cutoff_ = 0, rhoMax_ = 0, rhoExtrap_ = 0;
  bool periodic_ = true;
  std::vector<int> element_;
  std::vector<gb::EamSpline> embedding_, density_, z2r_;  // density_[src*ne + dst], z2r_[a*ne + b]
  std::array<double, 6> virial_{};
};

}  // namespace EamPlugin

#endif
