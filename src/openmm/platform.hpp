#pragma once
// OpenMM platform selection: plugins are loaded once (from OPENMM_PLUGIN_DIR
// or OpenMM's compiled-in default directory), then a platform is chosen by
// name or by an ordered preference list, with precision, device index and
// CPU thread count turned into the platform's property map.
//
// Precision: OpenCL and CUDA take "single" | "mixed" | "double".  Reference
// always computes in double and the CPU platform always in OpenMM's fixed
// mixed scheme (single-precision forces, double accumulation and
// integration); asking them for another precision is an InputError rather
// than a silently ignored request.
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace OpenMM {
class Context;
class Integrator;
class Platform;
class System;
}  // namespace OpenMM

namespace gb {

/// OpenMM's version string, e.g. "7.7".
std::string openmm_version();

/// Load plugins once per process (later calls do nothing).  Directory:
/// $OPENMM_PLUGIN_DIR if set, else OpenMM::Platform::getDefaultPluginsDirectory().
/// Load failures (e.g. Debian's Amoeba/Drude plugins when LD_LIBRARY_PATH
/// lacks their directory) are harmless for us and logged at debug level only.
void load_openmm_plugins();

/// The plugin load failures collected by load_openmm_plugins().
const std::vector<std::string>& openmm_plugin_load_failures();

/// Names of the platforms that can be used (after loading plugins).
std::vector<std::string> available_platforms();

/// What the caller asks for.  Empty strings / negative numbers mean "default".
struct PlatformRequest {
  /// Platform name (case-insensitive: "cpu", "OpenCL", ...).  Empty: the
  /// first available name in `preference`, except that an OpenCL with only
  /// CPU devices (PoCL) is passed over when CPU comes later in the list and no
  /// device index is set (the CPU platform is faster on the same cores).
  std::string name;
  std::vector<std::string> preference = {"CUDA", "OpenCL", "CPU", "Reference"};
  std::string precision;  // "single" | "mixed" | "double" | "" (platform default)
  int device_index = -1;  // OpenCL/CUDA device; -1: OpenMM's choice
  int cpu_threads = 0;    // CPU platform threads; 0: OpenMM's default; ignored elsewhere
};

/// What was chosen.  Pass `properties` to the OpenMM::Context constructor.
struct PlatformChoice {
  OpenMM::Platform* platform = nullptr;
  std::string name;       // OpenMM's spelling ("Reference", "CPU", "OpenCL", "CUDA")
  std::string precision;  // effective precision ("double" for Reference, "mixed" for CPU)
  std::map<std::string, std::string> properties;
};

/// Choose a platform.  Throws gb::InputError if the named platform is not
/// available (the message lists the available ones), if no preferred
/// platform is available, or if the precision is not one the platform offers.
PlatformChoice choose_platform(const PlatformRequest& request);

/// Platform default precision used when the request leaves it empty:
/// OpenCL/CUDA "mixed" (double energy accumulation, single forces),
/// Reference "double", CPU "mixed".
std::string default_precision(const std::string& platform_name);

/// Create a Context on the chosen platform.  OpenMM's OpenCL platform prints
/// "WARNING: Using an unsupported OpenCL implementation" to std::cout for
/// PoCL (which works: the verification tests check its results), which
/// would corrupt `key value` output; std::cout is captured while the
/// Context is built and the text logged at debug level.  Use this instead
/// of constructing OpenMM::Context directly.
std::unique_ptr<OpenMM::Context> make_context(OpenMM::System& system, OpenMM::Integrator& integrator,
                                              const PlatformChoice& choice);

}  // namespace gb
