#include "openmm/single_point.hpp"

#include <OpenMM.h>

#include "core/units.hpp"
#include "openmm/density_guard.hpp"
#include "openmm/system_builder.hpp"

namespace gb {

SinglePointResult openmm_single_point(const AtomConfig& cfg, const EamPotential& pot,
                                      const std::vector<int>& element_of_type, const SinglePointOptions& opt) {
  PlatformRequest req = opt.platform;
  if (req.name.empty() && opt.periodic && cfg.box.triclinic() &&
      opt.implementation.value_or(EamImplementation::Native) == EamImplementation::Custom) {
    // Not on CPU for triclinic boxes (see require_platform_supports_box).
    std::vector<std::string> pref;
    for (const auto& p : req.preference)
      if (p != "CPU" && p != "cpu") pref.push_back(p);
    req.preference = pref;
  }
  PlatformChoice pc = choose_platform(req);
  EamForceOptions fo;
  fo.implementation = resolve_implementation(opt.implementation, pc.name);
  if (opt.periodic) require_platform_supports_box(pc.name, cfg.box.triclinic(), fo.implementation);
  fo.periodic = opt.periodic;
  fo.tables = opt.tables ? *opt.tables : default_table_options(pc.name);
  EamSystem s = build_eam_system(cfg, pot, element_of_type, fo);
  // LammpsHermite extrapolates F like LAMMPS; natural-spline tables cannot.
  if (opt.check_density && fo.implementation == EamImplementation::Custom &&
      fo.tables.interpolation == EamInterpolation::NaturalSpline) {
    DensityGuard guard(*s.eam, s.box_nm);
    guard.check(s.positions_nm, nullptr, "configuration");
  }
  OpenMM::VerletIntegrator integ(0.001);
  std::unique_ptr<OpenMM::Context> ctx = make_context(*s.system, integ, pc);
  ctx->setPositions(s.positions_nm);
  OpenMM::State st = ctx->getState(OpenMM::State::Energy | OpenMM::State::Forces);
  SinglePointResult r;
  r.platform = pc.name;
  // The native force computes in double on Reference and CPU.
  r.precision = (fo.implementation == EamImplementation::Native && (pc.name == "CPU" || pc.name == "Reference"))
                    ? std::string("double")
                    : pc.precision;
  r.tables = fo.tables;
  r.implementation = fo.implementation;
  if (s.native) {
    const std::array<double, 6> w = s.native->getVirial(*ctx);
    std::array<double, 6> v{};
    for (int k = 0; k < 6; ++k) v[k] = w[k] * units::kEVPerKJPerMol;  // kJ/mol -> eV (nm*kJ/mol/nm)
    r.virial_eV = v;
  }
  r.energy_eV = st.getPotentialEnergy() * units::kEVPerKJPerMol;
  const auto& f = st.getForces();
  r.forces_eV_per_A.resize(f.size());
  const double c = 1.0 / units::kKJPerMolNmPerEVPerAngstrom;
  for (size_t k = 0; k < f.size(); ++k) r.forces_eV_per_A[k] = Vec3(f[k][0] * c, f[k][1] * c, f[k][2] * c);
  return r;
}

}  // namespace gb
