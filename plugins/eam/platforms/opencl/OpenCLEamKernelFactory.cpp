// Registers the common EamForce kernel on OpenMM's OpenCL platform.  Built
// as libGlassbenchEamOpenCL.so and loaded with Platform::loadPluginLibrary
// (EamPlugin::registerEamPlugin does so): it links libOpenMMOpenCL.so,
// itself an OpenMM plugin, so it cannot live in libGlassbenchEam.so.
#include "../common/CommonEamKernels.h"
#include "openmm/KernelFactory.h"
#include "openmm/OpenMMException.h"
#include "openmm/internal/ContextImpl.h"
#include "OpenCLContext.h"
#include "OpenCLPlatform.h"

using namespace OpenMM;

namespace {

class OpenCLEamKernelFactory : public KernelFactory {
 public:
  KernelImpl* createKernelImpl(std::string name, const Platform& platform, ContextImpl& context) const override {
    auto& data = *static_cast<OpenCLPlatform::PlatformData*>(context.getPlatformData());
    if (name == EamPlugin::CalcEamForceKernel::Name())
      return new EamPlugin::CommonCalcEamForceKernel(name, platform, *data.contexts[0]);
    throw OpenMMException("EamPlugin (OpenCL): no kernel named '" + name + "'");
  }
};

}  // namespace

extern "C" __attribute__((visibility("default"))) void registerPlatforms() {}

extern "C" __attribute__((visibility("default"))) void registerKernelFactories() {
  for (int i = 0; i < Platform::getNumPlatforms(); ++i) {
    Platform& p = Platform::getPlatform(i);
    if (p.getName() == "OpenCL") p.registerKernelFactory(EamPlugin::CalcEamForceKernel::Name(), new OpenCLEamKernelFactory());
  }
}
