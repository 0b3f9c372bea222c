#pragma once
// The native EAM force (plugins/eam: EamPlugin::EamForce) built from a
// LAMMPS potential, and the choice between it and the CustomGBForce
// formulation (eam_force.hpp):
//   native  -- EamPlugin::EamForce: Reference, CPU, OpenCL (and CUDA when
//              built against an OpenMM with CUDA); LAMMPS's algorithm.
//   custom  -- gb::EamForce's CustomGBForce: any platform, slower.
// Case files choose with `force: native | custom` (default: native where the
// platform has it); `glassbench eval --force`.  Units at this boundary: the
// potential in LAMMPS metal units (A, eV) in, OpenMM units (nm, kJ/mol) out.
#include <optional>
#include <string>
#include <vector>

#include "potential/eam_potential.hpp"

namespace EamPlugin {
class EamForce;
}

namespace gb {

enum class EamImplementation { Native, Custom };
const char* implementation_name(EamImplementation i);  // "native" | "custom"
/// "native" | "custom" (case-insensitive); throws gb::InputError naming `where` otherwise.
EamImplementation parse_implementation(const std::string& text, const std::string& where);

/// Register the native force's kernels (Reference, CPU, and the GPU plugin
/// libraries built next to it) once; called by load_openmm_plugins().
void register_native_eam_plugin();
/// True if the native force has a kernel on this platform (after loading).
bool native_force_available(const std::string& platform_name);
/// requested (if set) or the default for the platform: native where available.
/// Throws gb::InputError if native is requested on a platform without it.
EamImplementation resolve_implementation(std::optional<EamImplementation> requested, const std::string& platform_name);

/// A new EamPlugin::EamForce for particles of the given elements (index into
/// pot.elements); the caller owns it (System::addForce takes it).
EamPlugin::EamForce* make_native_eam_force(const EamPotential& pot, const std::vector<int>& element_of_particle,
                                           bool periodic, double skin_nm = 0.1);

}  // namespace gb
