#include "openmm/system_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/units.hpp"

namespace gb {

void openmm_box_vectors(const Box& box, OpenMM::Vec3 out[3]) {
  const double s = units::kNmPerAngstrom;
  OpenMM::Vec3 a(box.lx * s, 0, 0), b(box.xy * s, box.ly * s, 0), c(box.xz * s, box.yz * s, box.lz * s);
  // OpenMM's reduced form: |b.x| <= a.x/2, |c.x| <= a.x/2, |c.y| <= b.y/2.
  c = c - b * std::round(c[1] / b[1]);
  c = c - a * std::round(c[0] / a[0]);
  b = b - a * std::round(b[0] / a[0]);
  out[0] = a;
  out[1] = b;
  out[2] = c;
}

EamSystem build_eam_system(const AtomConfig& cfg, const EamPotential& pot, const std::vector<int>& element_of_type,
                           const EamForceOptions& options) {
  const size_t n = cfg.size();
  if (n == 0) throw InputError("configuration has no atoms");
  if (static_cast<int>(element_of_type.size()) < cfg.ntypes)
    throw InputError(fmt::format("the configuration has {} atom types but only {} element(s) were given",
                                 cfg.ntypes, element_of_type.size()));
  EamSystem out;
  out.ids = cfg.ids;
  out.types = cfg.types;
  out.origin_A = cfg.box.lo;
  std::vector<int> elem(n);
  for (size_t k = 0; k < n; ++k) {
    const int t = cfg.types[k];
    if (t < 1 || t > static_cast<int>(element_of_type.size()))
      throw InputError(fmt::format("atom {} has type {} without an element", cfg.ids.empty() ? long(k + 1) : cfg.ids[k], t));
    elem[k] = element_of_type[t - 1];
  }
  out.eam = std::make_shared<EamForce>(pot, elem, options);

  openmm_box_vectors(cfg.box, out.box_nm);
  if (options.periodic) {
    const Vec3 w = cfg.box.perpendicular_widths();
    const double wmin = std::min({w.x, w.y, w.z});
    if (2.0 * pot.cutoff > wmin)
      throw InputError(fmt::format(
          "the box is too small for OpenMM: its narrowest perpendicular width {:.6g} A is less than twice the "
          "potential cutoff {:.6g} A (OpenMM uses one periodic image per pair); use a larger box",
          wmin, pot.cutoff));
  }

  out.system = std::make_unique<OpenMM::System>();
  out.masses_amu.resize(n);
  for (size_t k = 0; k < n; ++k) {
    const int t = cfg.types[k];
    double m = (static_cast<int>(cfg.type_masses.size()) >= t && cfg.type_masses[t - 1] > 0)
                   ? cfg.type_masses[t - 1]
                   : pot.masses.at(elem[k]);
    out.masses_amu[k] = m;
    out.system->addParticle(m);
  }
  if (options.periodic) out.system->setDefaultPeriodicBoxVectors(out.box_nm[0], out.box_nm[1], out.box_nm[2]);
  out.implementation = options.implementation;
  if (options.implementation == EamImplementation::Native) {
    out.native = make_native_eam_force(pot, elem, options.periodic, options.native_skin_nm);
    out.eam_force_index = out.system->addForce(out.native);
  } else {
    out.eam_force_index = out.system->addForce(out.eam->create_force());
  }

  const double s = units::kNmPerAngstrom;
  out.positions_nm.resize(n);
  for (size_t k = 0; k < n; ++k) {
    // Wrapped into the cell (the image does not change energies or forces).
    const Vec3 r = (options.periodic ? cfg.box.wrap(cfg.positions[k]) : cfg.positions[k]) - cfg.box.lo;
    out.positions_nm[k] = OpenMM::Vec3(r.x * s, r.y * s, r.z * s);
  }
  if (!cfg.velocities.empty()) {
    out.velocities_nm_per_ps.resize(n);
    for (size_t k = 0; k < n; ++k)
      out.velocities_nm_per_ps[k] =
          OpenMM::Vec3(cfg.velocities[k].x * s, cfg.velocities[k].y * s, cfg.velocities[k].z * s);
  }
  return out;
}

}  // namespace gb
