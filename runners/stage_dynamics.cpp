#include "runners/stage_dynamics.hpp"

#include <algorithm>
#include <cmath>

#include "cases/stage_type.hpp"

namespace gb::runners {

int stage_seed(uint64_t case_seed, int stage_index, SeedPurpose purpose) {
  // SplitMix64 finaliser: well-mixed, platform-independent.
  uint64_t z = case_seed + 0x9E3779B97F4A7C15ULL * (static_cast<uint64_t>(stage_index) * 4 + static_cast<int>(purpose));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return 1 + static_cast<int>(z % 2147483646ULL);
}

OpenMM::Integrator* make_integrator(const cases::StageSpec& st, int langevin_seed) {
  const double T = target_temperature(st, 0);
  const double rate = 1.0 / st.thermostat.time_constant_ps;  // 1/ps
  if (st.thermostat.kind == cases::ThermostatSpec::Kind::Langevin) {
    auto* li = new OpenMM::LangevinMiddleIntegrator(T, rate, st.timestep_ps);
    li->setRandomNumberSeed(langevin_seed);
    return li;
  }
  return new OpenMM::NoseHooverIntegrator(T, rate, st.timestep_ps);
}

int add_barostat(OpenMM::System& sys, const cases::StageSpec& st, int seed) {
  if (!st.npt) return -1;
  auto* b = new OpenMM::MonteCarloBarostat(st.pressure_bar, target_temperature(st, 0), st.barostat_interval);
  b->setRandomNumberSeed(seed);
  return sys.addForce(b);
}

double target_temperature(const cases::StageSpec& st, long s) {
  return cases::stage_type(st.kind).target_temperature(st, s);
}

void set_temperature(OpenMM::Integrator& integ, OpenMM::Context& ctx, const cases::StageSpec& st, bool has_barostat,
                     double T) {
  if (auto* nh = dynamic_cast<OpenMM::NoseHooverIntegrator*>(&integ)) nh->setTemperature(T);
  else if (auto* li = dynamic_cast<OpenMM::LangevinMiddleIntegrator*>(&integ)) li->setTemperature(T);
  if (has_barostat) ctx.setParameter(OpenMM::MonteCarloBarostat::Temperature(), T);
}

}  // namespace gb::runners
