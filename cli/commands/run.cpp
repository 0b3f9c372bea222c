// glassbench run CASE [--out DIR] [--resume] [--platform NAME] [--potential FILE]
//                     [--engine openmm|lammps] [--mpi N] [--replicas N] [--threads N]:
// carry out a case's MD protocol with OpenMM (default) or LAMMPS into a run
// directory (docs/run-directory.md, docs/lammps-engine.md).  Exit codes
// (docs/exit-codes.md): 0 done, 2 bad input, 3 simulation stopped (NaN, exploding
// temperature, lost atoms), 74 I/O failure (disk full, ...), 77 skipped (potential not
// supplied), 130/143 interrupted by SIGINT/SIGTERM (checkpoint written).
#include <csignal>
#include <iostream>
#include <memory>

#include <filesystem>

#include "cases/case_loader.hpp"
#include "compare/replica_set.hpp"
#include "lammps/lammps_deck.hpp"
#include "core/error.hpp"
#include "lammps/lammps_runner.hpp"
#include "commands.hpp"
#include "runners/protocol_runner.hpp"

namespace {

struct RunArgs {
  std::string case_path, out, platform, potential;
  std::string engine = "openmm";
  int mpi = 0;
  int replicas = 0;  // 0: the case's `replicas`
  int threads = 0;   // 0: the case's platform.threads
  bool resume = false;
  bool force = false;
  bool quiet = false;
};

// One run (one replica) of the case into `out` with the chosen engine.
// Returns false when the run was interrupted (exit code set).
bool run_one(const RunArgs& a, gb::cases::Case c, const std::string& out, bool resume, int replica) {
  if (a.engine == "lammps") {
    gb::lammps::LammpsRunOptions lo2;
    lo2.out_dir = out;
    lo2.resume = resume;
    lo2.force = a.force;
    lo2.launcher.mpi_ranks = a.mpi;
    lo2.echo_log = !a.quiet;
    lo2.replica = replica;
    const gb::runners::RunResult r = gb::lammps::run_lammps_case(c, lo2);
    return r.status == gb::runners::RunStatus::Completed;
  }
  gb::runners::RunOptions opt;
  opt.out_dir = out;
  opt.resume = resume;
  opt.force = a.force;
  opt.platform = a.platform;
  opt.potential_override = a.potential;
  opt.echo_log = !a.quiet;
  const gb::runners::RunResult r = gb::runners::ProtocolRunner(std::move(c), opt).run();
  if (r.status == gb::runners::RunStatus::Interrupted) {
    gb::cli::requested_exit_code() = r.signal == SIGTERM ? 143 : 130;
    return false;
  }
  return true;
}

void run_case(const RunArgs& a) {
  gb::cases::LoadOptions lo;
  lo.potential_override = a.potential;
  gb::cases::Case c = gb::cases::load_case(a.case_path, lo);
  if (a.engine == "lammps" && !a.platform.empty())
    throw gb::InputError("--platform is an OpenMM setting; the LAMMPS engine has none");
  if (a.engine != "lammps" && a.mpi > 0) throw gb::InputError("--mpi applies to --engine lammps only");
  if (a.threads > 0) {
    if (a.engine == "lammps")
      throw gb::InputError("--threads is an OpenMM CPU-platform setting; the LAMMPS engine runs serial or --mpi N");
    c.platform.threads = a.threads;  // e.g. 1 when another engine runs beside it on a 2-core machine
  }
  const int n = a.replicas > 0 ? a.replicas : c.replicas;
  try {
    if (n <= 1) {
      run_one(a, c, a.out, a.resume, -1);
      return;
    }
    // Replica set (src/compare/replica_set.hpp): replica r runs with a seed
    // derived from the case seed (replica 0 keeps it) in DIR/replica-NN.
    const std::string root = a.out.empty() ? gb::runners::default_run_dir(c) : a.out;
    std::vector<uint64_t> seeds;
    for (int r = 0; r < n; ++r) seeds.push_back(gb::lammps::replica_seed(c.system.seed, r));
    if (!a.resume && std::filesystem::exists(root + "/replicas.yaml"))
      throw gb::InputError("the directory " + root + " already holds a replica set; continue it with --resume");
    gb::compare::write_replica_manifest(root, c.file, c.name, a.engine, seeds);
    for (int r = 0; r < n; ++r) {
      gb::cases::Case cr = c;
      cr.system.seed = seeds[static_cast<size_t>(r)];
      const std::string dir = gb::compare::replica_dir(root, r);
      // Resume: finished replicas are skipped by their runner, started ones continue, new ones start.
      const bool started = std::filesystem::exists(dir + "/provenance.yaml");
      std::cout << "replica " << r + 1 << "/" << n << " (seed " << cr.system.seed << ") -> " << dir << "\n";
      if (!run_one(a, cr, dir, a.resume && started, r)) return;
    }
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
  sub->add_flag("--force", args->force,
                "write into a non-empty --out that holds no glassbench run (files named like run outputs are "
                "overwritten)");
  sub->add_flag("--quiet", args->quiet, "log to DIR/run.log only");
  sub->add_option("--engine", args->engine,
                  "MD engine: openmm (default) or lammps (Debian's lmp runs a deck generated from the case; "
                  "docs/lammps-engine.md)")
      ->check(CLI::IsMember({"openmm", "lammps"}));
  sub->add_option("--mpi", args->mpi, "LAMMPS engine: run lmp under mpirun -np N (default: serial)")
      ->check(CLI::Range(1, 4096));
  sub->add_option("--replicas", args->replicas,
                  "independent copies with derived seeds into DIR/replica-NN (default: the case's `replicas`, 1)")
      ->check(CLI::Range(1, 1000));
  sub->add_option("--threads", args->threads,
                  "OpenMM CPU platform threads, overriding the case's platform.threads (other platforms ignore it)")
      ->check(CLI::Range(1, 4096));
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
