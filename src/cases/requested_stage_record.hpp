#pragma once
// The requested half of a stage's record (stage.yaml), built from its spec the
// same way for every engine (OpenMM runner, LAMMPS engine): kind, ensemble,
// set points, time step, steps and position in the run, output schedule,
// thermostat, start, volume rule and the kind's parameters.  The engine adds
// what only it knows: frames written, velocities reassigned, barostat details,
// where the volume came from, and the achieved conditions from thermo.csv.
#include <string>
#include <vector>

#include "cases/case_spec.hpp"
#include "rundir/stage_record.hpp"

namespace gb::cases {

/// `first_step`, `first_time_ps`: global step and time at the stage's start;
/// `elements`: element of LAMMPS type t at [t-1].
rundir::StageRecord requested_stage_record(const StageSpec& st, long first_step, double first_time_ps,
                                           const std::vector<std::string>& elements);

}  // namespace gb::cases
