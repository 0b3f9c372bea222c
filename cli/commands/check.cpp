// glassbench check CASE: validate a case file without running it and print
// its stages, total steps and simulated time.
#include <iostream>
#include <memory>

#include "cases/case_loader.hpp"
#include "cases/case_summary.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "potential/potential_locator.hpp"

namespace {

struct CheckArgs {
  std::string case_path;
  std::string potential;
};

void run_check(const CheckArgs& a) {
  gb::cases::LoadOptions opt;
  opt.potential_override = a.potential;
  const gb::cases::Case c = gb::cases::load_case(a.case_path, opt);
  std::cout << gb::cases::case_summary(c);
  if (!c.potential.missing_env.empty()) {
    std::cout << "note: potential file not supplied: set $" << c.potential.missing_env
              << " or pass --potential FILE; `glassbench run` skips this case until then\n";
  } else {
    std::string path;
    try {
      path = gb::locate_potential(c.potential.file);
    } catch (const gb::InputError& e) {
      throw gb::InputError(c.potential.where, "potential.file", e.what());
    }
    const std::string sha = gb::sha256_file(path);
    if (!c.potential.sha256.empty() && sha != c.potential.sha256)
      throw gb::InputError(c.potential.where, "potential.sha256",
                           "the file " + path + " has sha256 " + sha + ", the case expects " + c.potential.sha256);
    std::cout << "potential file: " << path << " (sha256 " << sha << ")\n";
  }
  std::cout << "ok: " << a.case_path << " is a valid case\n";
}

void setup(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  auto* sub = app.add_subcommand(
      "check", "Validate a YAML case file without running it; print its stages, total steps and simulated time");
  sub->add_option("CASE", args->case_path, "YAML case file (schema: docs/cases.md)")->required();
  sub->add_option("--potential", args->potential, "potential file replacing the case's potential.file");
  sub->callback([args] { run_check(*args); });
}

gb::cli::Registrar reg{"check", 30, setup};

}  // namespace
