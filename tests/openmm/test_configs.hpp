#pragma once
// Small configurations shared by the OpenMM force tests.
#include <cmath>
#include <string>

#include "common/test_structures.hpp"  // cuzr_config
#include "core/structure_builder.hpp"
#include "openmm/single_point.hpp"
#include "openmm/system_builder.hpp"

namespace gb::testing {

/// Single point on the Reference platform (LAMMPS-exact tables).
inline SinglePointResult reference_point(const AtomConfig& cfg, const EamPotential& pot, const std::vector<int>& elem,
                                         bool periodic = true) {
  SinglePointOptions o;
  o.platform.name = "Reference";
  o.periodic = periodic;
  o.check_density = false;
  o.implementation = EamImplementation::Custom;  // these tests are about the CustomGBForce
  return openmm_single_point(cfg, pot, elem, o);
}

/// Energies of many nearby configurations from one Reference Context
/// (building a Context per evaluation would dominate the test time).
class ReferenceEnergyProbe {
 public:
  ReferenceEnergyProbe(const AtomConfig& cfg, const EamPotential& pot, const std::vector<int>& elem)
      : sys_(build_eam_system(cfg, pot, elem)), integ_(0.001) {
    PlatformRequest r;
    r.name = "Reference";
    ctx_ = make_context(*sys_.system, integ_, choose_platform(r));
  }
  /// Energy (eV) with the given positions (Angstrom, same box and origin).
  double energy(const std::vector<Vec3>& positions_A, const Vec3& origin_A) {
    std::vector<OpenMM::Vec3> p(positions_A.size());
    for (size_t k = 0; k < p.size(); ++k) {
      const Vec3 r = positions_A[k] - origin_A;
      p[k] = OpenMM::Vec3(r.x * 0.1, r.y * 0.1, r.z * 0.1);
    }
    ctx_->setPositions(p);
    return ctx_->getState(OpenMM::State::Energy).getPotentialEnergy() / 96.48533212331002;
  }

 private:
  EamSystem sys_;
  OpenMM::VerletIntegrator integ_;
  std::unique_ptr<OpenMM::Context> ctx_;
};

}  // namespace gb::testing
