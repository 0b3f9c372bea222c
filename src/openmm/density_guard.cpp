#include "openmm/density_guard.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "openmm/platform.hpp"

namespace gb {

DensityGuard::DensityGuard(const EamForce& eam, const OpenMM::Vec3 box_nm[3], const std::string& platform_name)
    : rho_max_(eam.rho_max()), source_(eam.potential_source()) {
  system_ = std::make_unique<OpenMM::System>();
  for (size_t k = 0; k < eam.element_of_particle().size(); ++k) system_->addParticle(1.0);
  if (eam.periodic()) system_->setDefaultPeriodicBoxVectors(box_nm[0], box_nm[1], box_nm[2]);
  system_->addForce(eam.create_density_guard_force());
  integrator_ = std::make_unique<OpenMM::VerletIntegrator>(0.001);  // never stepped
  PlatformRequest req;
  req.name = platform_name;
  req.preference = {"CPU", "Reference"};
  PlatformChoice pc = choose_platform(req);
  context_ = make_context(*system_, *integrator_, pc);
}

DensityGuard::~DensityGuard() = default;

int DensityGuard::count_out_of_range(const std::vector<OpenMM::Vec3>& positions_nm, const OpenMM::Vec3* box_nm) {
  if (box_nm) context_->setPeriodicBoxVectors(box_nm[0], box_nm[1], box_nm[2]);
  context_->setPositions(positions_nm);
  const double count = context_->getState(OpenMM::State::Energy).getPotentialEnergy();
  if (!std::isfinite(count)) return static_cast<int>(positions_nm.size());
  return static_cast<int>(std::lround(count));
}

void DensityGuard::check(const std::vector<OpenMM::Vec3>& positions_nm, const OpenMM::Vec3* box_nm,
                         const std::string& when) {
  const int n = count_out_of_range(positions_nm, box_nm);
  if (n > 0)
    throw SimulationError(fmt::format(
        "{}: {} atom(s) have an EAM host density outside the tabulated range [0, {:.6g}] of {}; OpenMM's "
        "tables are zero there (LAMMPS would extrapolate F(rho)), so the energy and forces would be wrong "
        "(atoms too close: check the structure, density or time step)",
        when, n, rho_max_, source_));
}

void DensityGuard::check(const OpenMM::State& state, const std::string& when) {
  OpenMM::Vec3 a, b, c;
  state.getPeriodicBoxVectors(a, b, c);
  const OpenMM::Vec3 box[3] = {a, b, c};
  check(state.getPositions(), &box[0], when);
}

}  // namespace gb
