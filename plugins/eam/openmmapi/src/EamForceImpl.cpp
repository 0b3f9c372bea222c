#include "internal/EamForceImpl.h"

#include "EamKernels.h"
#include "openmm/OpenMMException.h"
#include "openmm/internal/ContextImpl.h"

namespace EamPlugin {

void EamForceImpl::initialize(OpenMM::ContextImpl& context) {
  const OpenMM::System& system = context.getSystem();
  if (owner_.getNumParticles() != system.getNumParticles())
    throw OpenMM::OpenMMException("EamForce must have exactly as many particles as the System it belongs to");
  owner_.getTables().validate();
  if (owner_.usesPeriodicBoundaryConditions()) {
    OpenMM::Vec3 a, b, c;
    system.getDefaultPeriodicBoxVectors(a, b, c);
    const double rc = owner_.getCutoffDistance();
    if (2 * rc > a[0] || 2 * rc > b[1] || 2 * rc > c[2])
      throw OpenMM::OpenMMException("EamForce: the cutoff cannot be larger than half the periodic box size");
  }
  kernel_ = context.getPlatform().createKernel(CalcEamForceKernel::Name(), context);
  kernel_.getAs<CalcEamForceKernel>().initialize(system, owner_);
}

double EamForceImpl::calcForcesAndEnergy(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy,
                                         int groups) {
  if ((groups & (1 << owner_.getForceGroup())) != 0)
    return kernel_.getAs<CalcEamForceKernel>().execute(context, includeForces, includeEnergy);
  return 0.0;
}

std::vector<std::string> EamForceImpl::getKernelNames() { return {CalcEamForceKernel::Name()}; }

void EamForceImpl::updateParametersInContext(OpenMM::ContextImpl& context) {
  kernel_.getAs<CalcEamForceKernel>().copyParametersToContext(context, owner_);
  context.systemChanged();
}

std::array<double, 6> EamForceImpl::getVirial(OpenMM::ContextImpl& context) {
  return kernel_.getAs<CalcEamForceKernel>().getVirial(context);
}

}  // namespace EamPlugin
