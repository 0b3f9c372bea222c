#include "analysis/output_provenance.hpp"

#include <ctime>

#include "glassbench/version_info.hpp"

namespace gb::analysis {

namespace {
std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}
}  // namespace

nlohmann::json provenance_json(const std::string& command, const std::string& input) {
  return {{"glassbench_version", gb::build::kVersion},
          {"git_commit", gb::build::kGitCommit},
          {"command", command},
          {"input", input},
          {"created_utc", utc_now()}};
}

std::string provenance_csv_line(const std::string& command, const std::string& input) {
  return std::string("# glassbench ") + gb::build::kVersion + " (git " + gb::build::kGitCommit + "); command: " +
         command + "; input: " + input + "; created " + utc_now() + "\n";
}

}  // namespace gb::analysis
