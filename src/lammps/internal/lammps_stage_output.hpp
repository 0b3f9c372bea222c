#pragma once
// Turning one finished LAMMPS stage into glassbench's run-directory files
// (docs/run-directory.md): the thermo block of the stage's log becomes
// thermo.csv rows with glassbench's columns and units, and LAMMPS's raw dumps
// become stages/NN-name/trajectory.dump[.gz] / velocities.dump[.gz] written by
// glassbench's own DumpWriter (same columns, precision and compression as the
// OpenMM runner's).
#include <string>
#include <vector>

#include "cases/case_spec.hpp"
#include "runners/thermo_file.hpp"

namespace gb::lammps {

/// Rows for thermo.csv from the last thermo block of a stage's log text
/// (columns step temp pe ke etotal vol density press, as the deck prints them).
/// LAMMPS steps are global (the deck resets the time step counter), time_ps =
/// first_time_ps + (step - first_step) * timestep, target_temperature_K is the
/// thermostat's linear ramp.  Throws gb::InputError naming `source` when the
/// block is missing, cut short, or lacks a row at a step glassbench writes
/// (every thermo interval from the stage's step 0, and its last step).
std::vector<runners::ThermoRow> thermo_rows_from_log(const std::string& log_text, const std::string& source,
                                                     const cases::StageSpec& st, long first_step,
                                                     double first_time_ps);

/// Copy the frames of a LAMMPS dump into `out_path` with the given columns
/// (DumpWriter; gzip if `gzip`).  Returns the number of frames.
int convert_dump(const std::string& lammps_dump, const std::string& out_path, bool gzip,
                 const std::vector<std::string>& columns);

}  // namespace gb::lammps
