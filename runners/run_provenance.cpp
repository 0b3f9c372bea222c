#include "runners/internal/run_provenance.hpp"

#include <yaml-cpp/yaml.h>

#include "core/atomic_file.hpp"
#include "core/provenance.hpp"
#include "glassbench/version_info.hpp"
#include "openmm/platform.hpp"

namespace gb::runners {

void write_run_provenance(const std::string& path, const RunProvenance& p) {
  YAML::Emitter e;
  e.SetDoublePrecision(15);
  e << YAML::Comment(provenance_line("run provenance"));
  e << YAML::BeginMap;
  e << YAML::Key << "glassbench_version" << YAML::Value << build::kVersion;
  e << YAML::Key << "git_commit" << YAML::Value << build::kGitCommit;
  e << YAML::Key << "openmm_version" << YAML::Value << openmm_version();
  e << YAML::Key << "case" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "file" << YAML::Value << p.case_file;
  e << YAML::Key << "name" << YAML::Value << p.case_name;
  e << YAML::Key << "sha256" << YAML::Value << p.case_sha256;
  e << YAML::Key << "copy" << YAML::Value << "case.yaml";
  e << YAML::EndMap;
  e << YAML::Key << "platform" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "name" << YAML::Value << p.platform;
  e << YAML::Key << "precision" << YAML::Value << p.precision;
  e << YAML::Key << "force" << YAML::Value << p.force;
  if (!p.pressure.empty()) e << YAML::Key << "pressure" << YAML::Value << p.pressure;
  e << YAML::Key << "properties" << YAML::Value << YAML::BeginMap;
  for (const auto& [k, v] : p.platform_properties) e << YAML::Key << k << YAML::Value << v;
  e << YAML::EndMap << YAML::EndMap;
  e << YAML::Key << "potential" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "path" << YAML::Value << p.potential_path;
  e << YAML::Key << "sha256" << YAML::Value << p.potential_sha256;
  e << YAML::Key << "style" << YAML::Value << p.potential_style;
  e << YAML::Key << "elements" << YAML::Value << YAML::Flow << p.elements;
  e << YAML::EndMap;
  e << YAML::Key << "seeds" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "case" << YAML::Value << p.seed;
  e << YAML::Key << "stages" << YAML::Value << YAML::BeginMap;
  for (const auto& s : p.stage_seeds) {
    e << YAML::Key << s.stage << YAML::Value << YAML::Flow << YAML::BeginMap;
    e << YAML::Key << "velocities" << YAML::Value << s.velocities;
    e << YAML::Key << "langevin" << YAML::Value << s.langevin;
    e << YAML::Key << "barostat" << YAML::Value << s.barostat;
    e << YAML::EndMap;
  }
  e << YAML::EndMap << YAML::EndMap;
  e << YAML::Key << "host" << YAML::Value << host_name();
  e << YAML::Key << "started_utc" << YAML::Value << p.started_utc;
  e << YAML::Key << "finished_utc" << YAML::Value;
  if (p.finished_utc.empty()) e << YAML::Null;
  else e << p.finished_utc;
  e << YAML::Key << "status" << YAML::Value << p.status;
  if (!p.reason.empty()) e << YAML::Key << "reason" << YAML::Value << p.reason;
  e << YAML::Key << "sessions" << YAML::Value << YAML::BeginSeq;
  for (const auto& s : p.sessions) {
    e << YAML::BeginMap;
    e << YAML::Key << "host" << YAML::Value << s.host;
    e << YAML::Key << "started_utc" << YAML::Value << s.started_utc;
    e << YAML::Key << "ended_utc" << YAML::Value;
    if (s.ended_utc.empty()) e << YAML::Null;
    else e << s.ended_utc;
    e << YAML::Key << "status" << YAML::Value << s.status;
    if (!s.reason.empty()) e << YAML::Key << "reason" << YAML::Value << s.reason;
    e << YAML::Key << "from_step" << YAML::Value << s.from_step;
    e << YAML::Key << "to_step" << YAML::Value << s.to_step;
    e << YAML::Key << "ns_per_day" << YAML::Value << s.ns_per_day;
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
  e << YAML::EndMap;
  write_file_atomically(path, std::string(e.c_str()) + "\n");
}

std::vector<RunSession> read_run_sessions(const std::string& path, std::string* started_utc) {
  std::vector<RunSession> out;
  try {
    const YAML::Node n = YAML::LoadFile(path);
    if (started_utc && n["started_utc"]) *started_utc = n["started_utc"].as<std::string>();
    for (const auto& s : n["sessions"]) {
      RunSession r;
      r.host = s["host"].as<std::string>("");
      r.started_utc = s["started_utc"].as<std::string>("");
      r.ended_utc = s["ended_utc"].IsNull() ? "" : s["ended_utc"].as<std::string>("");
      r.status = s["status"].as<std::string>("");
      if (s["reason"]) r.reason = s["reason"].as<std::string>("");
      r.from_step = s["from_step"].as<long>(0);
      r.to_step = s["to_step"].as<long>(0);
      r.ns_per_day = s["ns_per_day"].as<double>(0);
      out.push_back(r);
    }
  } catch (const std::exception&) {
    // Unreadable or absent: start a fresh session list.
  }
  return out;
}

}  // namespace gb::runners
