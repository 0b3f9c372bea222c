#pragma once
// The OpenMM machinery of one stage: the thermostatted integrator
// (NoseHooverIntegrator or LangevinMiddleIntegrator), the optional
// MonteCarloBarostat (isotropic, NPT), the quench ramp and the seeds.
#include <cstdint>
#include <memory>

#include <OpenMM.h>

#include "cases/case_spec.hpp"

namespace gb::runners {

/// Seeds for OpenMM's random streams, derived from the case seed so a run is
/// reproducible; never 0 (OpenMM reads 0 as "pick one at random").
enum class SeedPurpose { Velocities = 1, Langevin = 2, Barostat = 3 };
int stage_seed(uint64_t case_seed, int stage_index, SeedPurpose purpose);

/// A new integrator for the stage at its step-0 set point (the caller owns it).
OpenMM::Integrator* make_integrator(const cases::StageSpec& st, int langevin_seed);

/// Adds a MonteCarloBarostat when the stage is NPT; returns its force index or -1.
int add_barostat(OpenMM::System& sys, const cases::StageSpec& st, int seed);

/// The thermostat set point at step s, as the stage's kind defines it
/// (cases::StageType::target_temperature; e.g. the quench ramp).
double target_temperature(const cases::StageSpec& st, long s);

/// Set the thermostat (and barostat, if present) temperature.
void set_temperature(OpenMM::Integrator& integ, OpenMM::Context& ctx, const cases::StageSpec& st, bool has_barostat,
                     double T);

}  // namespace gb::runners
