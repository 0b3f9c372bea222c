// Registers the common EamForce kernel on OpenMM's CUDA platform (built only
// against an OpenMM that has one: 8.x with -DOpenMM_ROOT, see
// platforms/common/GpuPlugins.cmake).  Not compiled or run on this
// project's CI machine (no CUDA there).
#include "../common/CommonEamKernels.h"
#include "CudaContext.h"
#include "CudaPlatform.h"
#include "openmm/KernelFactory.h"
#include "openmm/OpenMMException.h"
#include "openmm/internal/ContextImpl.h"

using namespace OpenMM;

namespace {

class CudaEamKernelFactory : public KernelFactory {
 public:
  KernelImpl* createKernelImpl(std::string name, const Platform& platform, ContextImpl& context) const override {
    auto& data = *static_cast<CudaPlatform::PlatformData*>(context.getPlatformData());
    if (name == EamPlugin::CalcEamForceKernel::Name())
      return new EamPlugin::CommonCalcEamForceKernel(name, platform, *data.contexts[0]);
    throw OpenMMException("EamPlugin (CUDA): no kernel named '" + name + "'");
  }
};

}  // namespace

extern "C" __attribute__((visibility("default"))) void registerPlatforms() {}

extern "C" __attribute__((visibility("default"))) void registerKernelFactories() {
  for (int i = 0; i < Platform::getNumPlatforms(); ++i) {
    Platform& p = Platform::getPlatform(i);
    if (p.getName() == "CUDA") p.registerKernelFactory(EamPlugin::CalcEamForceKernel::Name(), new CudaEamKernelFactory());
  }
}
