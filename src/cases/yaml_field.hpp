#pragma once
// A YAML node together with where it came from (file, line, column) and its
// key path ("protocol[2].rate"), so every complaint about a case file reads
//   file:line:column: key.path: what was expected
// Lines and columns are 1-based (yaml-cpp's Mark is 0-based).
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "cases/quantity.hpp"
#include "core/error.hpp"

namespace gb::cases {

class YamlField {
 public:
  YamlField(YAML::Node node, std::string file, std::string path);
  // Copying rebinds.  YAML::Node::operator= does not: it rewrites the node it
  // already refers to (so `f = t; f = t.require("x")` would replace the map
  // entry `t` in the document by its own child).  Assignment therefore goes
  // through YAML::Node::reset, which only changes what this field refers to.
  YamlField(const YamlField&) = default;
  YamlField(YamlField&&) = default;
  YamlField& operator=(const YamlField& other);
  YamlField& operator=(YamlField&& other);

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  SourceLocation location() const;

  [[noreturn]] void fail(const std::string& message) const;

  bool is_map() const { return node_.IsMap(); }
  bool is_sequence() const { return node_.IsSequence(); }
  bool is_scalar() const { return node_.IsScalar(); }

  /// Require a mapping whose keys are all in `allowed`; an unknown key is an
  /// error at that key with a "did you mean" suggestion, a repeated key too.
  void expect_map(const std::vector<std::string>& allowed) const;
  void expect_sequence() const;

  bool has(const std::string& key) const;
  /// Child of a mapping; `require` fails with "missing required key" if absent.
  YamlField child(const std::string& key) const;
  YamlField require(const std::string& key) const;
  /// Element of a sequence.
  YamlField at(size_t index) const;
  size_t size() const { return node_.size(); }
  /// Keys of a mapping, in file order, with their fields.
  std::vector<std::pair<std::string, YamlField>> entries() const;

  std::string as_string() const;
  long as_integer() const;
  double as_real() const;
  bool as_bool() const;
  /// A quantity with units; fails with `expected <example>`.
  Quantity as_quantity(QuantityKind kind) const;
  std::vector<std::string> as_string_list() const;

 private:
  YAML::Node node_;
  std::string file_;
  std::string path_;
  YAML::Mark mark_;  // of node_, or of the parent map when node_ is a missing key
};

}  // namespace gb::cases
