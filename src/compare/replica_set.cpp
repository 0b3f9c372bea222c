#include "compare/replica_set.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "compare/equivalence.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/provenance.hpp"
#include "core/text_util.hpp"
#include "rundir/layout.hpp"

namespace fs = std::filesystem;

namespace gb::compare {

std::string replica_dir(const std::string& root, int r) { return rundir::ReplicaSetLayout(root).replica(r); }

bool is_replica_set(const std::string& dir) { return rundir::ReplicaSetLayout::is_replica_set(dir); }

void write_replica_manifest(const std::string& root, const std::string& case_file, const std::string& case_name,
                            const std::string& engine, const std::vector<uint64_t>& seeds) {
  YAML::Emitter e;
  e << YAML::Comment(provenance_line("replica set"));
  e << YAML::BeginMap;
  e << YAML::Key << "case" << YAML::Value << case_file;
  e << YAML::Key << "case_name" << YAML::Value << case_name;
  e << YAML::Key << "engine" << YAML::Value << engine;
  e << YAML::Key << "replicas" << YAML::Value << seeds.size();
  e << YAML::Key << "seeds" << YAML::Value << YAML::Flow << seeds;
  e << YAML::Key << "directories" << YAML::Value << YAML::BeginSeq;
  for (size_t r = 0; r < seeds.size(); ++r) e << fmt::format("replica-{:02d}", r);
  e << YAML::EndSeq << YAML::EndMap;
  fs::create_directories(root);
  write_file_atomically(root + "/replicas.yaml", std::string(e.c_str()) + "\n");
}

namespace {
// Collect numeric leaves of a stage summary as "key" / "key.sub" paths.
void leaves(const nlohmann::json& j, const std::string& prefix, std::map<std::string, double>& out) {
  if (j.is_number()) {
    out[prefix] = j.get<double>();
  } else if (j.is_object()) {
    for (const auto& [k, v] : j.items()) leaves(v, prefix.empty() ? k : prefix + "." + k, out);
  }
}
}  // namespace

nlohmann::json pool_replica_analyses(const std::string& root) {
  std::vector<nlohmann::json> sums;
  for (int r = 0; fs::is_directory(replica_dir(root, r)); ++r) {
    const std::string p = rundir::RunLayout(replica_dir(root, r)).summary_json();
    if (!fs::exists(p)) throw InputError(SourceLocation{p, 0, 0}, "", "missing: run `glassbench analyze run` on it");
    try {
      sums.push_back(nlohmann::json::parse(read_text_file(p)));
    } catch (const nlohmann::json::exception& e) {
      throw InputError(SourceLocation{p, 0, 0}, "", std::string("bad JSON: ") + e.what());
    }
  }
  if (sums.empty()) throw InputError(SourceLocation{root, 0, 0}, "", "a replica set without replica-00/");
  // stage name -> key -> per-replica values
  std::map<std::string, std::map<std::string, std::vector<double>>> vals;
  std::vector<std::string> order;
  for (const auto& s : sums)
    for (const auto& st : s["stages"]) {
      const std::string name = st.value("name", "");
      if (!vals.count(name)) order.push_back(name);
      std::map<std::string, double> lv;
      for (const char* k : {"D_A2_per_ps", "tau_string_ps", "string_peak_ratio", "lindemann_ratio",
                            "gr_first_peak_A", "order", "T_K"})
        if (st.contains(k)) leaves(st[k], k, lv);
      for (const auto& [k, v] : lv)
        if (std::isfinite(v)) vals[name][k].push_back(v);
    }
  nlohmann::json out;
  out["provenance"] = {{"tool", glassbench_version_string()}, {"written_utc", utc_now_iso8601()}};
  out["replicas"] = sums.size();
  out["definition"] = "per stage and quantity: mean over replicas, standard error of that mean (sd/sqrt(n)), "
                      "n replicas with a value, and the values";
  out["stages"] = nlohmann::json::array();
  for (const auto& name : order) {
    nlohmann::json st = {{"name", name}};
    for (const auto& [k, v] : vals[name]) {
      const Estimate e = mean_estimate(v, k);
      st["quantities"][k] = {{"mean", e.value},
                             {"standard_error", e.has_error() ? nlohmann::json(e.se) : nlohmann::json(nullptr)},
                             {"n", v.size()},
                             {"values", v}};
    }
    out["stages"].push_back(st);
  }
  fs::create_directories(root + "/analysis");
  write_file_atomically(root + "/analysis/pooled.json", out.dump(2) + "\n");
  return out;
}

}  // namespace gb::compare
