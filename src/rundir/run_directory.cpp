#include "rundir/run_directory.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/text_util.hpp"
#include "rundir/thermo_log.hpp"

namespace gb::rundir {
namespace fs = std::filesystem;

std::optional<nlohmann::json> read_json_file(const std::string& path) {
  if (!fs::exists(path)) return std::nullopt;
  try {
    return nlohmann::json::parse(read_text_file(path));
  } catch (const nlohmann::json::parse_error& ex) {
    throw InputError({path, 0, 0}, "", std::string("malformed JSON: ") + ex.what());
  }
}

RunDirectory RunDirectory::load(const std::string& dir) {
  if (!fs::is_directory(dir)) throw InputError({dir, 0, 0}, "RUN_DIR", "not a directory");
  RunDirectory r(dir);
  const RunLayout& L = r.layout_;
  if (!fs::exists(L.provenance_yaml()) && !fs::is_directory(L.stages_dir()))
    throw InputError({dir, 0, 0}, "RUN_DIR",
                     "not a run directory (no provenance.yaml and no stages/; see docs/run-directory.md)");
  r.schema_version_ = L.read_schema_version();
  if (fs::exists(L.provenance_yaml())) r.provenance_text_ = read_text_file(L.provenance_yaml());
  if (fs::exists(L.case_yaml())) {
    r.case_text_ = read_text_file(L.case_yaml());
    try {
      const YAML::Node c = YAML::Load(r.case_text_);
      if (c.IsMap()) {
        if (c["name"] && c["name"].IsScalar()) r.case_name_ = c["name"].Scalar();
        if (c["protocol"] && c["protocol"].IsScalar() && c["protocol"].Scalar() == "chang2022") r.claims_paper_ = true;
        if (c["purpose"] && c["purpose"].IsScalar()) r.purpose_ = c["purpose"].Scalar();
        if (const YAML::Node t = c["tags"]; t && t.IsSequence())
          for (const auto& tag : t)
            if (tag.IsScalar() && tag.Scalar() == "paper") r.claims_paper_ = true;
      }
    } catch (const YAML::Exception& ex) {
      throw InputError({L.case_yaml(), ex.mark.line + 1, ex.mark.column + 1}, "", "YAML syntax error: " + ex.msg);
    }
  }
  if (r.case_name_.empty()) r.case_name_ = fs::path(dir).filename().string();
  if (r.case_name_.find("paper") != std::string::npos) r.claims_paper_ = true;

  std::optional<std::vector<ThermoLogRow>> thermo;  // read only when a record lacks achieved conditions
  for (const std::string& d : L.stage_dir_names()) {
    StageLayout files = L.stage(d);
    StageRecord rec;
    if (fs::exists(files.stage_yaml())) {
      rec = read_stage_record(files.stage_yaml());
    } else {  // stage in progress: name only
      rec.dir_name = d;
      const auto dash = d.find('-');
      rec.name = dash == std::string::npos ? d : d.substr(dash + 1);
    }
    if (rec.complete && rec.achieved.samples == 0 && fs::exists(L.thermo_csv())) {
      if (!thermo) thermo = read_thermo_log(L.thermo_csv());
      rec.achieved = achieved_conditions(*thermo, rec.name, rec.first_step + rec.equilibration_steps);
    }
    r.stages_.emplace_back(std::move(rec), std::move(files), L.analysis(d));
  }
  // Composition: type counts of the first stage's final state, names from stage.yaml.
  for (const auto& s : r.stages_) {
    const std::string data = s.files.final_data();
    if (!fs::exists(data)) continue;
    const AtomConfig cfg = read_lammps_data(data);
    const std::vector<std::string>& names = s.elements.empty() ? cfg.type_names : s.elements;
    for (int t : cfg.types) {
      const std::string el =
          (t >= 1 && t <= static_cast<int>(names.size())) ? names[static_cast<size_t>(t - 1)] : "type" + std::to_string(t);
      r.composition_[el]++;
    }
    break;
  }
  return r;
}

std::vector<const Stage*> RunDirectory::stages_of(StageKind k) const {
  std::vector<const Stage*> out;
  for (const auto& s : stages_)
    if (s.complete && s.is(k)) out.push_back(&s);
  return out;
}

std::vector<const Stage*> RunDirectory::isothermal_stages() const {
  auto out = stages_of(StageKind::Isothermal);
  std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->temperature_K() > b->temperature_K(); });
  return out;
}

long RunDirectory::atoms() const {
  long n = 0;
  for (const auto& [el, c] : composition_) n += c;
  return n;
}

std::string RunDirectory::formula() const {
  const long n = atoms();
  if (n == 0) return "unknown";
  std::string f;
  for (const auto& [el, c] : composition_) f += el + fmt::format("{:g}", std::round(1000.0 * c / n) / 10.0);
  return f;
}

const Stage* RunDirectory::nearest_stage(double T_K, const StageFilter& usable) const {
  const Stage* best = nullptr;
  // Quench stages ramp through temperatures: they have no single T to be near.
  auto score = [&](const Stage& s) {
    return std::fabs(s.temperature_K() - T_K) + (s.is(StageKind::Isothermal) ? 0.0 : 1e-6);
  };
  for (const auto& s : stages_) {
    if (!s.complete || s.is(StageKind::Quench) || !usable(s)) continue;
    if (!best || score(s) < score(*best)) best = &s;
  }
  return best;
}

const Stage* RunDirectory::nearest_stage_with(double T_K, AnalysisFile f) const {
  return nearest_stage(T_K, [f](const Stage& s) { return s.has(f); });
}

const Stage* RunDirectory::hottest_stage(const StageFilter& usable) const {
  const Stage* best = nullptr;
  for (const auto& s : stages_) {
    if (!s.complete || s.is(StageKind::Quench) || !usable(s)) continue;
    // Ties go to an isotherm (the same rule as nearest_stage): an equilibrate
    // stage at the same temperature starts from a fresh, minimised structure.
    if (!best || s.temperature_K() > best->temperature_K() ||
        (s.temperature_K() == best->temperature_K() && s.is(StageKind::Isothermal) && !best->is(StageKind::Isothermal)))
      best = &s;
  }
  return best;
}

const Stage* RunDirectory::hottest_stage_with(AnalysisFile f) const {
  return hottest_stage([f](const Stage& s) { return s.has(f); });
}



}  // namespace gb::rundir
