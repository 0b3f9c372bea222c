#include "runners/stress_sampler.hpp"

#include "core/error.hpp"
#include "core/units.hpp"

namespace gb::runners {

StressSampler::StressSampler(const EamPotential& pot, std::vector<int> element_of_type, int threads, Topology topo)
    : evaluator_(pot, std::move(element_of_type), threads), topo_(std::move(topo)) {}

StressSample StressSampler::sample(const OpenMM::State& s) const {
  return sample(config_from_state(s, topo_, true, false));
}

StressSample StressSampler::sample(const AtomConfig& cfg) const {
  if (cfg.velocities.size() != cfg.size()) throw InputError("stress sample: the configuration has no velocities");
  const EamResult e = evaluator_.compute(cfg);
  StressSample out;
  out.volume_A3 = cfg.box.volume();
  out.tilt_xy_A = cfg.box.xy;
  out.ly_A = cfg.box.ly;
  std::array<double, 6> ke{};  // sum m v_a v_b, amu A^2/ps^2
  for (size_t i = 0; i < cfg.size(); ++i) {
    const double m = cfg.type_masses.at(static_cast<size_t>(cfg.types[i] - 1));
    const Vec3& v = cfg.velocities[i];
    ke[0] += m * v.x * v.x;
    ke[1] += m * v.y * v.y;
    ke[2] += m * v.z * v.z;
    ke[3] += m * v.x * v.y;
    ke[4] += m * v.x * v.z;
    ke[5] += m * v.y * v.z;
  }
  for (int k = 0; k < 6; ++k)
    out.p_bar[k] = (ke[k] * units::kEVPerAmuA2PerPs2 + e.virial_eV[k]) / out.volume_A3 * units::kBarPerEVPerAngstrom3;
  const double ke_total = 0.5 * (ke[0] + ke[1] + ke[2]) * units::kEVPerAmuA2PerPs2;
  const double dof = 3.0 * static_cast<double>(cfg.size()) - 3.0;
  out.temperature_K = 2.0 * ke_total / (dof * units::kBoltzmannEVPerK);
  return out;
}

}  // namespace gb::runners
