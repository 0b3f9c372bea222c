#pragma once
// `glassbench run CASE --engine lammps [--mpi N]`: the case's protocol run by
// LAMMPS, one `lmp` process per stage, into the same run-directory layout the
// OpenMM runner writes (docs/run-directory.md, docs/lammps-engine.md), so
// analyze / validate / report / compare read it unchanged.  Differences: no
// final_state.xml (OpenMM-only) and no checkpoints/ (resume restarts the first
// unfinished stage from its start); DIR/lammps/ holds the generated decks, the
// start structure and each stage's LAMMPS log.
//
// Errors: gb::InputError for bad input (potential, run directory, a stage kind
// LAMMPS cannot express, resume mismatch), gb::SimulationError when a LAMMPS
// stage fails (message: stage, LAMMPS's ERROR line, log path),
// runners::PotentialNotSupplied as for the OpenMM runner.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/case_spec.hpp"
#include "core/atom_config.hpp"
#include "lammps/lammps_deck.hpp"
#include "lammps/lammps_process.hpp"
#include "potential/eam_potential.hpp"
#include "runners/run_options.hpp"

namespace gb::lammps {

struct LammpsRunOptions {
  std::string out_dir;             // empty: runs/<case name>
  bool resume = false;             // continue after the last finished stage
  bool force = false;              // write into a non-empty directory that holds no run (--force)
  LmpLauncher launcher;            // lmp, mpirun -np N
  bool echo_log = true;            // log lines to stdout as well as DIR/run.log
  double progress_log_seconds = 60;
  std::optional<uint64_t> seed;    // replaces the case seed (replicas)
  int replica = -1;                // recorded in provenance when >= 0
  /// Tests: stop (as if interrupted) after this many stages of this session.
  int stop_after_stages = -1;
  /// Elements on the pair_coeff line instead of the case's type order.  Only
  /// for demonstrating what a mismatched mapping does (the compare tests'
  /// "wrong element order" run); recorded in provenance.
  std::vector<std::string> pair_coeff_elements;
};

/// The potential and type mapping of a case, resolved as the runner does.
struct ResolvedPotential {
  std::string path, sha256;
  EamPotential potential;
  std::vector<std::string> type_elements;  // composition order = LAMMPS types
  std::vector<double> masses_amu;          // per type
};
ResolvedPotential resolve_potential(const cases::Case& c);

/// The case's start structure (what the OpenMM runner builds), in metal units.
AtomConfig case_start_structure(const cases::Case& c, const std::vector<double>& masses_amu, uint64_t seed);

/// Write DIR/lammps/deck.lmp, the stage decks and DIR/lammps/start.data
/// (the deck checks and the runner share this).
Deck write_lammps_inputs(const cases::Case& c, const ResolvedPotential& rp, const std::string& dir, uint64_t seed,
                         const std::vector<std::string>& pair_coeff_elements = {});

runners::RunResult run_lammps_case(const cases::Case& c, const LammpsRunOptions& options);

}  // namespace gb::lammps
