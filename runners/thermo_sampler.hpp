#pragma once
// Thermodynamic quantities of an OpenMM state, in metal units, for thermo.csv:
// temperature and kinetic energy from OpenMM's velocities (dof = 3N - 3: the
// centre-of-mass motion is removed), potential energy and the virial pressure
// from the CPU EAM evaluator (double precision, LAMMPS-identical tables), so
// thermo.csv is comparable with LAMMPS `thermo_style` output:
//   P = (2 KE + W) / (3 V) * nktv2p,  W = virial trace.
#include <array>
#include <vector>

#include <OpenMM.h>

#include "evaluator/eam_evaluator.hpp"
#include "runners/md_state.hpp"
#include "runners/thermo_file.hpp"

namespace gb::runners {

class ThermoSampler {
 public:
  ThermoSampler(const EamPotential& pot, std::vector<int> element_of_type, int threads, Topology topo);
  /// `s` must hold positions and energy.  Fills every field but stage/step/time/target.
  ThermoRow sample(const OpenMM::State& s) const;
  /// Pressure tensor (virial + kinetic), bar, LAMMPS order xx yy zz xy xz yz;
  /// `s` must hold positions and velocities.
  std::array<double, 6> pressure_tensor_bar(const OpenMM::State& s) const;
  int degrees_of_freedom() const { return dof_; }
  /// Host density of the last sample: largest rho_i.
  double last_max_density() const { return last_max_density_; }

 private:
  EamEvaluator evaluator_;
  Topology topo_;
  int dof_;
  mutable double last_max_density_ = 0;
};

}  // namespace gb::runners
