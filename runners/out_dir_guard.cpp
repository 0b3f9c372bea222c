#include "runners/out_dir_guard.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "rundir/layout.hpp"

namespace gb::runners {

namespace fs = std::filesystem;

bool holds_glassbench_run(const std::string& dir) {
  const rundir::RunLayout L(dir);
  return fs::exists(L.runner_state_yaml()) || fs::exists(L.provenance_yaml()) || fs::exists(L.case_yaml()) ||
         fs::exists(L.marker_yaml());
}

void refuse_foreign_out_dir(const std::string& dir, bool force) {
  if (!fs::exists(dir)) return;
  if (!fs::is_directory(dir)) throw InputError("--out " + dir + ": exists and is not a directory");
  bool empty = true;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename() != "run.lock") empty = false;
  if (!empty && !force && !holds_glassbench_run(dir))
    throw InputError("--out " + dir +
                     ": the directory is not empty and holds no glassbench run; choose an empty or new "
                     "directory, or pass --force to write into it anyway");
}

}  // namespace gb::runners
