#include "core/text_util.hpp"
#include "validation/run_directory.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/text_parse.hpp"

namespace gb::validation {
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) { return gb::read_text_file(p.string()); }

SourceLocation at(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return m.line < 0 ? SourceLocation{file, 0, 0} : SourceLocation{file, m.line + 1, m.column + 1};
}

double yaml_number(const std::string& file, const YAML::Node& map, const char* key, double fallback) {
  YAML::Node n = map[key];
  if (!n || n.IsNull()) return fallback;
  double v = 0;
  if (!n.IsScalar() || !parse_finite_double(n.Scalar(), v))
    throw InputError(at(file, n), key, "expected a finite number");
  return v;
}

YAML::Node load_yaml(const std::string& file) {
  try {
    return YAML::LoadFile(file);
  } catch (const YAML::Exception& ex) {
    throw InputError({file, ex.mark.line + 1, ex.mark.column + 1}, "", "YAML syntax error: " + ex.msg);
  }
}

StageRecord read_stage(const fs::path& run, const fs::path& stage_dir) {
  StageRecord s;
  s.dir_name = stage_dir.filename().string();
  s.path = stage_dir.string();
  s.analysis_path = (run / "analysis" / s.dir_name).string();
  const auto dash = s.dir_name.find('-');
  s.name = dash == std::string::npos ? s.dir_name : s.dir_name.substr(dash + 1);
  const std::string file = (stage_dir / "stage.yaml").string();
  if (!fs::exists(file)) return s;  // stage without stage.yaml: name only (probes skip)
  YAML::Node y = load_yaml(file);
  if (!y.IsMap()) throw InputError({file, 1, 1}, "", "expected a map");
  if (y["name"] && y["name"].IsScalar()) s.name = y["name"].Scalar();
  if (y["kind"] && y["kind"].IsScalar()) s.kind = y["kind"].Scalar();
  if (y["ensemble"] && y["ensemble"].IsScalar()) s.ensemble = y["ensemble"].Scalar();
  s.T_start_K = yaml_number(file, y, "T_start_K", 0);
  s.T_end_K = yaml_number(file, y, "T_end_K", s.T_start_K);
  s.pressure_bar = yaml_number(file, y, "pressure_bar", 0);
  s.timestep_ps = yaml_number(file, y, "timestep_ps", 0);
  s.steps = static_cast<long>(yaml_number(file, y, "steps", 0));
  if (YAML::Node e = y["elements"]; e && e.IsSequence())
    for (const auto& el : e) s.elements.push_back(el.Scalar());
  s.first_step = static_cast<long>(yaml_number(file, y, "first_step", -1));
  s.equilibration_steps = static_cast<long>(yaml_number(file, y, "equilibration_steps", 0));
  s.has_pressure_set_point = y["pressure_bar"] && !y["pressure_bar"].IsNull();
  if (YAML::Node t = y["thermostat"]; t && t.IsMap()) {
    if (t["kind"] && t["kind"].IsScalar()) s.thermostat = t["kind"].Scalar();
    s.thermostat_time_constant_ps = yaml_number(file, t, "time_constant_ps", NAN);
  }
  if (y["volume"] && y["volume"].IsScalar()) s.volume = y["volume"].Scalar();
  std::transform(s.ensemble.begin(), s.ensemble.end(), s.ensemble.begin(), ::toupper);
  return s;
}

}  // namespace

std::string StageRecord::trajectory() const {
  for (const char* f : {"trajectory.dump", "trajectory.dump.gz"})
    if (fs::exists(fs::path(path) / f)) return (fs::path(path) / f).string();
  return "";
}

RunDirectory RunDirectory::load(const std::string& dir) {
  const fs::path run(dir);
  if (!fs::is_directory(run)) throw InputError({dir, 0, 0}, "RUN_DIR", "not a directory");
  if (!fs::exists(run / "provenance.yaml") && !fs::is_directory(run / "stages"))
    throw InputError({dir, 0, 0}, "RUN_DIR",
                     "not a run directory (no provenance.yaml and no stages/; see docs/run-directory.md)");
  RunDirectory r;
  r.path_ = dir;
  if (fs::exists(run / "provenance.yaml")) r.provenance_text_ = slurp(run / "provenance.yaml");
  if (fs::exists(run / "case.yaml")) {
    r.case_text_ = slurp(run / "case.yaml");
    try {
      YAML::Node c = YAML::Load(r.case_text_);
      if (c.IsMap()) {
        if (c["name"] && c["name"].IsScalar()) r.case_name_ = c["name"].Scalar();
        if (c["protocol"] && c["protocol"].IsScalar() && c["protocol"].Scalar() == "chang2022") r.claims_paper_ = true;
        if (c["purpose"] && c["purpose"].IsScalar()) r.purpose_ = c["purpose"].Scalar();
        if (YAML::Node t = c["tags"]; t && t.IsSequence())
          for (const auto& tag : t)
            if (tag.IsScalar() && tag.Scalar() == "paper") r.claims_paper_ = true;
      }
    } catch (const YAML::Exception& ex) {
      throw InputError({(run / "case.yaml").string(), ex.mark.line + 1, ex.mark.column + 1}, "", "YAML syntax error: " + ex.msg);
    }
  }
  if (r.case_name_.empty()) r.case_name_ = run.filename().string();
  if (r.case_name_.find("paper") != std::string::npos) r.claims_paper_ = true;
  if (fs::is_directory(run / "stages")) {
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(run / "stages"))
      if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (const auto& d : dirs) r.stages_.push_back(read_stage(run, d));
  }
  // Composition: type counts of the first stage's final state, names from stage.yaml.
  for (const auto& s : r.stages_) {
    const fs::path data = fs::path(s.path) / "final.data";
    if (!fs::exists(data)) continue;
    AtomConfig cfg = read_lammps_data(data.string());
    std::vector<std::string> names = s.elements.empty() ? cfg.type_names : s.elements;
    for (int t : cfg.types) {
      const std::string el = (t >= 1 && t <= static_cast<int>(names.size())) ? names[t - 1] : "type" + std::to_string(t);
      r.composition_[el]++;
    }
    break;
  }
  return r;
}

long RunDirectory::atoms() const {
  long n = 0;
  for (auto& [el, c] : composition_) n += c;
  return n;
}

std::string RunDirectory::formula() const {
  const long n = atoms();
  if (n == 0) return "unknown";
  std::string f;
  for (auto& [el, c] : composition_) f += el + fmt::format("{:g}", std::round(1000.0 * c / n) / 10.0);
  return f;
}

std::vector<const StageRecord*> RunDirectory::isothermal_stages() const {
  std::vector<const StageRecord*> out;
  for (const auto& s : stages_)
    if (s.kind == "isothermal") out.push_back(&s);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->temperature_K() > b->temperature_K(); });
  return out;
}

bool RunDirectory::has_analysis_file(const StageRecord& s, const std::string& file) const {
  return fs::exists(fs::path(s.analysis_path) / file);
}

const StageRecord* RunDirectory::nearest_stage_with(double T_K, const std::string& file) const {
  const StageRecord* best = nullptr;
  auto score = [&](const StageRecord& s) {
    return std::fabs(s.temperature_K() - T_K) + (s.kind == "isothermal" ? 0.0 : 1e-6);
  };
  for (const auto& s : stages_) {
    if (s.kind == "quench" || !has_analysis_file(s, file)) continue;
    if (!best || score(s) < score(*best)) best = &s;
  }
  return best;
}

const StageRecord* RunDirectory::hottest_stage_with(const std::string& file) const {
  const StageRecord* best = nullptr;
  for (const auto& s : stages_) {
    if (s.kind == "quench" || !has_analysis_file(s, file)) continue;
    // Ties go to an isotherm: an equilibrate stage at the same temperature
    // starts from a fresh (energy-minimised) structure.
    if (!best || s.temperature_K() > best->temperature_K() ||
        (s.temperature_K() == best->temperature_K() && s.kind == "isothermal" && best->kind != "isothermal"))
      best = &s;
  }
  return best;
}

std::optional<nlohmann::json> RunDirectory::analysis_json(const StageRecord& s, const std::string& file) const {
  const fs::path p = fs::path(s.analysis_path) / file;
  if (!fs::exists(p)) return std::nullopt;
  try {
    return nlohmann::json::parse(slurp(p));
  } catch (const nlohmann::json::parse_error& ex) {
    throw InputError({p.string(), 0, 0}, "", std::string("malformed JSON: ") + ex.what());
  }
}

std::optional<nlohmann::json> RunDirectory::summary() const {
  const fs::path p = fs::path(path_) / "analysis" / "summary.json";
  if (!fs::exists(p)) return std::nullopt;
  try {
    return nlohmann::json::parse(slurp(p));
  } catch (const nlohmann::json::parse_error& ex) {
    throw InputError({p.string(), 0, 0}, "", std::string("malformed JSON: ") + ex.what());
  }
}

std::map<std::string, double> parse_formula(const std::string& formula) {
  std::map<std::string, double> out;
  size_t i = 0;
  double total = 0;
  while (i < formula.size()) {
    if (!std::isupper(static_cast<unsigned char>(formula[i])))
      throw InputError("system '" + formula + "': expected an element symbol at position " + std::to_string(i + 1));
    std::string el(1, formula[i++]);
    while (i < formula.size() && std::islower(static_cast<unsigned char>(formula[i]))) el += formula[i++];
    size_t j = i;
    while (j < formula.size() && (std::isdigit(static_cast<unsigned char>(formula[j])) || formula[j] == '.')) ++j;
    double amount = 1;
    if (j > i && !parse_finite_double(formula.substr(i, j - i), amount))
      throw InputError("system '" + formula + "': bad amount for " + el);
    i = j;
    out[el] += amount;
    total += amount;
  }
  if (out.empty() || total <= 0) throw InputError("system '" + formula + "': empty formula");
  for (auto& [el, a] : out) a /= total;
  return out;
}

bool same_system(const std::map<std::string, double>& a, const std::map<std::string, double>& b, double tol) {
  if (a.size() != b.size()) return false;
  for (auto& [el, f] : a) {
    auto it = b.find(el);
    if (it == b.end() || std::fabs(it->second - f) > tol) return false;
  }
  return true;
}

}  // namespace gb::validation
