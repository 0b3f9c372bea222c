#include "runners/internal/health_check.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"

namespace gb::runners {

void check_state_finite(const OpenMM::State& s, const std::string& where) {
  const double pe = s.getPotentialEnergy(), ke = s.getKineticEnergy();
  if (!std::isfinite(pe))
    throw SimulationError(fmt::format("{}: the potential energy is {} (NaN energy): the integration blew up", where, pe));
  if (!std::isfinite(ke))
    throw SimulationError(fmt::format("{}: the kinetic energy is {}: the integration blew up", where, ke));
  const auto& p = s.getPositions();
  const auto& v = s.getVelocities();
  long bad = 0, first = -1;
  for (size_t i = 0; i < p.size(); ++i) {
    bool ok = std::isfinite(p[i][0]) && std::isfinite(p[i][1]) && std::isfinite(p[i][2]);
    if (i < v.size()) ok = ok && std::isfinite(v[i][0]) && std::isfinite(v[i][1]) && std::isfinite(v[i][2]);
    if (!ok) {
      ++bad;
      if (first < 0) first = static_cast<long>(i);
    }
  }
  if (bad > 0)
    throw SimulationError(fmt::format("{}: {} atoms lost (non-finite position or velocity; first: atom {})", where,
                                      bad, first + 1));
}

void check_thermo(const ThermoRow& r, const HealthLimits& lim, const std::string& where) {
  if (!std::isfinite(r.potential_energy_eV) || !std::isfinite(r.pressure_bar))
    throw SimulationError(fmt::format("{}: NaN energy or pressure from the EAM evaluator (energy {}, pressure {})",
                                      where, r.potential_energy_eV, r.pressure_bar));
  if (!(r.temperature_K <= lim.max_temperature_K))
    throw SimulationError(fmt::format("{}: temperature {:.6g} K exceeds the limit {:.6g} K (exploding temperature; "
                                      "a smaller time step or a gentler start may help)",
                                      where, r.temperature_K, lim.max_temperature_K));
  if (!(r.volume_A3 >= lim.min_volume_A3 && r.volume_A3 <= lim.max_volume_A3))
    throw SimulationError(fmt::format("{}: box volume {:.6g} A^3 left the range [{:.6g}, {:.6g}] A^3 (the box "
                                      "collapsed or exploded)",
                                      where, r.volume_A3, lim.min_volume_A3, lim.max_volume_A3));
}

}  // namespace gb::runners
