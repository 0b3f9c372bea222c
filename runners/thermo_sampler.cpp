#include "runners/thermo_sampler.hpp"

#include "core/units.hpp"

namespace gb::runners {

ThermoSampler::ThermoSampler(const EamPotential& pot, std::vector<int> element_of_type, int threads, Topology topo)
    : evaluator_(pot, std::move(element_of_type), threads), topo_(std::move(topo)) {
  dof_ = 3 * static_cast<int>(topo_.ids.size()) - 3;
}

ThermoRow ThermoSampler::sample(const OpenMM::State& s) const {
  ThermoRow r;
  const AtomConfig cfg = config_from_state(s, topo_, false, false);
  const EamResult e = evaluator_.compute(cfg);
  last_max_density_ = e.max_density;
  r.kinetic_energy_eV = s.getKineticEnergy() * units::kEVPerKJPerMol;
  r.temperature_K = 2.0 * r.kinetic_energy_eV / (dof_ * units::kBoltzmannEVPerK);
  r.potential_energy_eV = e.energy_eV;
  r.volume_A3 = cfg.box.volume();
  r.density_g_cm3 = topo_.total_mass_amu * units::kAmuGram / (r.volume_A3 * units::kCm3PerAngstrom3);
  const auto pv = e.pressure_virial_bar(r.volume_A3);
  const double p_virial = (pv[0] + pv[1] + pv[2]) / 3.0;
  const double p_kinetic = 2.0 * r.kinetic_energy_eV / (3.0 * r.volume_A3) * units::kBarPerEVPerAngstrom3;
  r.pressure_bar = p_virial + p_kinetic;
  return r;
}

std::array<double, 6> ThermoSampler::pressure_tensor_bar(const OpenMM::State& s) const {
  const AtomConfig cfg = config_from_state(s, topo_, true, false);
  const double V = cfg.box.volume();
  std::array<double, 6> p = evaluator_.compute(cfg).pressure_virial_bar(V);
  // Kinetic part sum_i m_i v_ia v_ib / V (velocities as OpenMM holds them: COM motion removed).
  std::array<double, 6> k{};
  for (size_t i = 0; i < cfg.velocities.size(); ++i) {
    const double m = topo_.type_masses_amu[static_cast<size_t>(cfg.types[i] - 1)];
    const Vec3& v = cfg.velocities[i];
    k[0] += m * v.x * v.x, k[1] += m * v.y * v.y, k[2] += m * v.z * v.z;
    k[3] += m * v.x * v.y, k[4] += m * v.x * v.z, k[5] += m * v.y * v.z;
  }
  for (int a = 0; a < 6; ++a) p[a] += k[a] * units::kEVPerAmuA2PerPs2 / V * units::kBarPerEVPerAngstrom3;
  return p;
}

}  // namespace gb::runners
