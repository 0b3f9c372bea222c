#pragma once
// What `glassbench run` was asked to do, and how a run ended.
#include <string>

namespace gb::runners {

struct RunOptions {
  std::string out_dir;             // run directory (docs/run-directory.md); empty: runs/<case name>
  bool resume = false;             // continue from DIR/checkpoints
  bool force = false;              // allow a non-empty --out that holds no glassbench run
  std::string platform;            // overrides the case's platform preference (not allowed to change on resume)
  std::string potential_override;  // replaces the case's potential.file
  /// Tests: behave as if interrupted once the global step reaches this value
  /// (checkpoint + clean stop).  <0: never.
  long stop_at_global_step = -1;
  bool handle_signals = true;      // SIGINT/SIGTERM -> checkpoint and stop
  bool echo_log = true;            // log lines also to stdout (run.log always)
  /// Progress bar on stderr when it is a terminal; otherwise a plain progress
  /// log line every `progress_log_seconds`.
  double progress_log_seconds = 60;
  int max_chunk_steps = 100;       // upper bound on steps between checks of signals/wall time
};

enum class RunStatus {
  Completed,    // every stage done
  Interrupted,  // signal or stop_at_global_step: checkpoint written, resumable
};

struct RunResult {
  RunStatus status = RunStatus::Completed;
  int signal = 0;        // SIGINT/SIGTERM number when interrupted by one
  long global_step = 0;  // where the run stopped
  std::string out_dir;
  std::string platform;  // OpenMM platform used
  double ns_per_day = 0; // this session's speed (simulated ns per wall-clock day)
};

}  // namespace gb::runners
