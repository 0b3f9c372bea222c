#include "validation/reference_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <yaml-cpp/yaml.h>

#include "core/text_parse.hpp"

namespace gb::validation {
namespace {

SourceLocation at(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

std::string scalar(const std::string& file, const YAML::Node& n, const std::string& field) {
  if (!n.IsScalar()) throw InputError(at(file, n), field, "expected a scalar (text or number)");
  return n.Scalar();
}

double number(const std::string& file, const YAML::Node& n, const std::string& field) {
  const std::string s = scalar(file, n, field);
  double v = 0;
  if (!parse_finite_double(s, v)) throw InputError(at(file, n), field, "expected a finite number, got '" + s + "'");
  return v;
}

std::optional<double> optional_number(const std::string& file, const YAML::Node& n, const std::string& field) {
  if (!n || n.IsNull()) return std::nullopt;
  return number(file, n, field);
}

void reject_unknown(const std::string& file, const YAML::Node& map, const std::set<std::string>& known,
                    const std::string& prefix) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (!known.count(key)) {
      std::string list;
      for (auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw InputError(at(file, it->first), prefix + key, "unknown key (known: " + list + ")");
    }
  }
}

Tolerance parse_tolerance(const std::string& file, const YAML::Node& n) {
  if (!n.IsMap()) throw InputError(at(file, n), "tolerance", "expected a map like {kind: absolute, value: 0.05}");
  reject_unknown(file, n, {"kind", "value", "min", "max", "expect"}, "tolerance.");
  if (!n["kind"]) throw InputError(at(file, n), "tolerance.kind", "missing (absolute|relative|interval|sign|relation|information)");
  const std::string kind = scalar(file, n["kind"], "tolerance.kind");
  Tolerance t;
  auto need_value = [&](const char* what) {
    if (!n["value"]) throw InputError(at(file, n), "tolerance.value", std::string("missing (") + what + ")");
    t.value = number(file, n["value"], "tolerance.value");
    if (t.value < 0) throw InputError(at(file, n["value"]), "tolerance.value", "must be >= 0");
  };
  if (kind == "absolute") {
    t.kind = Tolerance::Kind::Absolute;
    need_value("half-width in the reference's units");
  } else if (kind == "relative") {
    t.kind = Tolerance::Kind::Relative;
    need_value("fraction of the reference value, e.g. 0.1 for 10%");
  } else if (kind == "interval") {
    t.kind = Tolerance::Kind::Interval;
    t.min = optional_number(file, n["min"], "tolerance.min");
    t.max = optional_number(file, n["max"], "tolerance.max");
    if (!t.min && !t.max) throw InputError(at(file, n), "tolerance", "interval needs min and/or max");
    if (t.min && t.max && *t.min > *t.max) throw InputError(at(file, n["min"]), "tolerance.min", "min > max");
  } else if (kind == "sign") {
    t.kind = Tolerance::Kind::Sign;
    if (!n["expect"]) throw InputError(at(file, n), "tolerance.expect", "missing (positive|negative)");
    const std::string e = scalar(file, n["expect"], "tolerance.expect");
    if (e == "positive") t.expect_sign = 1;
    else if (e == "negative") t.expect_sign = -1;
    else throw InputError(at(file, n["expect"]), "tolerance.expect", "expected positive or negative, got '" + e + "'");
  } else if (kind == "relation") {
    t.kind = Tolerance::Kind::Relation;
  } else if (kind == "information") {
    t.kind = Tolerance::Kind::Information;
  } else {
    throw InputError(at(file, n["kind"]), "tolerance.kind",
                     "unknown kind '" + kind + "' (absolute|relative|interval|sign|relation|information)");
  }
  return t;
}

Reference parse_entry(const std::string& file, const YAML::Node& e, int index) {
  const std::string where_field = "references[" + std::to_string(index) + "]";
  if (!e.IsMap()) throw InputError(at(file, e), where_field, "expected a map (one reference)");
  reject_unknown(file, e,
                 {"id", "quantity", "system", "conditions", "value", "uncertainty", "uncertainty_note", "units",
                  "source", "origin", "tolerance", "reason", "check"},
                 "");
  Reference r;
  r.where = at(file, e);
  auto required = [&](const char* key) -> YAML::Node {
    YAML::Node n = e[key];
    if (!n || n.IsNull()) throw InputError(at(file, e), key, "missing (required in every reference)");
    return n;
  };
  r.id = scalar(file, required("id"), "id");
  const std::string pfx = r.id + ".";
  r.quantity = scalar(file, required("quantity"), pfx + "quantity");
  r.system = scalar(file, required("system"), pfx + "system");
  if (e["conditions"]) r.conditions = scalar(file, e["conditions"], pfx + "conditions");
  if (!e["value"]) throw InputError(at(file, e), pfx + "value", "missing (use `value: null` for a trend assertion)");
  r.value = optional_number(file, e["value"], pfx + "value");
  r.uncertainty = optional_number(file, e["uncertainty"], pfx + "uncertainty");
  if (r.uncertainty && *r.uncertainty < 0)
    throw InputError(at(file, e["uncertainty"]), pfx + "uncertainty", "must be >= 0");
  if (e["uncertainty_note"]) r.uncertainty_note = scalar(file, e["uncertainty_note"], pfx + "uncertainty_note");
  r.units = scalar(file, required("units"), pfx + "units");
  r.source = scalar(file, required("source"), pfx + "source");
  if (e["origin"]) {
    r.origin = scalar(file, e["origin"], pfx + "origin");
    if (r.origin != "published" && r.origin != "transferred" && r.origin != "self-consistency")
      throw InputError(at(file, e["origin"]), pfx + "origin", "expected published, transferred or self-consistency");
  }
  r.tolerance = parse_tolerance(file, required("tolerance"));
  r.reason = scalar(file, required("reason"), pfx + "reason");
  const bool needs_value = r.tolerance.kind == Tolerance::Kind::Absolute || r.tolerance.kind == Tolerance::Kind::Relative;
  if (needs_value && !r.value)
    throw InputError(at(file, e["value"]), pfx + "value",
                     std::string("a ") + tolerance_kind_name(r.tolerance.kind) + " tolerance needs a numeric value");
  if (YAML::Node c = e["check"]) {
    if (!c.IsMap()) throw InputError(at(file, c), pfx + "check", "expected a map like {probe: NAME, ...}");
    if (!c["probe"]) throw InputError(at(file, c), pfx + "check.probe", "missing");
    for (auto it = c.begin(); it != c.end(); ++it) {
      const std::string key = it->first.Scalar();
      const std::string val = scalar(file, it->second, pfx + "check." + key);
      if (key == "probe") r.probe = val;
      else r.params[key] = val;
    }
    if (r.probe == "documentary") r.probe.clear();
  } else if (r.tolerance.kind != Tolerance::Kind::Relation) {
    throw InputError(at(file, e), pfx + "check", "missing (how glassbench computes this value; probe: documentary if none)");
  }
  return r;
}

}  // namespace

std::vector<Reference> load_reference_file(const std::string& path) {
  if (!std::filesystem::exists(path)) throw InputError({path, 0, 0}, "", "reference file not found");
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& ex) {
    throw InputError({path, ex.mark.line + 1, ex.mark.column + 1}, "", "YAML syntax error: " + ex.msg);
  }
  if (!root.IsMap()) throw InputError({path, 1, 1}, "", "expected a map with `references:`");
  reject_unknown(path, root, {"file", "references"}, "");
  YAML::Node list = root["references"];
  if (!list || !list.IsSequence()) throw InputError(at(path, root), "references", "missing or not a list");
  std::vector<Reference> out;
  std::set<std::string> ids;
  int k = 0;
  for (const auto& e : list) {
    Reference r = parse_entry(path, e, k++);
    if (!ids.insert(r.id).second) throw InputError(r.where, "id", "duplicate id '" + r.id + "'");
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Reference> load_reference_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw InputError({dir, 0, 0}, "--references", "not a directory");
  std::vector<std::string> files;
  for (const auto& ent : fs::directory_iterator(dir))
    if (ent.is_regular_file() && ent.path().extension() == ".yaml") files.push_back(ent.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw InputError({dir, 0, 0}, "--references", "no *.yaml reference files in this directory");
  std::vector<Reference> all;
  std::map<std::string, SourceLocation> seen;
  for (const auto& f : files) {
    for (auto& r : load_reference_file(f)) {
      auto [it, fresh] = seen.emplace(r.id, r.where);
      if (!fresh) throw InputError(r.where, "id", "duplicate id '" + r.id + "' (also at " + it->second.str() + ")");
      all.push_back(std::move(r));
    }
  }
  return all;
}

}  // namespace gb::validation
