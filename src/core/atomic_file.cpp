#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "core/crash_point.hpp"
#include "core/error.hpp"

namespace gb {

AtomicFile::AtomicFile(std::string path, std::ios::openmode mode)
    : path_(std::move(path)), tmp_(path_ + ".tmp." + std::to_string(::getpid())) {
  out_.open(tmp_, mode | std::ios::out | std::ios::trunc);
  if (!out_) throw IoError("cannot open " + tmp_ + " for writing: " + std::strerror(errno));
  out_.precision(17);
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(tmp_.c_str());
  }
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) throw IoError("write failed: " + tmp_ + " (disk full?)");
  out_.close();
  if (out_.fail()) throw IoError("write failed: " + tmp_ + " (disk full?)");
  // fsync so that rename publishes complete data even after a power loss.
  int fd = ::open(tmp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  crash_point("atomic-before-rename");
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0)
    throw IoError("cannot rename " + tmp_ + " to " + path_ + ": " + std::strerror(errno));
  committed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& contents) {
  AtomicFile f(path);
  f.stream() << contents;
  f.commit();
}

}  // namespace gb
