#ifndef GLASSBENCH_EAMFORCEIMPL_H_
#define GLASSBENCH_EAMFORCEIMPL_H_
#include <map>
#include <string>
#include <vector>

#include "EamForce.h"
#include "openmm/Kernel.h"
#include "openmm/internal/ForceImpl.h"

namespace EamPlugin {

class EamForceImpl : public OpenMM::ForceImpl {
 public:
  explicit EamForceImpl(const EamForce& owner) : owner_(owner) {}
  void initialize(OpenMM::ContextImpl& context) override;
  const EamForce& getOwner() const override { return owner_; }
  double calcForcesAndEnergy(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy,
                             int groups) override;
  std::map<std::string, double> getDefaultParameters() override { return {}; }
  std::vector<std::string> getKernelNames() override;
  void updateParametersInContext(OpenMM::ContextImpl& context);
  std::array<double, 6> getVirial(OpenMM::ContextImpl& context);

 private:
  const EamForce& owner_;
  OpenMM::Kernel kernel_;
};

}  // namespace EamPlugin

#endif
