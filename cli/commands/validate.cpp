// glassbench validate: compare run directories (and optionally a user's DMA
// data) with the published references in references/*.yaml.
// A replica set (DIR/replicas.yaml) is validated replica by replica
// (replica-NN/validation.json) and decided once on the replica spread
// (validation/replica_pool.hpp) into DIR/validation.json.
// Each RUN_DIR gets DIR/validation.json (its verdicts, the self-checks and the
// options used: --sigma, --references), unless --only picks a subset; the
// report shows those verdicts.
// Exit: 0 all pass/skip/inconclusive, 1 any fail, 2 bad input; with --ctest,
// 77 when nothing was decided (every check skipped or inconclusive) so CTest
// reports SKIP with the printed reasons (docs/validation.md).
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "core/error.hpp"
#include "glassbench/version_info.hpp"
#include "rundir/layout.hpp"
#include "validation/dma_fit.hpp"
#include "validation/reference_loader.hpp"
#include "validation/replica_pool.hpp"
#include "validation/result_writers.hpp"
#include "validation/validator.hpp"

namespace {

namespace v = gb::validation;

struct Args {
  std::vector<std::string> runs;
  std::string references;
  std::string junit, json;
  std::vector<std::string> only;
  bool ctest = false;
  bool no_self_checks = false;
  bool self_checks = false;
  double k_sigma = 2.0;
  std::string dma_csv, liquid_csv, system;
  double G_inf_GPa = 0, T_eval_K = 293, Tg_K = 0, nanoindentation_tau_s = 0;
};

std::string default_references() {
  if (const char* e = std::getenv("GLASSBENCH_REFERENCES")) return e;
  return std::string(gb::build::kSourceDir) + "/references";
}

// Write `results` as the verdict record `path`; a read-only run still prints its verdicts.
void record(const std::string& path, const std::vector<v::CheckResult>& results, const nlohmann::json& options) {
  try {
    v::write_results_json(path, results, options);
  } catch (const std::exception& e) {  // a read-only run: the verdicts are still printed; the report recomputes
    std::cerr << "warning: " << e.what() << "\n";
  }
}

// A replica set (DIR/replicas.yaml, DIR/replica-NN/): every replica validated
// and recorded in its replica-NN/validation.json, then each check pooled over
// the replicas (validation/replica_pool.hpp) into DIR/validation.json.
std::vector<v::CheckResult> validate_replica_set(const std::vector<v::Reference>& refs, const std::string& dir,
                                                 const v::ValidationOptions& opt, const nlohmann::json& options,
                                                 const std::vector<v::CheckResult>& self_checks, bool write) {
  const gb::rundir::ReplicaSetLayout set(dir);
  const std::vector<std::string> dirs = set.replica_dirs();
  if (dirs.empty()) throw gb::InputError(gb::SourceLocation{set.manifest_yaml(), 0, 0}, "", "a replica set without replica-00/");
  std::vector<std::vector<v::CheckResult>> per;
  for (const auto& d : dirs) {
    const auto run_dir = v::RunDirectory::load(d);
    per.push_back(v::validate_run(refs, run_dir, opt));
    if (write) {
      std::vector<v::CheckResult> own = self_checks;
      own.insert(own.end(), per.back().begin(), per.back().end());
      record(gb::rundir::RunLayout(d).validation_json(), own, options);
    }
    const v::Tally t = v::tally(per.back());
    std::cout << fmt::format("replica {}: {} pass, {} fail, {} inconclusive, {} skip\n", d, t.pass, t.fail,
                             t.inconclusive, t.skip);
  }
  auto pooled = v::pool_replica_results(per, dirs, dir, opt.k_sigma);
  if (write) {
    std::vector<v::CheckResult> own = self_checks;
    own.insert(own.end(), pooled.begin(), pooled.end());
    nlohmann::json o = options;
    o["replicas"] = dirs.size();
    o["pooling"] = "mean over replicas, Student-t interval (validation/replica_pool.hpp, docs/validation.md)";
    record(set.validation_json(), own, o);
  }
  std::cout << fmt::format("{}: {} replicas, verdicts pooled over the replica spread\n", dir, dirs.size());
  return pooled;
}

void run(const Args& a) {
  if (a.runs.empty() && a.dma_csv.empty() && !a.self_checks)
    throw gb::InputError("validate: give at least one RUN_DIR, --dma-csv FILE or --self-checks");
  if (!a.dma_csv.empty() && a.system.empty())
    throw gb::InputError("--system: needed with --dma-csv to pick the references (e.g. Y68.9Co31.1)");
  if (!(a.k_sigma > 0)) throw gb::InputError("--sigma: must be > 0");
  const auto refs = v::load_reference_dir(a.references.empty() ? default_references() : a.references);
  v::ValidationOptions opt;
  opt.k_sigma = a.k_sigma;
  opt.only = a.only;
  for (const auto& id : a.only) {
    bool found = false;
    for (const auto& r : refs) found = found || r.id == id;
    if (!found) throw gb::InputError("--only: no reference with id '" + id + "'");
  }
  const std::string references_dir = a.references.empty() ? default_references() : a.references;
  const bool with_self_checks = (!a.runs.empty() && !a.no_self_checks) || a.self_checks;
  const nlohmann::json options = v::validation_options_json(opt, references_dir, with_self_checks);
  std::vector<v::CheckResult> results;
  if (with_self_checks) results = v::validate_self_checks(refs, opt);
  const std::vector<v::CheckResult> self_checks = results;
  for (const auto& dir : a.runs) {
    if (gb::rundir::ReplicaSetLayout::is_replica_set(dir)) {
      auto r = validate_replica_set(refs, dir, opt, options, self_checks, a.only.empty());
      if (r.empty() && !a.only.empty()) continue;
      results.insert(results.end(), r.begin(), r.end());
      continue;
    }
    const auto run_dir = v::RunDirectory::load(dir);
    if (!run_dir.is_physics())
      std::cout << "note: " << dir << " is a " << run_dir.purpose() << " case (case.yaml purpose: " << run_dir.purpose()
                << "), not meant as physics: its verdicts check the machinery, not the paper's claims\n";
    auto r = v::validate_run(refs, run_dir, opt);
    // The run's own record (DIR/validation.json, with the options): the report
    // shows exactly these verdicts.  A subset (--only) does not replace it.
    if (a.only.empty()) {
      std::vector<v::CheckResult> own = self_checks;
      own.insert(own.end(), r.begin(), r.end());
      record(gb::rundir::RunLayout(dir).validation_json(), own, options);
    }
    if (r.empty() && !a.only.empty()) continue;
    results.insert(results.end(), r.begin(), r.end());
  }
  if (!a.dma_csv.empty()) {
    v::DmaOptions d;
    d.dma_csv = a.dma_csv;
    d.liquid_csv = a.liquid_csv;
    if (a.G_inf_GPa > 0) d.G_inf_GPa = a.G_inf_GPa;
    if (a.Tg_K > 0) d.Tg_K = a.Tg_K;
    if (a.nanoindentation_tau_s > 0) d.nanoindentation_tau_s = a.nanoindentation_tau_s;
    d.T_eval_K = a.T_eval_K;
    const auto analysis = v::analyse_dma(d);
    const auto sys = v::parse_formula(a.system);
    for (const auto& ref : refs) {
      if (ref.probe != "dma_fit") continue;
      if (!opt.only.empty() && std::find(opt.only.begin(), opt.only.end(), ref.id) == opt.only.end()) continue;
      if (ref.system != "any" && !v::same_system(v::parse_formula(ref.system), sys)) continue;
      results.push_back(v::decide(ref, a.dma_csv, v::dma_measurement(analysis, ref), a.k_sigma));
    }
  }
  std::cout << v::results_table(results);
  if (!a.json.empty()) v::write_results_json(a.json, results, options);
  if (!a.junit.empty()) v::write_results_junit(a.junit, results);
  const v::Tally t = v::tally(results), sc = v::self_check_tally(results);
  // Self-checks decide only when they are all that was asked for.
  const bool only_self = a.runs.empty() && a.dma_csv.empty();
  if (t.fail > 0 || sc.fail > 0) gb::cli::requested_exit_code() = 1;  // a failing self-check is a software bug
  else if (a.ctest && t.pass == 0 && !(only_self && sc.pass > 0)) {
    std::cout << "SKIP: no check could be decided (see the reasons above)\n";
    gb::cli::requested_exit_code() = 77;
  }
}

void setup(CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* sub = app.add_subcommand("validate",
                                 "Compare run directories (and/or DMA data) with published references; "
                                 "pass/fail/inconclusive/skip per check");
  sub->add_option("RUN_DIR", args->runs, "run directories written by `glassbench run` and analysed by `glassbench analyze run`, or replica sets "
                  "(run --replicas N): verdicts pooled over the replicas")
      ->check(CLI::ExistingDirectory);
  sub->add_option("--references", args->references, "folder of reference YAML files (default: the source tree's references/)");
  sub->add_option("--junit", args->junit, "write JUnit XML here");
  sub->add_option("--json", args->json, "write the verdicts as JSON here");
  sub->add_option("--only", args->only, "evaluate only these reference ids (repeatable)");
  sub->add_flag("--ctest", args->ctest, "exit 77 (CTest SKIP) when no check was decided");
  sub->add_flag("--no-self-checks", args->no_self_checks, "leave out run-independent self-checks (w6hat of ideal shells)");
  sub->add_flag("--self-checks", args->self_checks, "run the run-independent self-checks (also without RUN_DIR)");
  sub->add_option("--sigma", args->k_sigma, "confidence factor k: decide only when value ± k sigma is clear of the band (default 2)");
  sub->add_option("--dma-csv", args->dma_csv, "DMA loss peaks: CSV frequency_Hz,T_peak_K[,T_peak_error_K]")->check(CLI::ExistingFile);
  sub->add_option("--liquid-csv", args->liquid_csv, "high-T liquid data: CSV T_K and eta_Pa_s | tau_s | D_m2_s")->check(CLI::ExistingFile);
  sub->add_option("--system", args->system, "composition of the DMA sample, e.g. Y68.9Co31.1 (selects references)");
  sub->add_option("--G-inf-GPa", args->G_inf_GPa, "instantaneous shear modulus for the Maxwell relation eta = G_inf tau");
  sub->add_option("--T-eval-K", args->T_eval_K, "temperature of the room-temperature extrapolation (default 293)");
  sub->add_option("--Tg-K", args->Tg_K, "glass transition temperature, for the E ~ 12 k_B T_g rule");
  sub->add_option("--nanoindentation-tau-s", args->nanoindentation_tau_s,
                  "relaxation time measured by nanoindentation at --T-eval-K (s): the measured viscosity G_inf tau")
      ->check(CLI::PositiveNumber);
  sub->callback([args] { run(*args); });
}

gb::cli::Registrar reg{"validate", 60, setup};

}  // namespace
