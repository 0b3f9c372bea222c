#include "potential/potential_locator.hpp"

#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"

namespace gb {

namespace fs = std::filesystem;

std::vector<std::string> potential_search_path() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("LAMMPS_POTENTIALS"); env && *env) dirs.emplace_back(env);
  dirs.emplace_back("/usr/share/lammps/potentials");
  return dirs;
}

std::string locate_potential(const std::string& path_or_name) {
  if (path_or_name.empty()) throw InputError("potential: empty file name");
  std::error_code ec;
  std::vector<std::string> tried{path_or_name};
  if (fs::is_regular_file(path_or_name, ec)) return path_or_name;
  // A name with a directory part is a path: searching for it by name would
  // silently pick up a different file.
  if (fs::path(path_or_name).has_parent_path())
    throw InputError("potential file '" + path_or_name + "' not found (looked at: " + path_or_name + ")");
  for (const auto& dir : potential_search_path()) {
    const fs::path p = fs::path(dir) / path_or_name;
    tried.push_back(p.string());
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  std::string msg = "potential file '" + path_or_name + "' not found; looked at:";
  for (const auto& t : tried) msg += " " + t + ";";
  msg.pop_back();
  msg += " (set $LAMMPS_POTENTIALS or give a path)";
  throw InputError(msg);
}

}  // namespace gb
