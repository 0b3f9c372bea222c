#ifndef GLASSBENCH_EAMKERNELS_H_
#define GLASSBENCH_EAMKERNELS_H_
#include <array>
#include <string>

#include "EamForce.h"
#include "openmm/KernelImpl.h"
#include "openmm/Platform.h"
#include "openmm/System.h"

namespace OpenMM {
class ContextImpl;
}

namespace EamPlugin {

/// The one kernel of EamForce, implemented per platform.
class CalcEamForceKernel : public OpenMM::KernelImpl {
 public:
  static std::string Name() { return "CalcEamForce"; }
  CalcEamForceKernel(std::string name, const OpenMM::Platform& platform) : OpenMM::KernelImpl(name, platform) {}
  virtual void initialize(const OpenMM::System& system, const EamForce& force) = 0;
  /// Adds forces to the context; returns the energy (kJ/mol) if includeEnergy.
  virtual double execute(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy) = 0;
  virtual void copyParametersToContext(OpenMM::ContextImpl& context, const EamForce& force) = 0;
  /// Virial at the last execute() (see EamForce::getVirial).
  virtual std::array<double, 6> getVirial(OpenMM::ContextImpl& context) = 0;
};

}  // namespace EamPlugin

#endif
