#pragma once
// Log lines and progress for a run.  Every line goes to DIR/run.log (append,
// so a resumed run continues the same log) and, unless quiet, to stdout.
// Progress: a one-line bar with ETA and ns/day redrawn on stderr when it is
// a terminal; otherwise a plain progress line in the log every N seconds.
#include <chrono>
#include <fstream>
#include <string>

namespace gb::runners {

struct ProgressInfo {
  std::string stage;        // "02-quench"
  long step_in_stage = 0, stage_steps = 0;
  long steps_done = 0, steps_total = 0;  // whole protocol
  double temperature_K = 0;
  double ns_per_day = 0;
  double eta_seconds = -1;  // <0 unknown
};

class RunLog {
 public:
  RunLog(const std::string& path, bool echo, double progress_log_seconds);
  ~RunLog();
  void info(const std::string& line);
  void progress(const ProgressInfo& p);
  /// Remove the progress bar from the terminal (before exiting).
  void end_progress();

  static std::string format_duration(double seconds);  // "3d 04:05:06" / "04:05:06"

 private:
  std::ofstream file_;
  bool echo_;
  bool tty_;
  bool bar_shown_ = false;
  double log_every_s_;
  std::chrono::steady_clock::time_point last_draw_, last_log_;
};

}  // namespace gb::runners
