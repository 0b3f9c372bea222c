#pragma once
// A fresh directory under the system temp dir, removed with everything in it
// when the object goes out of scope (kept if GLASSBENCH_KEEP_TMP is set, for
// debugging a failed comparison).
#include <string>

namespace gb::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "glassbench-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// path()/name
  std::string file(const std::string& name) const;
  /// Write `text` to path()/name and return that path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

}  // namespace gb::testing
