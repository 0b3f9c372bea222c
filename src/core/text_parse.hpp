#pragma once
// Whitespace tokenising of one line of a text input file, with numeric
// conversions that reject garbage, NaN and Inf and report file:line:column.
#include <string>
#include <vector>

namespace gb {

class LineTokens {
 public:
  LineTokens(std::string file, int line, const std::string& text);
  int size() const { return static_cast<int>(tokens_.size()); }
  const std::string& word(int k) const;      // "" if absent
  /// Parse token k as a finite double; `field` names it in the error.
  double real(int k, const std::string& field) const;
  long integer(int k, const std::string& field) const;
  [[noreturn]] void fail(int k, const std::string& field, const std::string& msg) const;
  int line() const { return line_; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  int line_;
  std::vector<std::string> tokens_;
  std::vector<int> columns_;  // 1-based column of each token
};

/// Parse a finite double from the whole string; false on garbage/NaN/Inf.
bool parse_finite_double(const std::string& s, double& out);
bool parse_long(const std::string& s, long& out);

}  // namespace gb
