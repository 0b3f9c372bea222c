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

/// One LAMMPS log of a stage that ran in segments (resumed from restart
/// files): its rows with prev_until < step <= until_step count (until_step < 0:
/// no upper bound; the last segment's).
struct LogSegment {
  std::string text, source;
  long until_step = -1;
};

/// thermo_rows_from_log over a stage's segments in order: each segment's last
/// thermo block (an interrupted one need not be complete; the last must be)
/// gives its rows in its step range, so a row is neither lost nor repeated
/// across a restart.
std::vector<runners::ThermoRow> thermo_rows_from_segments(const std::vector<LogSegment>& segments,
                                                          const cases::StageSpec& st, long first_step,
                                                          double first_time_ps);

/// The largest step in the last thermo block of a log text, -1 if none.
long last_thermo_step(const std::string& log_text, const std::string& source);

/// One raw LAMMPS dump of a segment and its last step (< 0: no bound).
struct DumpSegment {
  std::string path;
  long until_step = -1;
};

/// convert_dump over a stage's segments: frames with prev_until < step <=
/// until_step from each, in order.  A segment that was killed may end in a
/// cut frame: its frames up to its restart step are complete (LAMMPS writes a
/// step's dumps before its restart file), so reading it stops at the first
/// frame past until_step or at a cut frame.
int convert_dump_segments(const std::vector<DumpSegment>& segments, const std::string& out_path, bool gzip,
                          const std::vector<std::string>& columns);

/// Copy the frames of a LAMMPS dump into `out_path` with the given columns
/// (DumpWriter; gzip if `gzip`).  Returns the number of frames.
int convert_dump(const std::string& lammps_dump, const std::string& out_path, bool gzip,
                 const std::vector<std::string>& columns);

}  // namespace gb::lammps
