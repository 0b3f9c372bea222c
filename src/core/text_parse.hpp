#pragma once
// Whitespace tokenising of one line of a text input file, with numeric
// conversions that reject garbage, NaN and Inf and report file:line:column.
//
// Numbers are plain decimal as LAMMPS reads them (utils::numeric /
// utils::inumeric): [+-]digits[.digits][(e|E)[+-]digits].  Hex ("0x1F"),
// "inf", "nan", Fortran "1.0D+00" and leading/trailing junk are rejected,
// although strtod would take them.  A line holding a control character
// (other than tab/CR) is rejected where it is tokenised: such bytes mean a
// corrupt or binary file, never data.
#include <string>
#include <vector>

namespace gb {

class LineTokens {
 public:
  /// Throws gb::InputError if `text` holds a control character.
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

/// Parse a finite decimal double from the whole string; false on
/// garbage/hex/NaN/Inf/overflow.
bool parse_finite_double(const std::string& s, double& out);
bool parse_finite_double(const char* s, size_t n, double& out);
/// Parse a decimal integer ([+-]digits) from the whole string; false on
/// garbage or overflow of long.
bool parse_long(const std::string& s, long& out);
/// True if `s` (n bytes) is a decimal number as LAMMPS accepts it.
bool is_decimal_number(const char* s, size_t n);
/// 0-based index of the first control character (byte < 0x20 other than
/// tab/CR/LF, or 0x7f) in `s`, or npos.
size_t find_control_character(const std::string& s);

}  // namespace gb
