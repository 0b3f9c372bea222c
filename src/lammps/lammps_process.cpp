#include "lammps/lammps_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <stdexcept>

#include "lammps/internal/lammps_log.hpp"

namespace gb::lammps {

std::string lmp_executable(const LmpLauncher& l) {
  if (!l.lmp.empty()) return l.lmp;
  const char* e = std::getenv("GLASSBENCH_LMP");
  return e && *e ? e : "lmp";
}

std::vector<std::string> lmp_argv(const LmpLauncher& l, const std::string& deck, const std::string& log,
                                  const std::vector<std::string>& extra_args) {
  std::vector<std::string> a;
  if (l.mpi_ranks > 1) {
    const char* e = std::getenv("GLASSBENCH_MPIRUN");
    a.push_back(!l.mpirun.empty() ? l.mpirun : (e && *e ? e : "mpirun"));
    a.insert(a.end(), {"--allow-run-as-root", "--oversubscribe", "-np", std::to_string(l.mpi_ranks)});
  }
  a.push_back(lmp_executable(l));
  a.insert(a.end(), {"-in", deck, "-log", log, "-nocite"});
  a.insert(a.end(), extra_args.begin(), extra_args.end());
  return a;
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::function<void(const std::string&)>& on_line) {
  if (argv.empty()) throw std::runtime_error("run_process: empty command");
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  // Exec failure is reported through a close-on-exec pipe.
  int errpipe[2];
  if (pipe2(errpipe, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    close(fds[0]);
    close(errpipe[0]);
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[1]);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) {
      const int e = errno;
      (void)!write(errpipe[1], &e, sizeof e);
      _exit(127);
    }
    // Open MPI refuses root unless told; harmless elsewhere.
    setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 0);
    setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 0);
    std::vector<char*> args;
    for (const auto& s : argv) args.push_back(const_cast<char*>(s.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    const int e = errno;
    (void)!write(errpipe[1], &e, sizeof e);
    _exit(127);
  }
  close(fds[1]);
  close(errpipe[1]);
  int exec_errno = 0;
  const bool exec_failed = read(errpipe[0], &exec_errno, sizeof exec_errno) == sizeof exec_errno;
  close(errpipe[0]);

  ProcessResult r;
  std::deque<std::string> tail;
  std::string pending;
  char buf[4096];
  auto emit = [&](const std::string& line) {
    if (on_line) on_line(line);
    tail.push_back(line);
    if (tail.size() > 40) tail.pop_front();
  };
  while (true) {
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buf, static_cast<size_t>(n));
    size_t p;
    while ((p = pending.find('\n')) != std::string::npos) {
      emit(pending.substr(0, p));
      pending.erase(0, p + 1);
    }
  }
  if (!pending.empty()) emit(pending);
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (exec_failed)
    throw std::runtime_error("cannot run '" + argv[0] + "'" + (cwd.empty() ? "" : " in " + cwd) + ": " +
                             std::strerror(exec_errno));
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  for (const auto& l : tail) r.tail += l + "\n";
  return r;
}

std::string lammps_version(const LmpLauncher& l) {
  try {
    LmpLauncher serial = l;
    serial.mpi_ranks = 0;
    std::string version;
    const std::string key = "Massively Parallel Simulator - ";
    // `lmp -h` prints "Large-scale Atomic/Molecular Massively Parallel Simulator - 29 Sep 2021 - Update 2".
    const ProcessResult r = run_process({lmp_executable(serial), "-h"}, "", [&](const std::string& line) {
      const auto p = line.find(key);
      if (version.empty() && p != std::string::npos) version = line.substr(p + key.size());
    });
    if (!r.ok()) return "";
    if (!version.empty()) return version;
    return lammps_version_from_text(r.tail);
  } catch (const std::exception&) {
    return "";
  }
}

}  // namespace gb::lammps
