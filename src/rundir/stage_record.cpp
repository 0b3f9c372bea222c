#include "rundir/stage_record.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/text_parse.hpp"
#include "rundir/layout.hpp"

namespace gb::rundir {

namespace {

SourceLocation at(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return m.line < 0 ? SourceLocation{file, 0, 0} : SourceLocation{file, m.line + 1, m.column + 1};
}

std::optional<double> opt_number(const std::string& file, const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n || n.IsNull()) return std::nullopt;
  double v = 0;
  if (!n.IsScalar() || !parse_finite_double(n.Scalar(), v)) throw InputError(at(file, n), key, "expected a finite number");
  return v;
}

double number(const std::string& file, const YAML::Node& map, const char* key, double fallback) {
  return opt_number(file, map, key).value_or(fallback);
}

long whole(const std::string& file, const YAML::Node& map, const char* key, long fallback) {
  const auto v = opt_number(file, map, key);
  if (!v) return fallback;
  if (*v != std::floor(*v)) throw InputError(at(file, map[key]), key, "expected a whole number");
  return static_cast<long>(*v);
}

std::string text(const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  return n && n.IsScalar() ? n.Scalar() : std::string();
}

bool flag(const std::string& file, const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n || n.IsNull()) return false;
  try {
    return n.as<bool>();
  } catch (const YAML::Exception&) {
    throw InputError(at(file, n), key, "expected true or false");
  }
}

// Keys this module writes itself; anything else numeric at top level is a kind parameter.
const char* const kKnownKeys[] = {"schema_version", "name", "kind", "ensemble", "T_start_K", "T_end_K", "pressure_bar",
                                  "timestep_ps", "steps", "first_step", "first_time_ps", "equilibration_steps",
                                  "thermo_interval_steps", "dump_interval_steps", "frames", "trajectory",
                                  "velocity_dump_interval_steps", "velocity_frames", "elements", "started_from",
                                  "velocities_reassigned", "thermostat", "barostat_interval_steps", "achieved",
                                  "volume", "volume_source"};

}  // namespace

std::string stage_record_yaml(const StageRecord& r, const std::string& provenance_comment) {
  YAML::Emitter e;
  e.SetDoublePrecision(15);
  if (!provenance_comment.empty()) e << YAML::Comment(provenance_comment);
  e << YAML::BeginMap;
  e << YAML::Key << "schema_version" << YAML::Value << kSchemaVersion;
  e << YAML::Key << "name" << YAML::Value << r.name;
  e << YAML::Key << "kind" << YAML::Value << (r.kind ? stage_kind_name(*r.kind) : r.kind_name);
  e << YAML::Key << "ensemble" << YAML::Value << r.ensemble;
  e << YAML::Key << "T_start_K" << YAML::Value << r.T_start_K;
  e << YAML::Key << "T_end_K" << YAML::Value << r.T_end_K;
  e << YAML::Key << "pressure_bar" << YAML::Value;
  if (r.pressure_bar) e << *r.pressure_bar;
  else e << YAML::Null;
  e << YAML::Key << "timestep_ps" << YAML::Value << r.timestep_ps;
  e << YAML::Key << "steps" << YAML::Value << r.steps;
  e << YAML::Key << "first_step" << YAML::Value << r.first_step;
  e << YAML::Key << "first_time_ps" << YAML::Value << r.first_time_ps;
  e << YAML::Key << "equilibration_steps" << YAML::Value << r.equilibration_steps;
  e << YAML::Key << "thermo_interval_steps" << YAML::Value << r.thermo_interval_steps;
  e << YAML::Key << "dump_interval_steps" << YAML::Value << r.dump_interval_steps;
  e << YAML::Key << "frames" << YAML::Value << r.frames;
  e << YAML::Key << "trajectory" << YAML::Value;
  if (r.trajectory.empty()) e << YAML::Null;
  else e << r.trajectory;
  e << YAML::Key << "velocity_dump_interval_steps" << YAML::Value << r.velocity_dump_interval_steps;
  e << YAML::Key << "velocity_frames" << YAML::Value << r.velocity_frames;
  e << YAML::Key << "elements" << YAML::Value << YAML::Flow << r.elements;
  e << YAML::Key << "started_from" << YAML::Value;
  if (r.started_from.empty()) e << YAML::Null;
  else e << r.started_from;
  e << YAML::Key << "velocities_reassigned" << YAML::Value << r.velocities_reassigned;
  e << YAML::Key << "thermostat" << YAML::Value << YAML::Flow << YAML::BeginMap;
  e << YAML::Key << "kind" << YAML::Value << r.thermostat_kind;
  e << YAML::Key << "time_constant_ps" << YAML::Value << r.thermostat_time_constant_ps << YAML::EndMap;
  e << YAML::Key << "barostat_interval_steps" << YAML::Value;
  if (r.barostat_interval_steps) e << *r.barostat_interval_steps;
  else e << YAML::Null;
  for (const auto& [k, v] : r.parameters) e << YAML::Key << k << YAML::Value << v;
  e << YAML::Key << "volume" << YAML::Value;
  if (r.volume.empty()) e << YAML::Null;
  else e << r.volume;
  e << YAML::Key << "volume_source" << YAML::Value;
  if (r.volume_source.empty()) e << YAML::Null;
  else e << r.volume_source;
  e << YAML::Key << "achieved" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "thermo_rows" << YAML::Value << r.achieved.samples;
  if (r.achieved.samples > 0) {
    e << YAML::Key << "T_mean_K" << YAML::Value << r.achieved.T_mean_K;
    e << YAML::Key << "T_sd_K" << YAML::Value << r.achieved.T_sd_K;
    e << YAML::Key << "P_mean_bar" << YAML::Value << r.achieved.P_mean_bar;
    e << YAML::Key << "P_sd_bar" << YAML::Value << r.achieved.P_sd_bar;
    e << YAML::Key << "volume_mean_A3" << YAML::Value << r.achieved.volume_mean_A3;
    e << YAML::Key << "T_last_K" << YAML::Value << r.achieved.T_last_K;
    e << YAML::Key << "P_last_bar" << YAML::Value << r.achieved.P_last_bar;
  }
  e << YAML::EndMap;
  e << YAML::EndMap;
  return std::string(e.c_str()) + "\n";
}

StageRecord read_stage_record(const std::string& file) {
  StageRecord s;
  const std::filesystem::path p(file);
  s.dir_name = p.parent_path().filename().string();
  YAML::Node y;
  try {
    y = YAML::LoadFile(file);
  } catch (const YAML::BadFile&) {
    throw InputError({file, 0, 0}, "", "cannot read the stage record");
  } catch (const YAML::Exception& ex) {
    throw InputError({file, ex.mark.line + 1, ex.mark.column + 1}, "", "YAML syntax error: " + ex.msg);
  }
  if (!y.IsMap()) throw InputError({file, 1, 1}, "", "expected a map");
  s.complete = true;
  s.schema_version = static_cast<int>(whole(file, y, "schema_version", 1));
  if (s.schema_version > kSchemaVersion)
    throw InputError(at(file, y["schema_version"]), "schema_version",
                     "written by a newer glassbench (version " + std::to_string(s.schema_version) + ", this build reads up to " +
                         std::to_string(kSchemaVersion) + ")");
  const auto dash = s.dir_name.find('-');
  s.name = text(y, "name");
  if (s.name.empty()) s.name = dash == std::string::npos ? s.dir_name : s.dir_name.substr(dash + 1);
  s.kind_name = text(y, "kind");
  if (s.kind_name.empty()) throw InputError({file, 1, 1}, "kind", "missing");
  s.kind = stage_kind_from_name(s.kind_name);
  s.ensemble = text(y, "ensemble");
  std::transform(s.ensemble.begin(), s.ensemble.end(), s.ensemble.begin(), ::toupper);
  s.T_start_K = number(file, y, "T_start_K", 0);
  s.T_end_K = number(file, y, "T_end_K", s.T_start_K);
  s.pressure_bar = opt_number(file, y, "pressure_bar");
  s.timestep_ps = number(file, y, "timestep_ps", 0);
  if (!(s.timestep_ps > 0)) throw InputError(at(file, y["timestep_ps"]), "timestep_ps", "missing or not positive");
  s.steps = whole(file, y, "steps", 0);
  s.first_step = whole(file, y, "first_step", 0);
  s.first_time_ps = number(file, y, "first_time_ps", 0);
  s.equilibration_steps = whole(file, y, "equilibration_steps", 0);
  s.thermo_interval_steps = whole(file, y, "thermo_interval_steps", 0);
  s.dump_interval_steps = whole(file, y, "dump_interval_steps", 0);
  s.frames = static_cast<int>(whole(file, y, "frames", 0));
  s.trajectory = text(y, "trajectory");
  s.velocity_dump_interval_steps = whole(file, y, "velocity_dump_interval_steps", 0);
  s.velocity_frames = static_cast<int>(whole(file, y, "velocity_frames", 0));
  if (const YAML::Node e = y["elements"]; e && e.IsSequence())
    for (const auto& el : e) s.elements.push_back(el.Scalar());
  s.started_from = text(y, "started_from");
  s.velocities_reassigned = flag(file, y, "velocities_reassigned");
  if (const YAML::Node t = y["thermostat"]; t && t.IsMap()) {
    s.thermostat_kind = text(t, "kind");
    s.thermostat_time_constant_ps = number(file, t, "time_constant_ps", 0);
  }
  if (const auto b = opt_number(file, y, "barostat_interval_steps")) s.barostat_interval_steps = static_cast<long>(*b);
  s.volume = text(y, "volume");
  s.volume_source = text(y, "volume_source");
  for (const auto& kv : y) {
    const std::string k = kv.first.Scalar();
    if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), k) != std::end(kKnownKeys)) continue;
    if (kv.second.IsScalar()) s.parameters[k] = number(file, y, k.c_str(), 0);
  }
  if (const YAML::Node a = y["achieved"]; a && a.IsMap()) {
    s.achieved.samples = whole(file, a, "thermo_rows", 0);
    if (s.achieved.samples > 0) {
      s.achieved.T_mean_K = number(file, a, "T_mean_K", NAN);
      s.achieved.T_sd_K = number(file, a, "T_sd_K", NAN);
      s.achieved.P_mean_bar = number(file, a, "P_mean_bar", NAN);
      s.achieved.P_sd_bar = number(file, a, "P_sd_bar", NAN);
      s.achieved.volume_mean_A3 = number(file, a, "volume_mean_A3", NAN);
      s.achieved.T_last_K = number(file, a, "T_last_K", NAN);
      s.achieved.P_last_bar = number(file, a, "P_last_bar", NAN);
    }
  }
  return s;
}

}  // namespace gb::rundir
