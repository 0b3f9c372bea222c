#include "rundir/analysis_files.hpp"

#include <cmath>

#include "core/error.hpp"
#include "rundir/run_directory.hpp"

namespace gb::rundir {

namespace {
using nlohmann::json;

[[noreturn]] void missing(const std::string& path, const std::string& field, const char* what) {
  throw InputError({path, 0, 0}, field, what);
}

double num(const json& j, const char* key, const std::string& path, const std::string& prefix) {
  if (!j.contains(key)) missing(path, prefix + key, "missing");
  if (j[key].is_null()) return NAN;  // written for "undefined"
  if (!j[key].is_number()) missing(path, prefix + key, "expected a number");
  return j[key].get<double>();
}

std::optional<double> opt_num(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

bool flag(const json& j, const char* key, const std::string& path, const std::string& prefix) {
  if (!j.contains(key) || !j[key].is_boolean()) missing(path, prefix + key, "missing or not true/false");
  return j[key].get<bool>();
}

int version(const json& j) { return j.contains("schema_version") && j["schema_version"].is_number_integer() ? j["schema_version"].get<int>() : 1; }

void expect_object(const json& j, const std::string& path) {
  if (!j.is_object()) throw InputError({path, 0, 0}, "", "expected a JSON object");
  if (version(j) > kAnalysisSchemaVersion)
    throw InputError({path, 0, 0}, "schema_version", "written by a newer glassbench (version " +
                                                         std::to_string(version(j)) + ")");
}
}  // namespace

MsdFile msd_file_from_json(const json& j, const std::string& path) {
  expect_object(j, path);
  MsdFile m;
  m.schema_version = version(j);
  m.frames = static_cast<long>(num(j, "frames", path, ""));
  m.atoms = static_cast<long>(num(j, "atoms", path, ""));
  m.frame_interval_ps = num(j, "frame_interval_ps", path, "");
  if (!j.contains("species") || !j["species"].is_object()) missing(path, "species", "missing or not an object");
  for (const auto& [label, f] : j["species"].items()) {
    const std::string pre = "species." + label + ".";
    DiffusionRecord d;
    d.D_A2_per_ps = num(f, "D_A2_per_ps", path, pre);
    d.D_error_A2_per_ps = num(f, "D_error_A2_per_ps", path, pre);
    d.fit_from_ps = num(f, "fit_from_ps", path, pre);
    d.fit_to_ps = num(f, "fit_to_ps", path, pre);
    d.diffusive = flag(f, "diffusive", path, pre);
    m.species[label] = d;
  }
  if (j.contains("lindemann") && j["lindemann"].is_object()) m.lindemann_ratio = opt_num(j["lindemann"], "ratio");
  return m;
}

StringsFile strings_file_from_json(const json& j, const std::string& path) {
  expect_object(j, path);
  StringsFile s;
  s.schema_version = version(j);
  s.fast_threshold_A = num(j, "fast_threshold_A", path, "");
  s.string_threshold_A = num(j, "string_threshold_A", path, "");
  s.min_fast_per_origin = num(j, "min_fast_per_origin", path, "");
  s.frames = static_cast<long>(num(j, "frames", path, ""));
  s.atoms = static_cast<long>(num(j, "atoms", path, ""));
  s.frame_interval_ps = num(j, "frame_interval_ps", path, "");
  s.peak_found = flag(j, "peak_found", path, "");
  if (s.peak_found) {
    s.tau_string_ps = num(j, "tau_string_ps", path, "");
    s.peak_ratio = num(j, "peak_ratio", path, "");
    s.peak_n_fast = num(j, "peak_n_fast", path, "");
    if (s.schema_version >= 2) {
      s.peak_at_edge = flag(j, "peak_at_edge", path, "");
      s.tau_string_sigma_ln = num(j, "tau_string_sigma_ln", path, "");
      s.peak_ratio_sigma = num(j, "peak_ratio_sigma", path, "");
    } else {
      s.peak_at_edge = j.value("peak_at_last_lag", false);
    }
  }
  return s;
}

const OrderGroupRecord* OrderFile::group(const std::string& species, const std::string& mobility) const {
  for (const auto& g : groups)
    if (g.species == species && g.mobility == mobility) return &g;
  return nullptr;
}

OrderFile order_file_from_json(const json& j, const std::string& path) {
  expect_object(j, path);
  OrderFile o;
  o.schema_version = version(j);
  o.atoms = static_cast<long>(num(j, "atoms", path, ""));
  if (j.contains("source") && j["source"].is_object()) o.skipped_first_half = j["source"].value("skipped_first_half", false);
  if (!j.contains("groups") || !j["groups"].is_array()) missing(path, "groups", "missing or not a list");
  for (size_t i = 0; i < j["groups"].size(); ++i) {
    const json& g = j["groups"][i];
    const std::string pre = "groups[" + std::to_string(i) + "].";
    OrderGroupRecord r;
    if (!g.contains("species") || !g["species"].is_string()) missing(path, pre + "species", "missing");
    if (!g.contains("mobility") || !g["mobility"].is_string()) missing(path, pre + "mobility", "missing");
    r.species = g["species"].get<std::string>();
    r.mobility = g["mobility"].get<std::string>();
    r.atoms = static_cast<long>(num(g, "atoms", path, pre));
    if (g.contains("histograms") && g["histograms"].is_object())
      for (const auto& [q, h] : g["histograms"].items()) {
        const std::string hp = pre + "histograms." + q + ".";
        OrderHistogramRecord hr;
        hr.lo = num(h, "lo", path, hp);
        hr.hi = num(h, "hi", path, hp);
        hr.bin_width = num(h, "bin_width", path, hp);
        hr.finite = static_cast<long>(num(h, "finite", path, hp));
        if (h.contains("counts") && h["counts"].is_array())
          for (const auto& c : h["counts"]) hr.counts.push_back(c.get<double>());
        hr.mean = opt_num(h, "mean");
        hr.stddev = opt_num(h, "stddev");
        r.histograms[q] = hr;
      }
    auto nums = [&](const json& a, const std::string& field) {
      if (!a.is_array()) missing(path, field, "expected a list of numbers");
      std::vector<double> v;
      for (const auto& x : a) v.push_back(x.is_number() ? x.get<double>() : NAN);  // null: an origin without values
      return v;
    };
    if (g.contains("origin_means") && g["origin_means"].is_object())
      for (const auto& [q, a] : g["origin_means"].items()) r.origin_means[q] = nums(a, pre + "origin_means." + q);
    if (g.contains("sem") && g["sem"].is_object())
      for (const auto& [q, x] : g["sem"].items()) r.sem[q] = x.is_number() ? x.get<double>() : NAN;
    if (g.contains("origin_counts") && g["origin_counts"].contains("w6hat"))
      for (const auto& c : g["origin_counts"]["w6hat"])
        r.w6hat_origin_counts.push_back(nums(c, pre + "origin_counts.w6hat"));
    o.groups.push_back(r);
  }
  return o;
}

std::optional<MsdFile> read_msd_file(const std::string& path) {
  const auto j = read_json_file(path);
  if (!j) return std::nullopt;
  return msd_file_from_json(*j, path);
}

std::optional<StringsFile> read_strings_file(const std::string& path) {
  const auto j = read_json_file(path);
  if (!j) return std::nullopt;
  return strings_file_from_json(*j, path);
}

std::optional<OrderFile> read_order_file(const std::string& path) {
  const auto j = read_json_file(path);
  if (!j) return std::nullopt;
  return order_file_from_json(*j, path);
}

}  // namespace gb::rundir
