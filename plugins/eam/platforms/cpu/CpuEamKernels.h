#ifndef GLASSBENCH_CPUEAMKERNELS_H_
#define GLASSBENCH_CPUEAMKERNELS_H_
// CPU platform kernel: gb::EamCpuKernel (half neighbour list with skin, two
// pair passes, packed knot tables, per-thread buffers, triclinic,
// virial in the force pass; double precision) on the positions and forces
// the CPU platform keeps in its Reference-platform data -- which needs no
// CPU-platform headers (sfmt/) and no libOpenMMCPU link.  Threads: the CPU
// platform's "Threads" property.
#include <memory>
#include <vector>

#include "EamKernels.h"
#include "evaluator/eam_cpu_kernel.hpp"

namespace EamPlugin {

class CpuCalcEamForceKernel : public CalcEamForceKernel {
 public:
  CpuCalcEamForceKernel(std::string name, const OpenMM::Platform& platform) : CalcEamForceKernel(name, platform) {}
  void initialize(const OpenMM::System& system, const EamForce& force) override;
  double execute(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy) override;
  void copyParametersToContext(OpenMM::ContextImpl& context, const EamForce& force) override;
  std::array<double, 6> getVirial(OpenMM::ContextImpl& context) override { return out_.virial; }

 private:
  int threads(OpenMM::ContextImpl& context);
  std::unique_ptr<gb::EamCpuKernel> kernel_;
  bool periodic_ = true;
  int threads_ = 0;
  std::vector<gb::Vec3> x_;
  gb::EamKernelOutput out_;
  // The last computed state (execute reuses out_ when a call repeats it).
  std::vector<gb::Vec3> cached_x_;
  gb::Cell cached_cell_;
  bool cache_valid_ = false;
  bool cache_has_forces_ = false;
};

}  // namespace EamPlugin

#endif
