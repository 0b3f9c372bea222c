// glassbench run CASE [--out DIR] [--resume] [--platform NAME] [--potential FILE]:
// carry out a case's MD protocol with OpenMM into a run directory
// (docs/run-directory.md).  Exit codes (docs/exit-codes.md): 0 done, 2 bad
// input, 3 simulation stopped (NaN, exploding temperature, lost atoms), 74
// I/O failure (disk full, ...), 77 skipped (potential not supplied), 130/143
// interrupted by SIGINT/SIGTERM (checkpoint written).
#include <csignal>
#include <iostream>
#include <memory>

#include "cases/case_loader.hpp"
#include "commands.hpp"
#include "runners/protocol_runner.hpp"

namespace {

struct RunArgs {
  std::string case_path, out, platform, potential;
  bool resume = false;
  bool force = false;
  bool quiet = false;
};

void run_case(const RunArgs& a) {
  gb::cases::LoadOptions lo;
  lo.potential_override = a.potential;
  gb::cases::Case c = gb::cases::load_case(a.case_path, lo);
  gb::runners::RunOptions opt;
  opt.out_dir = a.out;
  opt.resume = a.resume;
  opt.force = a.force;
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
  auto* sub = app.add_subcommand("run", "Run a case's MD protocol with OpenMM into a run directory");
  sub->add_option("CASE", args->case_path, "YAML case file (schema: docs/cases.md)")->required();
  sub->add_option("--out", args->out, "run directory (default: runs/<case name>)");
  sub->add_flag("--resume", args->resume, "continue the run in --out from its last checkpoint");
  sub->add_option("--platform", args->platform,
                  "OpenMM platform (Reference, CPU, OpenCL, CUDA), overriding the case's preference list");
  sub->add_option("--potential", args->potential, "potential file replacing the case's potential.file");
  sub->add_flag("--force", args->force,
                "write into a non-empty --out that holds no glassbench run (files named like run outputs are "
                "overwritten)");
  sub->add_flag("--quiet", args->quiet, "log to DIR/run.log only");
  sub->footer(
      "Exit codes (docs/exit-codes.md): 0 done; 1 internal error (a bug); 2 bad input (case, files, flags, a\n"
      "changed case or potential on --resume, --out in use or not a run); 3 simulation stopped (NaN energy,\n"
      "exploding temperature, lost atoms; the last good checkpoint is kept); 74 I/O failure (disk full, file\n"
      "too large, permission); 77 skipped (potential file not supplied); 130/143 interrupted by SIGINT/SIGTERM\n"
      "after writing a checkpoint (continue with --resume).  A failed run records status: failed and the\n"
      "reason in DIR/provenance.yaml.");
  sub->callback([args] { run_case(*args); });
}

gb::cli::Registrar reg{"run", 40, setup};

}  // namespace
