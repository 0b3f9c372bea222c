#pragma once
// The full pressure tensor of an OpenMM state in LAMMPS's convention
// (compute pressure: kinetic + virial, bar, metal units), for stress.csv of
// isothermal and shear stages (Green-Kubo, MD-DMA):
//   p_ab = (sum_i m_i v_ia v_ib * mvv2e + W_ab) / V * nktv2p,
// W from the CPU EAM evaluator (double precision, LAMMPS-identical tables;
// orthogonal and triclinic boxes).  Cost: one evaluator pass per sample (about
// one force evaluation of the CPU platform), so the stress interval sets it:
// sampling every 10 steps adds ~10 % to a CPU-platform run.
#include <array>
#include <vector>

#include <OpenMM.h>

#include "evaluator/eam_evaluator.hpp"
#include "runners/md_state.hpp"

namespace gb::runners {

struct StressSample {
  std::array<double, 6> p_bar{};  // pxx pyy pzz pxy pxz pyz
  double volume_A3 = 0;
  double temperature_K = 0;       // 3N - 3 degrees of freedom, as thermo.csv
  double tilt_xy_A = 0, ly_A = 0;
};

class StressSampler {
 public:
  StressSampler(const EamPotential& pot, std::vector<int> element_of_type, int threads, Topology topo);
  /// `s` must hold positions and velocities.
  StressSample sample(const OpenMM::State& s) const;
  /// The same from a configuration in metal units (velocities required).
  StressSample sample(const AtomConfig& cfg) const;

 private:
  EamEvaluator evaluator_;
  Topology topo_;
};

}  // namespace gb::runners
