#include "runners/run_log.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <iostream>

#include "core/provenance.hpp"

namespace gb::runners {

RunLog::RunLog(const std::string& path, bool echo, double progress_log_seconds)
    : file_(path, std::ios::app), echo_(echo), tty_(::isatty(STDERR_FILENO) != 0), log_every_s_(progress_log_seconds) {
  last_draw_ = last_log_ = std::chrono::steady_clock::now();
}

RunLog::~RunLog() { end_progress(); }

void RunLog::end_progress() {
  if (bar_shown_) {
    std::cerr << "\r\033[K" << std::flush;
    bar_shown_ = false;
  }
}

void RunLog::info(const std::string& line) {
  const std::string text = utc_now_iso8601() + " " + line;
  file_ << text << "\n";
  file_.flush();
  if (echo_) {
    end_progress();
    std::cout << text << "\n" << std::flush;
  }
}

std::string RunLog::format_duration(double s) {
  if (!(s >= 0) || !std::isfinite(s)) return "--:--:--";
  long t = static_cast<long>(std::llround(s));
  const long d = t / 86400;
  t %= 86400;
  const std::string hms = fmt::format("{:02}:{:02}:{:02}", t / 3600, (t / 60) % 60, t % 60);
  return d > 0 ? fmt::format("{}d {}", d, hms) : hms;
}

void RunLog::progress(const ProgressInfo& p) {
  const auto now = std::chrono::steady_clock::now();
  const double frac = p.steps_total > 0 ? double(p.steps_done) / double(p.steps_total) : 0.0;
  const std::string speed = p.ns_per_day > 0 ? fmt::format("{:.3g} ns/day", p.ns_per_day) : "-- ns/day";
  const std::string tail = fmt::format("{} step {}/{} T={:.0f} K {} ETA {}", p.stage, p.step_in_stage,
                                       p.stage_steps, p.temperature_K, speed, format_duration(p.eta_seconds));
  if (tty_ && echo_) {
    if (std::chrono::duration<double>(now - last_draw_).count() < 0.5 && bar_shown_) return;
    last_draw_ = now;
    const int width = 24;
    const int filled = static_cast<int>(frac * width);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(width - filled), '.');
    std::cerr << "\r\033[K[" << bar << "] " << fmt::format("{:5.1f}% ", 100 * frac) << tail << std::flush;
    bar_shown_ = true;
  }
  if (std::chrono::duration<double>(now - last_log_).count() >= log_every_s_) {
    last_log_ = now;
    const std::string line = fmt::format("progress {:.1f}% {}", 100 * frac, tail);
    if (tty_ && echo_) {  // the bar already shows it: file only
      file_ << utc_now_iso8601() << " " << line << "\n";
      file_.flush();
    } else {
      info(line);
    }
  }
}

}  // namespace gb::runners
