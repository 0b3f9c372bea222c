#pragma once
// Provenance stamps for output files: which glassbench (version + git commit)
// wrote them, on which host, when (UTC, ISO-8601).
#include <string>

namespace gb {

/// "glassbench 0.1.0 (git <commit>)".
std::string glassbench_version_string();
/// Current UTC time, "2024-05-01T12:34:56Z".
std::string utc_now_iso8601();
/// The host name (uname nodename), "unknown" if it cannot be read.
std::string host_name();
/// One line for the head of a text output: "<what> written by glassbench
/// 0.1.0 (git ...) on <host> at <UTC time>".
std::string provenance_line(const std::string& what);

}  // namespace gb
