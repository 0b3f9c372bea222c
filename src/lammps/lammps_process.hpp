#pragma once
// Running LAMMPS: `lmp` serially or under `mpirun -np N`, in a given working
// directory, with its screen output streamed line by line to a callback (the
// runner turns thermo lines into progress).  The executable is
// $GLASSBENCH_LMP (default "lmp"), the MPI launcher $GLASSBENCH_MPIRUN
// (default "mpirun"; Open MPI's --oversubscribe and run-as-root permission are
// added so `--mpi 2` works in containers and on small machines).
#include <functional>
#include <string>
#include <vector>

namespace gb::lammps {

struct LmpLauncher {
  std::string lmp;      // empty: $GLASSBENCH_LMP or "lmp"
  int mpi_ranks = 0;    // 0 or 1: serial; >1: mpirun -np N
  std::string mpirun;   // empty: $GLASSBENCH_MPIRUN or "mpirun"
};

/// The full argv for running `deck` with log file `log` (paths as LAMMPS sees them).
std::vector<std::string> lmp_argv(const LmpLauncher& l, const std::string& deck, const std::string& log,
                                  const std::vector<std::string>& extra_args = {});

struct ProcessResult {
  int exit_code = -1;    // exit status, or -1 when killed by a signal
  int signal = 0;        // the signal that ended it, 0 if none
  std::string tail;      // last ~40 lines of combined stdout/stderr
  bool ok() const { return exit_code == 0 && signal == 0; }
};

/// Run argv[0] (looked up in PATH) in `cwd` with stdout+stderr captured; each
/// complete line goes to on_line (may be empty).  Throws std::runtime_error if
/// the process cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::function<void(const std::string&)>& on_line);

/// The LAMMPS version ("29 Sep 2021 - Update 2") of the executable, from `lmp -h`;
/// "" if it does not run.
std::string lammps_version(const LmpLauncher& l);

/// The executable `l` names (resolving the environment default).
std::string lmp_executable(const LmpLauncher& l);

}  // namespace gb::lammps
