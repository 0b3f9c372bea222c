#include "runners/thermo_sampler.hpp"

#include "EamForce.h"
#include "core/units.hpp"

namespace gb::runners {

const char* pressure_source_name(PressureSource s) {
  return s == PressureSource::NativeVirial ? "native-force-virial" : "cpu-evaluator";
}

SampledState capture_state(OpenMM::Context& ctx, int types, EamPlugin::EamForce* native) {
  if (!native) return SampledState{ctx.getState(types), std::nullopt};
  // The Energy request executes the EAM kernel at the context's current
  // positions and box (OpenMM recomputes on every getState with Energy), so
  // the virial read next belongs to exactly this State.
  OpenMM::State st = ctx.getState(types | OpenMM::State::Energy);
  return SampledState{std::move(st), native->getVirial(ctx)};
}

ThermoSampler::ThermoSampler(const EamPotential& pot, std::vector<int> element_of_type, int threads, Topology topo)
    : evaluator_(pot, std::move(element_of_type), threads), topo_(std::move(topo)) {
  dof_ = 3 * static_cast<int>(topo_.ids.size()) - 3;
}

std::array<double, 6> ThermoSampler::virial_pressure_bar(const SampledState& s, double volume_A3,
                                                         double* energy_eV) const {
  if (s.virial_kJ_mol) {
    // OpenMM units: W = sum r_ij (x) f_ij in nm * kJ/mol/nm = kJ/mol; the same
    // sign as LAMMPS's virial (positive for repulsion).  kJ/mol -> eV.
    std::array<double, 6> p{};
    for (int k = 0; k < 6; ++k)
      p[k] = (*s.virial_kJ_mol)[k] * units::kEVPerKJPerMol / volume_A3 * units::kBarPerEVPerAngstrom3;
    if (energy_eV) *energy_eV = s.state.getPotentialEnergy() * units::kEVPerKJPerMol;
    return p;
  }
  const AtomConfig cfg = config_from_state(s.state, topo_, false, false);
  const EamResult e = evaluator_.compute(cfg);
  last_max_density_ = e.max_density;
  if (energy_eV) *energy_eV = e.energy_eV;
  return e.pressure_virial_bar(volume_A3);
}

ThermoRow ThermoSampler::sample(const SampledState& ss) const {
  const OpenMM::State& s = ss.state;
  ThermoRow r;
  r.volume_A3 = box_from_state(s, topo_.origin_A).volume();
  const auto pv = virial_pressure_bar(ss, r.volume_A3, &r.potential_energy_eV);
  r.kinetic_energy_eV = s.getKineticEnergy() * units::kEVPerKJPerMol;
  r.temperature_K = 2.0 * r.kinetic_energy_eV / (dof_ * units::kBoltzmannEVPerK);
  r.density_g_cm3 = topo_.total_mass_amu * units::kAmuGram / (r.volume_A3 * units::kCm3PerAngstrom3);
  const double p_virial = (pv[0] + pv[1] + pv[2]) / 3.0;
  const double p_kinetic = 2.0 * r.kinetic_energy_eV / (3.0 * r.volume_A3) * units::kBarPerEVPerAngstrom3;
  r.pressure_bar = p_virial + p_kinetic;
  return r;
}

std::array<double, 6> ThermoSampler::pressure_tensor_bar(const SampledState& ss) const {
  const OpenMM::State& s = ss.state;
  const double V = box_from_state(s, topo_.origin_A).volume();
  std::array<double, 6> p = virial_pressure_bar(ss, V, nullptr);
  // Kinetic part sum_i m_i v_ia v_ib / V (velocities as OpenMM holds them: COM
  // motion removed), nm/ps -> A/ps.
  const std::vector<OpenMM::Vec3>& vel = s.getVelocities();
  std::array<double, 6> k{};
  for (size_t i = 0; i < vel.size(); ++i) {
    const double m = topo_.type_masses_amu[static_cast<size_t>(topo_.types[i] - 1)];
    const double vx = vel[i][0] * units::kAngstromPerNm, vy = vel[i][1] * units::kAngstromPerNm,
                 vz = vel[i][2] * units::kAngstromPerNm;
    k[0] += m * vx * vx, k[1] += m * vy * vy, k[2] += m * vz * vz;
    k[3] += m * vx * vy, k[4] += m * vx * vz, k[5] += m * vy * vz;
  }
  for (int a = 0; a < 6; ++a) p[a] += k[a] * units::kEVPerAmuA2PerPs2 / V * units::kBarPerEVPerAngstrom3;
  return p;
}

}  // namespace gb::runners
