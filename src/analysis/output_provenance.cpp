#include "analysis/internal/output_provenance.hpp"

#include "core/provenance.hpp"
#include "glassbench/version_info.hpp"

namespace gb::analysis {

nlohmann::json provenance_json(const std::string& command, const std::string& input) {
  return {{"glassbench_version", gb::build::kVersion},
          {"git_commit", gb::build::kGitCommit},
          {"command", command},
          {"input", input},
          {"created_utc", utc_now_iso8601()}};
}

std::string provenance_csv_line(const std::string& command, const std::string& input) {
  return std::string("# glassbench ") + gb::build::kVersion + " (git " + gb::build::kGitCommit + "); command: " +
         command + "; input: " + input + "; created " + utc_now_iso8601() + "\n";
}

}  // namespace gb::analysis
