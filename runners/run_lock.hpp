#pragma once
// One glassbench process per run directory.  DIR/run.lock is held with an
// exclusive flock(2) for as long as a run writes into DIR; the kernel drops
// the lock when the process dies, SIGKILL included, so a lock file that no
// live process holds is recognised as stale.  The file's text says who holds
// (or last held) it: "pid N\nhost H\nstarted T\n"; it is emptied on a clean
// release, so a non-empty, unheld lock file means the last run was killed.
// (flock is advisory and per host; run directories on NFS shared between
// hosts need the NFS server's lock support.)
#include <string>

namespace gb::runners {

class RunLock {
 public:
  /// Create DIR/run.lock if needed and take it.  Throws gb::InputError
  /// naming the holder if another live process holds it.
  explicit RunLock(const std::string& dir);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  /// Non-empty when the lock file was left by a process that died while
  /// holding it (its "pid/host/started" text, on one line).
  const std::string& stale_holder() const { return stale_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string stale_;
  int fd_ = -1;
};

/// The lock file of a run directory.
std::string run_lock_path(const std::string& dir);
/// Whether a live process holds DIR's run lock now (false if there is no
/// lock file).  A run whose provenance says `running` while this is false
/// was killed.
bool run_lock_held(const std::string& dir);

}  // namespace gb::runners
