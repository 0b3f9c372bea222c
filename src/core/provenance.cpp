#include "core/provenance.hpp"

#include <sys/utsname.h>

#include <ctime>

#include "glassbench/version_info.hpp"

namespace gb {

std::string glassbench_version_string() {
  return std::string("glassbench ") + build::kVersion + " (git " + build::kGitCommit + ")";
}

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string host_name() {
  struct utsname u {};
  if (uname(&u) != 0) return "unknown";
  return u.nodename;
}

std::string provenance_line(const std::string& what) {
  return what + " written by " + glassbench_version_string() + " on " + host_name() + " at " + utc_now_iso8601();
}

}  // namespace gb
