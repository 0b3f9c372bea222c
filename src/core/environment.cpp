#include "core/environment.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace gb {

void quiet_library_noise() {
  // PoCL prints "pocl warning: ... unsupported" unless told not to.
  ::setenv("POCL_DEBUG", "0", 0);
  ::setenv("POCL_LEAVE_KERNEL_COMPILER_TEMP_FILES", "0", 0);

  const char* kDebianOpenMMLibDir = "/usr/lib/x86_64-linux-gnu/openmm";
  if (::access(kDebianOpenMMLibDir, F_OK) != 0) return;  // not Debian's OpenMM
  const char* cur = std::getenv("LD_LIBRARY_PATH");
  std::string ld = cur ? cur : "";
  if (ld.find(kDebianOpenMMLibDir) != std::string::npos) return;
  if (std::getenv("GLASSBENCH_REEXEC")) return;  // already tried once
  std::string nld = ld.empty() ? std::string(kDebianOpenMMLibDir) : std::string(kDebianOpenMMLibDir) + ":" + ld;
  ::setenv("LD_LIBRARY_PATH", nld.c_str(), 1);
  ::setenv("GLASSBENCH_REEXEC", "1", 1);
  // Re-exec ourselves so the loader sees the new path; on failure just go on.
  char self[4096];
  ssize_t n = ::readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0) return;
  self[n] = '\0';
  std::string cmdline;
  {
    FILE* f = std::fopen("/proc/self/cmdline", "rb");
    if (!f) return;
    char buf[65536];
    size_t m = std::fread(buf, 1, sizeof(buf), f);
    std::fclose(f);
    cmdline.assign(buf, m);
  }
  std::vector<char*> argv;
  size_t p = 0;
  while (p < cmdline.size()) {
    argv.push_back(&cmdline[p]);
    p += std::char_traits<char>::length(&cmdline[p]) + 1;
  }
  argv.push_back(nullptr);
  ::execv(self, argv.data());
}

}  // namespace gb
