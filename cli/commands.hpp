#pragma once
// Subcommand registry.  Each cli/commands/<name>.cpp defines one subcommand
// and registers it with a file-scope `static gb::cli::Registrar r{...};`, so
// adding a command never touches main.cpp.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace gb::cli {

/// setup(app) adds the subcommand and its options to `app` and must install
/// a callback (sub->callback) that does the work.  Errors: throw
/// gb::InputError for bad input (exit 2), anything else exits 1.
/// `parent` is empty for top-level commands; a nested command (e.g.
/// "analyze order") names its parent ("analyze") and its setup receives the
/// parent's CLI::App.  Parents are set up before children.
struct CommandSpec {
  std::string name;
  int order;  // position in --help
  std::function<void(CLI::App&)> setup;
  std::string parent;
};

std::vector<CommandSpec>& registry();

struct Registrar {
  Registrar(std::string name, int order, std::function<void(CLI::App&)> setup, std::string parent = "") {
    registry().push_back({std::move(name), order, std::move(setup), std::move(parent)});
  }
};

/// Exit code a command may request (e.g. validate: failures -> 1, skips -> 77).
int& requested_exit_code();

}  // namespace gb::cli
