// Atomic writes: nothing appears under the final name until commit(), and an
// abandoned writer leaves no file behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"

namespace fs = std::filesystem;

TEST(AtomicFile, InvisibleUntilCommit) {
  const fs::path dir = fs::temp_directory_path() / ("gb_atomic_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "out.txt").string();
  {
    gb::AtomicFile f(path);
    f.stream() << "hello";
    EXPECT_FALSE(fs::exists(path));
    f.commit();
  }
  std::ifstream in(path);
  std::string s;
  in >> s;
  EXPECT_EQ(s, "hello");
  {
    gb::AtomicFile g(path);
    g.stream() << "half-written";
    // destroyed without commit: the old file stays intact
  }
  std::ifstream in2(path);
  in2 >> s;
  EXPECT_EQ(s, "hello");
  size_t n = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++n;
  EXPECT_EQ(n, 1u) << "temp file left behind";
  fs::remove_all(dir);
}
