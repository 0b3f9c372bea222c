#include "runners/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/provenance.hpp"

namespace gb::runners {

namespace {

std::string read_all(int fd) {
  std::string s;
  char buf[512];
  if (::lseek(fd, 0, SEEK_SET) < 0) return s;
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0 && s.size() < 4096;) s.append(buf, static_cast<size_t>(n));
  return s;
}

std::string one_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& c : s)
    if (c == '\n') c = ',';
  return s;
}

}  // namespace

std::string run_lock_path(const std::string& dir) { return dir + "/run.lock"; }

RunLock::RunLock(const std::string& dir) : path_(run_lock_path(dir)) {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw IoError("cannot create the run lock " + path_ + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    const std::string holder = one_line(read_all(fd_));
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK)
      throw InputError("the run directory " + dir + " is in use by another glassbench run (" +
                       (holder.empty() ? std::string("holder unknown") : holder) +
                       "); wait for it to finish or stop it, or choose another --out");
    throw IoError("cannot lock " + path_ + ": " + std::strerror(err));
  }
  stale_ = one_line(read_all(fd_));
  const std::string me =
      "pid " + std::to_string(::getpid()) + "\nhost " + host_name() + "\nstarted " + utc_now_iso8601() + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, me.data(), me.size(), 0) != static_cast<ssize_t>(me.size())) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    throw IoError("cannot write the run lock " + path_ + ": " + std::strerror(err));
  }
}

RunLock::~RunLock() {
  if (fd_ < 0) return;
  // Emptied, not removed: removing would let a process that opened the old
  // file and one that creates a new one both "hold" the lock.
  if (::ftruncate(fd_, 0) != 0) {
  }
  ::close(fd_);  // releases the flock
}

bool run_lock_held(const std::string& dir) {
  const int fd = ::open(run_lock_path(dir).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
}

}  // namespace gb::runners
