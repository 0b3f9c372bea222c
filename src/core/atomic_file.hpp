#pragma once
// Atomic output: write to "<path>.tmp.<pid>" and rename over <path> on commit,
// so a killed run never leaves a half-written file that looks whole.
#include <fstream>
#include <string>

namespace gb {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path, std::ios::openmode mode = std::ios::out);
  ~AtomicFile();  // discards the temp file if commit() was not called
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  /// Flush, fsync and rename into place.  Throws std::runtime_error on failure.
  void commit();
  const std::string& path() const { return path_; }

 private:
  std::string path_, tmp_;
  std::ofstream out_;
  bool committed_ = false;
};

/// Convenience: write a whole string atomically.
void write_file_atomically(const std::string& path, const std::string& contents);

}  // namespace gb
