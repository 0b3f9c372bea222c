#pragma once
// Thermodynamic quantities of an OpenMM state, in metal units, for thermo.csv
// and the stress samples of shear and Green-Kubo stages: temperature and
// kinetic energy from OpenMM's velocities (dof = 3N - 3: the centre-of-mass
// motion is removed), potential energy and the virial W of the EAM force:
//   P = (2 KE + W) / (3 V) * nktv2p,  W = virial trace  (LAMMPS `thermo_style`),
//   P_ab = (sum_i m_i v_ia v_ib + W_ab) / V            (LAMMPS `compute pressure`).
// The virial (and the energy) come from one of two places (PressureSource):
//   native-force-virial -- the native EamForce's own virial, accumulated in
//       the force pass of the kernel (EamForce::getVirial); costs no force
//       evaluation beyond the one the State's Energy request runs anyway;
//   cpu-evaluator       -- the CustomGBForce cannot report a virial, so the
//       project's CPU EAM evaluator re-evaluates the potential on the host
//       (double precision, LAMMPS-identical tables).
#include <array>
#include <optional>
#include <vector>

#include <OpenMM.h>

#include "evaluator/eam_evaluator.hpp"
#include "runners/md_state.hpp"
#include "runners/thermo_file.hpp"

namespace EamPlugin {
class EamForce;
}

namespace gb::runners {

enum class PressureSource { NativeVirial, CpuEvaluator };
/// "native-force-virial" | "cpu-evaluator" (provenance, stress.csv headers).
const char* pressure_source_name(PressureSource s);

/// A State and, with the native force, that force's virial (kJ/mol, xx yy zz
/// xy xz yz) at exactly the State's positions and box.  Make one only with
/// capture_state: getVirial returns the virial of the kernel's last execute()
/// with the energy (OpenCL skips it in force-only MD steps): the State's only
/// if that State's own Energy request ran the kernel and nothing ran it since.
struct SampledState {
  OpenMM::State state;
  std::optional<std::array<double, 6>> virial_kJ_mol;  // empty: evaluator path
  PressureSource source() const {
    return virial_kJ_mol ? PressureSource::NativeVirial : PressureSource::CpuEvaluator;
  }
};

/// ctx.getState(types) -- plus State::Energy when `native` is set, which
/// executes every force at the current positions -- and, when `native` is
/// set, native->getVirial(ctx) read straight after.  `native` must be the
/// EamForce of ctx's System (or nullptr for the custom force).
SampledState capture_state(OpenMM::Context& ctx, int types, EamPlugin::EamForce* native);

class ThermoSampler {
 public:
  ThermoSampler(const EamPotential& pot, std::vector<int> element_of_type, int threads, Topology topo);
  /// `s.state` must hold positions and energy.  Fills every field but
  /// stage/step/time/target.  Native virial: energy and virial of the force;
  /// otherwise both from the CPU evaluator at the State's positions.
  ThermoRow sample(const SampledState& s) const;
  /// Pressure tensor (virial + kinetic), bar, LAMMPS order xx yy zz xy xz yz.
  /// `s.state` must hold velocities, and positions on the evaluator path.
  std::array<double, 6> pressure_tensor_bar(const SampledState& s) const;
  /// Evaluator path on a plain State (the custom force, or a State without
  /// a virial).
  ThermoRow sample(const OpenMM::State& s) const { return sample(SampledState{s, std::nullopt}); }
  std::array<double, 6> pressure_tensor_bar(const OpenMM::State& s) const {
    return pressure_tensor_bar(SampledState{s, std::nullopt});
  }
  int degrees_of_freedom() const { return dof_; }
  /// Largest rho_i of the last evaluator-path sample (0 before any).
  double last_max_density() const { return last_max_density_; }

 private:
  // Virial part of the pressure tensor (bar) and the potential energy (eV).
  std::array<double, 6> virial_pressure_bar(const SampledState& s, double volume_A3, double* energy_eV) const;
  EamEvaluator evaluator_;
  Topology topo_;
  int dof_;
  mutable double last_max_density_ = 0;
};

}  // namespace gb::runners
