#pragma once
// Paths of every artifact in a run directory (docs/run-directory.md).  This
// is the only code that builds a path into a run directory: the runner
// writes, and analysis, validation and reports read, through RunLayout.
//
//   gb::rundir::RunLayout run("runs/smoke");
//   run.thermo_csv()                         -> runs/smoke/thermo.csv
//   run.stage("05-isothermal-0300K").trajectory(false)
//   run.analysis("05-isothermal-0300K").file(gb::rundir::AnalysisFile::Msd)
#include <string>
#include <vector>

namespace gb::rundir {

/// Version of the run-directory format written by this build.  1: the format
/// before the run model (no marker file, no schema_version keys); 2: marker
/// file glassbench-run.yaml, schema_version in stage.yaml and analysis JSON,
/// achieved conditions in stage.yaml.
constexpr int kSchemaVersion = 2;

/// Files that `glassbench analyze` writes per stage (analysis/<stage>/).
enum class AnalysisFile { MsdCsv, Msd, StringsCsv, Strings, OrderCsv, Order, Gr, VanHove,
                          StressAcf, Viscosity, StructureFactor, SelfScattering, MdDmaReplicas };
const char* analysis_file_name(AnalysisFile f);  // "msd.json", ...

/// One stage folder, DIR/stages/<NN>-<name>/.
class StageLayout {
 public:
  explicit StageLayout(std::string dir) : dir_(std::move(dir)) {}
  const std::string& dir() const { return dir_; }
  std::string stage_yaml() const { return dir_ + "/stage.yaml"; }
  std::string trajectory(bool gzip) const { return dir_ + (gzip ? "/trajectory.dump.gz" : "/trajectory.dump"); }
  std::string velocities(bool gzip) const { return dir_ + (gzip ? "/velocities.dump.gz" : "/velocities.dump"); }
  /// Existing trajectory (plain preferred), or "" when the stage wrote none.
  std::string existing_trajectory() const;
  std::string existing_velocities() const;
  std::string final_state_xml() const { return dir_ + "/final_state.xml"; }
  std::string final_data() const { return dir_ + "/final.data"; }
  /// Per-chunk samples a stage kind records (CSV, e.g. stress.csv of a shear stage).
  std::string samples(const std::string& file_name) const { return dir_ + "/" + file_name; }

 private:
  std::string dir_;
};

/// One stage's analysis folder, DIR/analysis/<NN>-<name>/.
class AnalysisLayout {
 public:
  explicit AnalysisLayout(std::string dir) : dir_(std::move(dir)) {}
  const std::string& dir() const { return dir_; }
  std::string file(AnalysisFile f) const { return dir_ + "/" + analysis_file_name(f); }
  bool has(AnalysisFile f) const;

 private:
  std::string dir_;
};

class RunLayout {
 public:
  explicit RunLayout(std::string root) : root_(std::move(root)) {}
  const std::string& root() const { return root_; }

  std::string marker_yaml() const { return root_ + "/glassbench-run.yaml"; }
  std::string provenance_yaml() const { return root_ + "/provenance.yaml"; }
  std::string case_yaml() const { return root_ + "/case.yaml"; }
  std::string thermo_csv() const { return root_ + "/thermo.csv"; }
  std::string run_log() const { return root_ + "/run.log"; }
  std::string checkpoints_dir() const { return root_ + "/checkpoints"; }
  std::string runner_state_yaml() const { return checkpoints_dir() + "/runner-state.yaml"; }
  std::string stages_dir() const { return root_ + "/stages"; }
  std::string analysis_dir() const { return root_ + "/analysis"; }
  std::string summary_json() const { return analysis_dir() + "/summary.json"; }
  /// MD-DMA over the shear stages and viscosity over the isothermal ones (issue 11).
  std::string md_dma_csv() const { return analysis_dir() + "/md_dma.csv"; }
  std::string md_dma_json() const { return analysis_dir() + "/md_dma.json"; }
  std::string viscosity_csv() const { return analysis_dir() + "/viscosity.csv"; }
  std::string viscosity_json() const { return analysis_dir() + "/viscosity.json"; }
  std::string validation_json() const { return root_ + "/validation.json"; }
  std::string validation_junit() const { return root_ + "/validation-junit.xml"; }
  /// The LAMMPS engine's folder (decks, start.data, logs; docs/lammps-engine.md).
  /// LAMMPS runs in the run directory, so its decks name files relative to it: "lammps/...".
  std::string lammps_dir() const { return root_ + "/lammps"; }

  /// "NN-name" folder name of the k-th stage (0-based): 01-melt, 02-quench, ...
  static std::string stage_dir_name(size_t k, const std::string& stage_name);
  StageLayout stage(const std::string& dir_name) const { return StageLayout(stages_dir() + "/" + dir_name); }
  AnalysisLayout analysis(const std::string& dir_name) const {
    return AnalysisLayout(analysis_dir() + "/" + dir_name);
  }
  /// Stage folder names present under stages/, sorted (= execution order).
  std::vector<std::string> stage_dir_names() const;

  /// Writes the marker file with the schema version (atomically).
  void write_marker() const;
  /// Schema version from the marker file; 1 when there is none (older runs).
  int read_schema_version() const;

 private:
  std::string root_;
};

/// A replica set (`glassbench run --replicas N`): N run directories of one
/// case with derived seeds (docs/run-directory.md):
///   DIR/replicas.yaml       case, engine, N, seeds
///   DIR/replica-NN/         run directories (replica 0 keeps the case seed)
///   DIR/analysis/pooled.json, DIR/validation.json   pooled results
class ReplicaSetLayout {
 public:
  explicit ReplicaSetLayout(std::string root) : root_(std::move(root)) {}
  const std::string& root() const { return root_; }
  std::string manifest_yaml() const { return root_ + "/replicas.yaml"; }
  std::string replica(int r) const;  // DIR/replica-NN
  /// replica-00, replica-01, ... up to the first missing one.
  std::vector<std::string> replica_dirs() const;
  std::string analysis_dir() const { return root_ + "/analysis"; }
  std::string pooled_json() const { return analysis_dir() + "/pooled.json"; }
  /// The pooled verdicts of `glassbench validate DIR` (per-replica ones: replica-NN/validation.json).
  std::string validation_json() const { return root_ + "/validation.json"; }
  /// A directory holding replicas.yaml.
  static bool is_replica_set(const std::string& dir);

 private:
  std::string root_;
};

}  // namespace gb::rundir
