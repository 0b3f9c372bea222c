#include "rundir/layout.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <yaml-cpp/yaml.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace fs = std::filesystem;

namespace gb::rundir {

const char* analysis_file_name(AnalysisFile f) {
  switch (f) {
    case AnalysisFile::MsdCsv: return "msd.csv";
    case AnalysisFile::Msd: return "msd.json";
    case AnalysisFile::StringsCsv: return "strings.csv";
    case AnalysisFile::Strings: return "strings.json";
    case AnalysisFile::OrderCsv: return "order.csv";
    case AnalysisFile::Order: return "order.json";
    case AnalysisFile::Gr: return "gr.csv";
    case AnalysisFile::VanHove: return "vanhove.csv";
    case AnalysisFile::StressAcf: return "stress_acf.csv";
    case AnalysisFile::Viscosity: return "viscosity.json";
    case AnalysisFile::StructureFactor: return "sq.csv";
    case AnalysisFile::SelfScattering: return "fs.csv";
    case AnalysisFile::MdDmaReplicas: return "md_dma_replicas.csv";
  }
  return "";
}

std::string StageLayout::existing_trajectory() const {
  for (bool gz : {false, true})
    if (fs::exists(trajectory(gz))) return trajectory(gz);
  return "";
}

std::string StageLayout::existing_velocities() const {
  for (bool gz : {false, true})
    if (fs::exists(velocities(gz))) return velocities(gz);
  return "";
}

bool AnalysisLayout::has(AnalysisFile f) const { return fs::exists(file(f)); }

std::string RunLayout::stage_dir_name(size_t k, const std::string& stage_name) {
  char nn[16];
  std::snprintf(nn, sizeof nn, "%02zu", k + 1);
  return std::string(nn) + "-" + stage_name;
}

std::vector<std::string> RunLayout::stage_dir_names() const {
  std::vector<std::string> out;
  if (!fs::is_directory(stages_dir())) return out;
  for (const auto& e : fs::directory_iterator(stages_dir()))
    if (e.is_directory()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

void RunLayout::write_marker() const {
  write_file_atomically(marker_yaml(),
                        "# glassbench run directory; layout: docs/run-directory.md\n"
                        "format: glassbench-run-directory\n"
                        "schema_version: " +
                            std::to_string(kSchemaVersion) + "\n");
}

int RunLayout::read_schema_version() const {
  if (!fs::exists(marker_yaml())) return 1;
  try {
    const YAML::Node y = YAML::LoadFile(marker_yaml());
    const YAML::Node v = y["schema_version"];
    if (!v || !v.IsScalar()) throw InputError({marker_yaml(), 0, 0}, "schema_version", "missing");
    const int n = v.as<int>();
    if (n < 1 || n > kSchemaVersion)
      throw InputError({marker_yaml(), v.Mark().line + 1, v.Mark().column + 1}, "schema_version",
                       "version " + std::to_string(n) + " is not one this build reads (1.." +
                           std::to_string(kSchemaVersion) + ")");
    return n;
  } catch (const YAML::Exception& e) {
    throw InputError({marker_yaml(), e.mark.line + 1, e.mark.column + 1}, "schema_version", e.msg);
  }
}

std::string ReplicaSetLayout::replica(int r) const {
  char nn[16];
  std::snprintf(nn, sizeof nn, "%02d", r);
  return root_ + "/replica-" + nn;
}

std::vector<std::string> ReplicaSetLayout::replica_dirs() const {
  std::vector<std::string> out;
  for (int r = 0; fs::is_directory(replica(r)); ++r) out.push_back(replica(r));
  return out;
}

bool ReplicaSetLayout::is_replica_set(const std::string& dir) { return fs::exists(fs::path(dir) / "replicas.yaml"); }

}  // namespace gb::rundir
