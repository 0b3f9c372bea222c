// glassbench: reproducible MD benchmark and verification suite for metallic glasses.
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <ios>
#include <iostream>

#include "commands.hpp"
#include "core/error.hpp"
#include "core/environment.hpp"
#include "glassbench/version_info.hpp"

namespace gb::cli {
std::vector<CommandSpec>& registry() {
  static std::vector<CommandSpec> r;
  return r;
}
int& requested_exit_code() {
  static int code = 0;
  return code;
}
}  // namespace gb::cli

int main(int argc, char** argv) {
  gb::quiet_library_noise();
  // A file over `ulimit -f` then fails with EFBIG and exits 74 with a
  // message, instead of the process dying of SIGXFSZ mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"glassbench: reproducible molecular-dynamics benchmark and verification suite for metallic glasses\n"
               "(Chang et al., Nat. Mater. 2022), OpenMM runs checked against LAMMPS."};
  app.set_version_flag("--version", std::string("glassbench ") + gb::build::kVersion + " (git " +
                                        gb::build::kGitCommit + ")");
  app.require_subcommand(1);
  auto& reg = gb::cli::registry();
  std::sort(reg.begin(), reg.end(), [](auto& a, auto& b) { return a.order < b.order; });
  for (auto& c : reg)
    if (c.parent.empty()) c.setup(app);
  for (auto& c : reg)
    if (!c.parent.empty()) c.setup(*app.get_subcommand(c.parent));
  // Exit codes: docs/exit-codes.md (tested in tests/cli/TestExitCodes.cpp).
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message and usage
    return 2;     // a bad flag is bad input
  } catch (const gb::InputError& e) {
    std::cerr << "glassbench: error: " << e.what() << "\n";
    return 2;
  } catch (const gb::SimulationError& e) {
    std::cerr << "glassbench: simulation stopped: " << e.what() << "\n";
    return 3;
  } catch (const gb::IoError& e) {
    std::cerr << "glassbench: I/O error: " << e.what() << "\n";
    return 74;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "glassbench: I/O error: " << e.what() << "\n";
    return 74;
  } catch (const std::ios_base::failure& e) {
    std::cerr << "glassbench: I/O error: " << e.what() << "\n";
    return 74;
  } catch (const std::bad_alloc&) {
    std::cerr << "glassbench: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "glassbench: internal error (please report): " << e.what() << "\n";
    return 1;
  }
  return gb::cli::requested_exit_code();
}
