// glassbench run CASE [--out DIR] [--resume] [--platform NAME] [--potential FILE]
//                     [--engine openmm|lammps] [--mpi N]:
// carry out a case's MD protocol with OpenMM (default) or LAMMPS into a run
// directory (docs/run-directory.md, docs/lammps-engine.md).  Exit codes: 0 done, 2 bad input, 3 simulation
// stopped (NaN, exploding temperature, lost atoms), 77 skipped (potential
// not supplied), 130/143 interrupted by SIGINT/SIGTERM (checkpoint written).
#include <csignal>
#include <iostream>
#include <memory>

#include "cases/case_loader.hpp"
#include "core/error.hpp"
#include "lammps/lammps_runner.hpp"
#include "commands.hpp"
#include "runners/protocol_runner.hpp"

namespace {

struct RunArgs {
  std::string case_path, out, platform, potential;
  std::string engine = "openmm";
  int mpi = 0;
  bool resume = false;
  bool quiet = false;
};

void run_case(const RunArgs& a) {
  gb::cases::LoadOptions lo;
  lo.potential_override = a.potential;
  gb::cases::Case c = gb::cases::load_case(a.case_path, lo);
  if (a.engine == "lammps") {
    if (!a.platform.empty()) throw gb::InputError("--platform is an OpenMM setting; the LAMMPS engine has none");
    gb::lammps::LammpsRunOptions lo2;
    lo2.out_dir = a.out;
    lo2.resume = a.resume;
    lo2.launcher.mpi_ranks = a.mpi;
    lo2.echo_log = !a.quiet;
    try {
      gb::lammps::run_lammps_case(c, lo2);
    } catch (const gb::runners::PotentialNotSupplied& e) {
      std::cout << e.what() << "\n";
      gb::cli::requested_exit_code() = 77;
    }
    return;
  }
  if (a.mpi > 0) throw gb::InputError("--mpi applies to --engine lammps only");
  gb::runners::RunOptions opt;
  opt.out_dir = a.out;
  opt.resume = a.resume;
  opt.platform = a.platform;
  opt.potential_override = a.potential;
  opt.echo_log = !a.quiet;
  try {
    const gb::runners::RunResult r = gb::runners::ProtocolRunner(std::move(c), opt).run();
    if (r.status == gb::runners::RunStatus::Interrupted)
      gb::cli::requested_exit_code() = r.signal == SIGTERM ? 143 : 130;
  } catch (const gb::runners::PotentialNotSupplied& e) {
    std::cout << e.what() << "\n";
    gb::cli::requested_exit_code() = 77;
  }
}

void setup(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  auto* sub = app.add_subcommand("run", "Run a case's MD protocol with OpenMM or LAMMPS into a run directory");
  sub->add_option("CASE", args->case_path, "YAML case file (schema: docs/cases.md)")->required();
  sub->add_option("--out", args->out, "run directory (default: runs/<case name>)");
  sub->add_flag("--resume", args->resume, "continue the run in --out from its last checkpoint");
  sub->add_option("--platform", args->platform,
                  "OpenMM platform (Reference, CPU, OpenCL, CUDA), overriding the case's preference list");
  sub->add_option("--potential", args->potential, "potential file replacing the case's potential.file");
  sub->add_flag("--quiet", args->quiet, "log to DIR/run.log only");
  sub->add_option("--engine", args->engine,
                  "MD engine: openmm (default) or lammps (Debian's lmp runs a deck generated from the case; "
                  "docs/lammps-engine.md)")
      ->check(CLI::IsMember({"openmm", "lammps"}));
  sub->add_option("--mpi", args->mpi, "LAMMPS engine: run lmp under mpirun -np N (default: serial)")
      ->check(CLI::Range(1, 4096));
  sub->footer(
      "Exit codes: 0 done; 2 bad input; 3 simulation stopped (NaN energy, exploding temperature, lost atoms; the\n"
      "last good checkpoint is kept); 77 skipped (potential file not supplied); 130/143 interrupted by\n"
      "SIGINT/SIGTERM after writing a checkpoint (continue with --resume).");
  sub->callback([args] { run_case(*args); });
}

gb::cli::Registrar reg{"run", 40, setup};

}  // namespace
