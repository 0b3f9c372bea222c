#include "common/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace gb::testing {

namespace fs = std::filesystem;

TempDir::TempDir(const std::string& prefix) {
  std::string templ = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw std::runtime_error("TempDir: cannot create " + templ);
  path_ = buf.data();
}

TempDir::~TempDir() {
  if (std::getenv("GLASSBENCH_KEEP_TMP")) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::file(const std::string& name) const { return (fs::path(path_) / name).string(); }

std::string TempDir::write(const std::string& name, const std::string& text) const {
  const std::string p = file(name);
  std::ofstream out(p);
  out << text;
  if (!out) throw std::runtime_error("TempDir: cannot write " + p);
  return p;
}

}  // namespace gb::testing
