#include "core/crash_point.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace gb {

void crash_point(const char* name) {
  static const char* spec = std::getenv("GLASSBENCH_CRASH_AT");
  if (spec == nullptr || *spec == '\0') return;
  static const std::string target = [] {
    const std::string s = spec;
    return s.substr(0, s.find(':'));
  }();
  static long remaining = [] {
    const char* colon = std::strchr(spec, ':');
    return colon ? std::max(1L, std::strtol(colon + 1, nullptr, 10)) : 1L;
  }();
  if (target != name) return;
  if (--remaining > 0) return;
  ::kill(::getpid(), SIGKILL);
}

}  // namespace gb
