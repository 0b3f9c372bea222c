#pragma once
// Is the simulation still physical?  Checked at every thermo step and before
// every checkpoint, so a checkpoint is only ever written for a state that
// passed.  A failure throws gb::SimulationError whose message names the
// stage and the step ("stage 01-liquid, step 1200 (global step 1200): ...").
#include <string>

#include <OpenMM.h>

#include "runners/thermo_file.hpp"

namespace gb::runners {

struct HealthLimits {
  double max_temperature_K = 0;  // exploding temperature above this
  double min_volume_A3 = 0;      // box collapsed / exploded outside [min, max]
  double max_volume_A3 = 0;
};

/// Before the evaluator touches the state: finite energy, finite positions
/// and velocities of every atom ("lost atoms" in OpenMM terms).
void check_state_finite(const OpenMM::State& s, const std::string& where);
/// After sampling: temperature and volume inside the limits, finite values.
void check_thermo(const ThermoRow& row, const HealthLimits& limits, const std::string& where);

}  // namespace gb::runners
