#include "cases/yaml_field.hpp"

#include <cmath>
#include <set>

#include "cases/internal/did_you_mean.hpp"
#include "core/text_parse.hpp"

namespace gb::cases {

YamlField::YamlField(YAML::Node node, std::string file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {
  if (node_.IsDefined()) mark_ = node_.Mark();
}

YamlField& YamlField::operator=(const YamlField& other) {
  if (this == &other) return *this;
  node_.reset(other.node_);  // rebind; never write through to the shared node
  file_ = other.file_;
  path_ = other.path_;
  mark_ = other.mark_;
  return *this;
}

YamlField& YamlField::operator=(YamlField&& other) {
  if (this == &other) return *this;
  node_.reset(other.node_);
  file_ = std::move(other.file_);
  path_ = std::move(other.path_);
  mark_ = other.mark_;
  return *this;
}

SourceLocation YamlField::location() const {
  SourceLocation loc;
  loc.file = file_;
  if (!mark_.is_null() && mark_.line >= 0) {
    loc.line = mark_.line + 1;
    loc.column = mark_.column + 1;
  }
  return loc;
}

void YamlField::fail(const std::string& message) const {
  throw InputError(location(), path_.empty() ? std::string("(top level)") : path_, message);
}

static std::string join_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

static std::string describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return "'" + n.Scalar() + "'";
    default: return "nothing";
  }
}

void YamlField::expect_map(const std::vector<std::string>& allowed) const {
  if (!node_.IsMap()) fail("expected a mapping (key: value lines), got " + describe(node_));
  std::set<std::string> seen;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    // By value: it->first lives in a proxy that dies with this statement
    // (ASan stack-use-after-scope found by fuzz_case, issue 13).
    const YAML::Node k = it->first;
    const std::string key = k.IsScalar() ? k.Scalar() : std::string("?");
    YamlField kf(k, file_, join_path(path_, key));
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (!known) {
      std::string msg = "unknown key \"" + key + "\"";
      const std::string guess = closest_match(key, allowed);
      if (!guess.empty()) msg += "; did you mean \"" + guess + "\"?";
      else {
        msg += "; expected one of:";
        for (const auto& a : allowed) msg += " " + a;
      }
      kf.fail(msg);
    }
    if (!seen.insert(key).second) kf.fail("key \"" + key + "\" appears twice");
  }
}

void YamlField::expect_sequence() const {
  if (!node_.IsSequence()) fail("expected a list, got " + describe(node_));
}

bool YamlField::has(const std::string& key) const {
  return node_.IsMap() && node_[key].IsDefined() && !node_[key].IsNull();
}

YamlField YamlField::child(const std::string& key) const {
  YAML::Node n = node_.IsMap() ? node_[key] : YAML::Node(YAML::NodeType::Undefined);
  YamlField f(n, file_, join_path(path_, key));
  if (!n.IsDefined()) f.mark_ = mark_;
  return f;
}

YamlField YamlField::require(const std::string& key) const {
  YamlField f = child(key);
  if (!f.node_.IsDefined() || f.node_.IsNull()) f.fail("missing required key \"" + key + "\"");
  return f;
}

YamlField YamlField::at(size_t index) const {
  return YamlField(node_[index], file_, path_ + "[" + std::to_string(index) + "]");
}

std::vector<std::pair<std::string, YamlField>> YamlField::entries() const {
  std::vector<std::pair<std::string, YamlField>> out;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const std::string key = it->first.Scalar();
    YamlField f(it->second, file_, join_path(path_, key));
    if (it->second.IsNull()) f.mark_ = it->first.Mark();
    out.emplace_back(key, f);
  }
  return out;
}

std::string YamlField::as_string() const {
  if (!node_.IsScalar()) fail("expected a text value, got " + describe(node_));
  return node_.Scalar();
}

long YamlField::as_integer() const {
  long v = 0;
  if (!node_.IsScalar() || !parse_long(node_.Scalar(), v)) fail("expected a whole number, got " + describe(node_));
  return v;
}

double YamlField::as_real() const {
  double v = 0;
  if (!node_.IsScalar() || !parse_finite_double(node_.Scalar(), v))
    fail("expected a finite number, got " + describe(node_));
  return v;
}

bool YamlField::as_bool() const {
  if (node_.IsScalar()) {
    const std::string s = node_.Scalar();
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  fail("expected true or false, got " + describe(node_));
}

Quantity YamlField::as_quantity(QuantityKind kind) const {
  if (!node_.IsScalar()) fail("expected " + quantity_example(kind) + ", got " + describe(node_));
  Quantity q;
  std::string why;
  if (!parse_quantity(node_.Scalar(), kind, q, why))
    fail("expected " + quantity_example(kind) + ", got '" + node_.Scalar() + "' (" + why + ")");
  return q;
}

std::vector<std::string> YamlField::as_string_list() const {
  expect_sequence();
  std::vector<std::string> out;
  for (size_t i = 0; i < node_.size(); ++i) out.push_back(at(i).as_string());
  return out;
}

}  // namespace gb::cases
