#pragma once
// Runner bookkeeping saved next to each OpenMM checkpoint
// (DIR/checkpoints/runner-state.yaml), so --resume knows the stage, the step
// in it, and how many thermo rows and dump frames were written up to that
// checkpoint.  The OpenMM checkpoint file is named after its global step and
// written before this state (both atomically); the previous one is deleted
// only after the new state is in place, so a crash at any moment leaves a
// consistent pair.
#include <map>
#include <string>

namespace gb::runners {

struct RunnerCheckpoint {
  std::string case_sha256;
  std::string potential_sha256;                  // "" in checkpoints written before it was recorded
  std::string platform;                          // OpenMM platform (checkpoints are platform-specific)
  std::map<std::string, std::string> platform_properties;
  int stage_index = 0;          // stage in progress (or next to start when step_in_stage == 0 and no chk)
  long step_in_stage = 0;
  long global_step = 0;
  std::string openmm_checkpoint;  // file name under checkpoints/, "" at a stage boundary
  long thermo_rows = 0;
  int trajectory_frames = 0;      // of the stage in progress
  int velocity_frames = 0;
  bool finished = false;          // all stages done
};

std::string runner_state_path(const std::string& run_dir);
std::string checkpoint_dir(const std::string& run_dir);
void save_runner_checkpoint(const std::string& run_dir, const RunnerCheckpoint& c);
/// Throws gb::InputError naming the file if it is missing or malformed.
RunnerCheckpoint load_runner_checkpoint(const std::string& run_dir);

}  // namespace gb::runners
