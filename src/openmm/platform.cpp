#include "openmm/platform.hpp"

#include <OpenMM.h>
#include <sys/stat.h>

#ifndef GB_OPENMM_PLUGIN_DIR
#define GB_OPENMM_PLUGIN_DIR ""
#endif
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <sstream>

#include "core/error.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/opencl_devices.hpp"

namespace gb {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string>& failures_store() {
  static std::vector<std::string> f;
  return f;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s.empty() ? "(none)" : s;
}

// Find an available platform by case-insensitive name; nullptr if absent.
OpenMM::Platform* find_platform(const std::string& name) {
  for (int i = 0; i < OpenMM::Platform::getNumPlatforms(); ++i) {
    OpenMM::Platform& p = OpenMM::Platform::getPlatform(i);
    if (lower(p.getName()) == lower(name)) return &p;
  }
  return nullptr;
}

bool has_property(const OpenMM::Platform& p, const std::string& prop) {
  const auto& names = p.getPropertyNames();
  return std::find(names.begin(), names.end(), prop) != names.end();
}

// A preference list names OpenCL for a GPU.  Where OpenCL has only CPU devices
// (PoCL) and the CPU platform is preferred later in the list, the CPU platform
// runs the same cores 2-3x faster (docs/cases.md, "Speed"), so OpenCL is
// passed over with a log line.  A named device index means the user chose
// OpenCL deliberately; --platform OpenCL always forces it.
bool skip_host_only_opencl(const OpenMM::Platform& cand, const PlatformRequest& req, size_t at) {
  if (lower(cand.getName()) != "opencl" || req.device_index >= 0) return false;
  bool cpu_later = false;
  for (size_t j = at + 1; j < req.preference.size(); ++j)
    if (lower(req.preference[j]) == "cpu" && find_platform("CPU")) cpu_later = true;
  if (!cpu_later || opencl_devices() != OpenClDevices::CpuOnly) return false;
  static std::once_flag logged;
  std::call_once(logged, [] {
    spdlog::info("OpenCL here has only CPU devices (PoCL): using the CPU platform, which is faster on the same "
                 "cores (--platform OpenCL forces OpenCL)");
  });
  return true;
}

}  // namespace

std::string openmm_version() { return OpenMM::Platform::getOpenMMVersion(); }

void load_openmm_plugins() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char* env = std::getenv("OPENMM_PLUGIN_DIR");
    std::string dir = (env && *env) ? std::string(env) : OpenMM::Platform::getDefaultPluginsDirectory();
    // An upstream OpenMM reports the folder of the prefix it was configured
    // with (e.g. /usr/local/openmm/lib/plugins) even when installed elsewhere:
    // then use the folder found next to the library we were built against.
    struct stat st;
    if (!(env && *env) && stat(dir.c_str(), &st) != 0 && std::string(GB_OPENMM_PLUGIN_DIR).size() > 0)
      dir = GB_OPENMM_PLUGIN_DIR;
    try {
      auto loaded = OpenMM::Platform::loadPluginsFromDirectory(dir);
      spdlog::debug("OpenMM {}: loaded {} plugin(s) from {}", openmm_version(), loaded.size(), dir);
    } catch (const std::exception& e) {
      failures_store().push_back(dir + ": " + e.what());
    }
    for (const auto& f : OpenMM::Platform::getPluginLoadFailures()) failures_store().push_back(f);
    for (const auto& f : failures_store()) spdlog::debug("OpenMM plugin load failure (harmless unless the platform is needed): {}", f);
    register_native_eam_plugin();  // after OpenMM's platforms exist: kernels attach to them
  });
}

const std::vector<std::string>& openmm_plugin_load_failures() {
  load_openmm_plugins();
  return failures_store();
}

std::vector<std::string> available_platforms() {
  load_openmm_plugins();
  std::vector<std::string> names;
  for (int i = 0; i < OpenMM::Platform::getNumPlatforms(); ++i)
    names.push_back(OpenMM::Platform::getPlatform(i).getName());
  return names;
}

std::string default_precision(const std::string& platform_name) {
  std::string n = lower(platform_name);
  if (n == "reference") return "double";
  // CPU: fixed scheme; OpenCL/CUDA: "mixed" keeps energy sums and the
  // integrator in double (needed for NVE energy conservation) while forces
  // run in single precision, at little cost over "single".
  return "mixed";
}

PlatformChoice choose_platform(const PlatformRequest& req) {
  load_openmm_plugins();
  PlatformChoice out;
  if (!req.name.empty()) {
    out.platform = find_platform(req.name);
    if (!out.platform)
      throw InputError("OpenMM platform '" + req.name + "' is not available; available platforms: " +
                       join(available_platforms()));
  } else {
    for (size_t i = 0; i < req.preference.size(); ++i) {
      OpenMM::Platform* cand = find_platform(req.preference[i]);
      if (cand && skip_host_only_opencl(*cand, req, i)) continue;
      if ((out.platform = cand)) break;
    }
    if (!out.platform)
      throw InputError("none of the preferred OpenMM platforms (" + join(req.preference) +
                       ") is available; available platforms: " + join(available_platforms()));
  }
  OpenMM::Platform& p = *out.platform;
  out.name = p.getName();
  const std::string lname = lower(out.name);

  std::string prec = lower(req.precision);
  if (!prec.empty() && prec != "single" && prec != "mixed" && prec != "double")
    throw InputError("--precision: expected single, mixed or double, got '" + req.precision + "'");
  if (prec.empty()) prec = default_precision(out.name);

  if (has_property(p, "Precision")) {
    if (prec == "double" && !p.supportsDoublePrecision())
      throw InputError("OpenMM platform " + out.name + " on this machine does not support double precision");
    out.properties["Precision"] = prec;
  } else {
    // Fixed-precision platforms (Reference: double, CPU: mixed).
    const std::string fixed = default_precision(out.name);
    if (prec != fixed)
      throw InputError("OpenMM platform " + out.name + " computes in fixed '" + fixed +
                       "' precision; precision '" + prec + "' is available on OpenCL/CUDA only");
  }
  out.precision = prec;

  if (req.device_index >= 0) {
    if (has_property(p, "DeviceIndex"))
      out.properties["DeviceIndex"] = std::to_string(req.device_index);
    else
      throw InputError("OpenMM platform " + out.name + " has no device index (only OpenCL/CUDA do)");
  }
  if (req.cpu_threads > 0) {
    // Only the CPU platform has a thread count; other platforms ignore it so
    // a runner can pass one setting whatever platform ends up chosen.
    if (lname == "cpu" && has_property(p, "Threads")) out.properties["Threads"] = std::to_string(req.cpu_threads);
  }
  return out;
}

std::unique_ptr<OpenMM::Context> make_context(OpenMM::System& system, OpenMM::Integrator& integrator,
                                              const PlatformChoice& choice) {
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  std::unique_ptr<OpenMM::Context> ctx;
  try {
    ctx = std::make_unique<OpenMM::Context>(system, integrator, *choice.platform, choice.properties);
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  if (!captured.str().empty()) spdlog::debug("OpenMM {} platform said: {}", choice.name, captured.str());
  return ctx;
}

}  // namespace gb
