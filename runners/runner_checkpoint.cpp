#include "runners/internal/runner_checkpoint.hpp"

#include "rundir/layout.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/provenance.hpp"

namespace gb::runners {

std::string checkpoint_dir(const std::string& run_dir) { return rundir::RunLayout(run_dir).checkpoints_dir(); }
std::string runner_state_path(const std::string& run_dir) { return rundir::RunLayout(run_dir).runner_state_yaml(); }

void save_runner_checkpoint(const std::string& run_dir, const RunnerCheckpoint& c) {
  YAML::Emitter e;
  e << YAML::Comment(provenance_line("glassbench runner state"));
  e << YAML::BeginMap;
  e << YAML::Key << "case_sha256" << YAML::Value << c.case_sha256;
  e << YAML::Key << "potential_sha256" << YAML::Value << c.potential_sha256;
  e << YAML::Key << "platform" << YAML::Value << c.platform;
  e << YAML::Key << "platform_properties" << YAML::Value << YAML::BeginMap;
  for (const auto& [k, v] : c.platform_properties) e << YAML::Key << k << YAML::Value << v;
  e << YAML::EndMap;
  e << YAML::Key << "stage_index" << YAML::Value << c.stage_index;
  e << YAML::Key << "step_in_stage" << YAML::Value << c.step_in_stage;
  e << YAML::Key << "global_step" << YAML::Value << c.global_step;
  e << YAML::Key << "openmm_checkpoint" << YAML::Value << c.openmm_checkpoint;
  e << YAML::Key << "thermo_rows" << YAML::Value << c.thermo_rows;
  e << YAML::Key << "trajectory_frames" << YAML::Value << c.trajectory_frames;
  e << YAML::Key << "velocity_frames" << YAML::Value << c.velocity_frames;
  e << YAML::Key << "finished" << YAML::Value << c.finished;
  e << YAML::EndMap;
  write_file_atomically(runner_state_path(run_dir), std::string(e.c_str()) + "\n");
}

RunnerCheckpoint load_runner_checkpoint(const std::string& run_dir) {
  const std::string path = runner_state_path(run_dir);
  if (!std::filesystem::exists(path))
    throw InputError(SourceLocation{path, 0, 0}, "",
                     "no runner checkpoint here: this directory holds no resumable run (drop --resume to start one)");
  try {
    const YAML::Node n = YAML::LoadFile(path);
    RunnerCheckpoint c;
    c.case_sha256 = n["case_sha256"].as<std::string>();
    if (n["potential_sha256"]) c.potential_sha256 = n["potential_sha256"].as<std::string>();
    c.platform = n["platform"].as<std::string>();
    for (auto it = n["platform_properties"].begin(); it != n["platform_properties"].end(); ++it)
      c.platform_properties[it->first.as<std::string>()] = it->second.as<std::string>();
    c.stage_index = n["stage_index"].as<int>();
    c.step_in_stage = n["step_in_stage"].as<long>();
    c.global_step = n["global_step"].as<long>();
    c.openmm_checkpoint = n["openmm_checkpoint"].as<std::string>();
    c.thermo_rows = n["thermo_rows"].as<long>();
    c.trajectory_frames = n["trajectory_frames"].as<int>();
    c.velocity_frames = n["velocity_frames"].as<int>();
    c.finished = n["finished"].as<bool>();
    return c;
  } catch (const YAML::Exception& e) {
    throw InputError(SourceLocation{path, e.mark.line + 1, e.mark.column + 1}, "",
                     std::string("damaged runner checkpoint: ") + e.what());
  }
}

}  // namespace gb::runners
