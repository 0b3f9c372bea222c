// Kernel factories of the Reference and CPU platforms, the serialization
// proxy, and loading of the GPU kernel libraries (OpenCL, CUDA), which link
// OpenMM's own OpenCL/CUDA plugin libraries and so are plugins themselves.
#include <sys/stat.h>

#include <mutex>
#include <typeinfo>

#include "../../platforms/cpu/CpuEamKernels.h"
#include "../../platforms/reference/ReferenceEamKernels.h"
#include "EamForce.h"
#include "EamForceProxy.h"
#include "openmm/KernelFactory.h"
#include "openmm/OpenMMException.h"
#include "openmm/Platform.h"
#include "openmm/serialization/SerializationProxy.h"

namespace EamPlugin {
namespace {

template <class K>
class Factory : public OpenMM::KernelFactory {
 public:
  OpenMM::KernelImpl* createKernelImpl(std::string name, const OpenMM::Platform& platform,
                                       OpenMM::ContextImpl&) const override {
    if (name == CalcEamForceKernel::Name()) return new K(name, platform);
    throw OpenMM::OpenMMException("EamPlugin: no kernel named '" + name + "'");
  }
};

void registerHostKernels() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int i = 0; i < OpenMM::Platform::getNumPlatforms(); ++i) {
      OpenMM::Platform& p = OpenMM::Platform::getPlatform(i);
      if (p.getName() == "Reference")
        p.registerKernelFactory(CalcEamForceKernel::Name(), new Factory<ReferenceCalcEamForceKernel>());
      else if (p.getName() == "CPU")
        p.registerKernelFactory(CalcEamForceKernel::Name(), new Factory<CpuCalcEamForceKernel>());
    }
    OpenMM::SerializationProxy::registerProxy(typeid(EamForce), new EamForceProxy());
  });
}

}  // namespace

std::vector<std::string> registerEamPlugin(const std::string& pluginDir) {
  registerHostKernels();
  static std::vector<std::string> errors;
  static std::once_flag once;
  std::call_once(once, [&] {
    for (const char* name : {"libGlassbenchEamOpenCL.so", "libGlassbenchEamCUDA.so"}) {
      const std::string path = pluginDir + "/" + name;
      struct stat st;
      if (pluginDir.empty() || stat(path.c_str(), &st) != 0) continue;
      try {
        OpenMM::Platform::loadPluginLibrary(path);
      } catch (const std::exception& e) {
        errors.push_back(path + ": " + e.what());
      }
    }
  });
  return errors;
}

}  // namespace EamPlugin

// OpenMM's plugin entry points, for programs that load libGlassbenchEam.so
// with Platform::loadPluginLibrary / loadPluginsFromDirectory.
extern "C" __attribute__((visibility("default"))) void registerPlatforms() {}
extern "C" __attribute__((visibility("default"))) void registerKernelFactories() { EamPlugin::registerEamPlugin(""); }
