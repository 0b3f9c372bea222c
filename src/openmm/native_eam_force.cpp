#include "openmm/native_eam_force.hpp"

#include <OpenMM.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "EamForce.h"
#include "core/error.hpp"
#include "core/units.hpp"
#include "openmm/platform.hpp"

#ifndef GB_EAM_PLUGIN_DIR
#define GB_EAM_PLUGIN_DIR ""
#endif

namespace gb {
namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
}  // namespace

const char* implementation_name(EamImplementation i) { return i == EamImplementation::Native ? "native" : "custom"; }

EamImplementation parse_implementation(const std::string& text, const std::string& where) {
  const std::string t = lower(text);
  if (t == "native") return EamImplementation::Native;
  if (t == "custom") return EamImplementation::Custom;
  throw InputError(where + ": force must be 'native' or 'custom', not '" + text + "'");
}

void register_native_eam_plugin() {
  static std::once_flag once;
  std::call_once(once, [] {
    // GLASSBENCH_EAM_PLUGIN_DIR overrides the build-tree directory compiled in.
    const char* env = std::getenv("GLASSBENCH_EAM_PLUGIN_DIR");
    const std::string dir = (env && *env) ? env : GB_EAM_PLUGIN_DIR;
    for (const auto& e : EamPlugin::registerEamPlugin(dir)) spdlog::debug("native EAM plugin: {}", e);
  });
}

bool native_force_available(const std::string& platform_name) {
  load_openmm_plugins();
  for (int i = 0; i < OpenMM::Platform::getNumPlatforms(); ++i) {
    OpenMM::Platform& p = OpenMM::Platform::getPlatform(i);
    if (lower(p.getName()) == lower(platform_name)) return p.supportsKernels({"CalcEamForce"});
  }
  return false;
}

EamImplementation resolve_implementation(std::optional<EamImplementation> requested, const std::string& platform_name) {
  const bool have = native_force_available(platform_name);
  if (requested) {
    if (*requested == EamImplementation::Native && !have)
      throw InputError("the native EAM force has no kernel for platform " + platform_name +
                       " in this build; use force: custom");
    return *requested;
  }
  return have ? EamImplementation::Native : EamImplementation::Custom;
}

EamPlugin::EamForce* make_native_eam_force(const EamPotential& pot, const std::vector<int>& element_of_particle,
                                           bool periodic, double skin_nm) {
  register_native_eam_plugin();
  EamPlugin::EamTables t;
  const int ne = pot.nelements();
  const double nm = units::kNmPerAngstrom, kj = units::kKJPerMolPerEV;
  t.elements = pot.elements;
  t.nrho = pot.nrho;
  t.drho = pot.drho;
  t.nr = pot.nr;
  t.dr = pot.dr * nm;
  t.cutoff = pot.cutoff * nm;
  t.rhoExtrapolationStart = pot.rho_extrapolation_start > 0 ? pot.rho_extrapolation_start : pot.rho_max();
  for (int e = 0; e < ne; ++e) {
    std::vector<double> f = pot.embedding_of(e);
    for (double& v : f) v *= kj;
    t.embedding.push_back(std::move(f));
  }
  for (int a = 0; a < ne; ++a)
    for (int b = 0; b < ne; ++b) {
      t.density.push_back(pot.density(a, b));
      std::vector<double> z = pot.z2r(a, b);
      for (double& v : z) v *= kj * nm;
      t.z2r.push_back(std::move(z));
    }
  auto* f = new EamPlugin::EamForce(t);
  f->setName("EAM (native)");
  f->setUsesPeriodicBoundaryConditions(periodic);
  f->setNeighborSkin(skin_nm);
  for (int e : element_of_particle) f->addParticle(e);
  return f;
}

}  // namespace gb
