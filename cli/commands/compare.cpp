// glassbench compare RUN_A RUN_B [--json F] [--junit F] [--only OBS]...:
// whether two runs (two engines, two seeds, or two replica sets) of one case
// agree, observable by observable and stage by stage (docs/compare.md).
// Exit codes: 0 no comparison failed; 1 at least one failed; 2 bad input;
// 77 with --ctest when nothing could be decided.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "compare/run_comparison.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace {

struct CompareArgs {
  std::string a, b, json, junit;
  std::vector<std::string> only;
  int bootstrap = 400;
  double alpha = 0.05;
  bool ctest = false;
};

void run_compare(const CompareArgs& x) {
  namespace c = gb::compare;
  const c::RunSet a = c::open_run_set(x.a), b = c::open_run_set(x.b);
  c::CompareOptions o;
  o.only = x.only;
  o.bootstrap = x.bootstrap;
  o.alpha = x.alpha;
  const auto res = c::compare_run_sets(a, b, o);
  if (res.empty())
    throw gb::InputError("compare: " + x.a + " and " + x.b +
                         " have no finished stage in common (same stages/NN-name in every run)");
  std::cout << "A: " << a.root << " (" << a.engine << ", " << a.runs.size() << " run(s))\nB: " << b.root << " ("
            << b.engine << ", " << b.runs.size() << " run(s))\n"
            << c::comparisons_table(res);
  int fail = 0, pass = 0;
  for (const auto& r : res) {
    fail += r.verdict == c::Verdict::Fail;
    pass += r.verdict == c::Verdict::Pass;
  }
  std::cout << pass << " pass, " << fail << " fail, " << res.size() - pass - fail << " inconclusive\n";
  if (!x.json.empty()) gb::write_file_atomically(x.json, c::comparisons_json(res, a, b).dump(2) + "\n");
  if (!x.junit.empty()) gb::write_file_atomically(x.junit, c::comparisons_junit(res, a, b));
  if (fail > 0) gb::cli::requested_exit_code() = 1;
  else if (x.ctest && pass == 0) gb::cli::requested_exit_code() = 77;
}

void setup(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  auto* sub = app.add_subcommand(
      "compare", "Test two runs (two engines, two seeds, replica sets) of one case for statistical equivalence");
  sub->add_option("RUN_A", args->a, "run directory or replica set (analysed with `glassbench analyze run`)")
      ->required();
  sub->add_option("RUN_B", args->b, "run directory or replica set")->required();
  sub->add_option("--json", args->json, "write the comparisons as JSON here");
  sub->add_option("--junit", args->junit, "write JUnit XML here (fail = failure, inconclusive = skipped)");
  sub->add_option("--only", args->only,
                  "compare only observables starting with this (repeatable): density_g_cm3, "
                  "potential_energy_eV_per_atom, temperature_K, pressure_bar, D_, gr_, w6hat_, string_ratio");
  sub->add_option("--bootstrap", args->bootstrap, "bootstrap resamples for distribution distances (default 400)")
      ->check(CLI::Range(0, 100000));
  sub->add_option("--alpha", args->alpha, "level of each one-sided test (default 0.05: 90% interval)")
      ->check(CLI::Range(0.001, 0.25));
  sub->add_flag("--ctest", args->ctest, "exit 77 (CTest SKIP) when nothing passed or failed");
  sub->footer("Exit codes: 0 no comparison failed; 1 at least one failed; 2 bad input; 77 (--ctest) none decided.");
  sub->callback([args] { run_compare(*args); });
}

gb::cli::Registrar reg{"compare", 75, setup};

}  // namespace
