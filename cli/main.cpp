// glassbench: reproducible MD benchmark and verification suite for metallic glasses.
#include <algorithm>
#include <cstdlib>
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const gb::InputError& e) {
    std::cerr << "glassbench: error: " << e.what() << "\n";
    return 2;
  } catch (const gb::SimulationError& e) {
    std::cerr << "glassbench: simulation stopped: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "glassbench: error: " << e.what() << "\n";
    return 1;
  }
  return gb::cli::requested_exit_code();
}
