#pragma once
// Start the real `glassbench` binary (GB_GLASSBENCH_EXE) as a child process,
// so tests can send it signals, kill it, or cap its file size, and read the
// exit code the way a shell or batch system sees it.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace gb::testing {

struct ChildOptions {
  std::string log;                  // stdout+stderr go here
  long max_file_bytes = -1;         // RLIMIT_FSIZE (as `ulimit -f`), -1: unlimited
  std::vector<std::string> env;     // extra NAME=VALUE
};

inline pid_t start_glassbench(const std::vector<std::string>& args, const ChildOptions& o = {}) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  if (!o.log.empty()) {
    if (!std::freopen(o.log.c_str(), "a", stdout) || !std::freopen(o.log.c_str(), "a", stderr)) std::_Exit(120);
  }
  if (o.max_file_bytes >= 0) {
    rlimit r{static_cast<rlim_t>(o.max_file_bytes), static_cast<rlim_t>(o.max_file_bytes)};
    ::setrlimit(RLIMIT_FSIZE, &r);
  }
  for (const auto& e : o.env) ::putenv(const_cast<char*>(e.c_str()));
  std::vector<char*> argv;
  static const std::string exe = GB_GLASSBENCH_EXE;
  argv.push_back(const_cast<char*>(exe.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(exe.c_str(), argv.data());
  std::_Exit(127);
}

/// Exit code as a shell reports it: the status, or 128 + signal.
inline int wait_exit(pid_t pid) {
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0) {
  }
  if (WIFEXITED(st)) return WEXITSTATUS(st);
  if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
  return -1;
}

inline int run_glassbench(const std::vector<std::string>& args, const ChildOptions& o = {}) {
  return wait_exit(start_glassbench(args, o));
}

inline std::string slurp_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Wait until `path` exists and holds `needle` (or the timeout passes).
inline bool wait_for_text(const std::string& path, const std::string& needle, double timeout_s) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (std::chrono::steady_clock::now() < end) {
    if (slurp_file(path).find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

}  // namespace gb::testing
