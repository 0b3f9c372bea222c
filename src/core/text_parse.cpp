#include "core/text_parse.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.hpp"

namespace gb {

LineTokens::LineTokens(std::string file, int line, const std::string& text) : file_(std::move(file)), line_(line) {
  const size_t bad = find_control_character(text);
  if (bad != std::string::npos) {
    char code[8];
    std::snprintf(code, sizeof code, "0x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    throw InputError({file_, line_, static_cast<int>(bad + 1)}, "text",
                     std::string("control character ") + code + " in the line (corrupt or binary file?)");
  }
  size_t p = 0;
  while (p < text.size()) {
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' || text[p] == '\n')) ++p;
    if (p >= text.size()) break;
    size_t q = p;
    while (q < text.size() && !(text[q] == ' ' || text[q] == '\t' || text[q] == '\r' || text[q] == '\n')) ++q;
    tokens_.push_back(text.substr(p, q - p));
    columns_.push_back(static_cast<int>(p + 1));
    p = q;
  }
}

const std::string& LineTokens::word(int k) const {
  static const std::string empty;
  return (k >= 0 && k < size()) ? tokens_[k] : empty;
}

void LineTokens::fail(int k, const std::string& field, const std::string& msg) const {
  const int col = (k >= 0 && k < size()) ? columns_[k] : 0;
  throw InputError({file_, line_, col}, field, msg);
}

size_t find_control_character(const std::string& s) {
  for (size_t k = 0; k < s.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) return k;
  }
  return std::string::npos;
}

bool is_decimal_number(const char* s, size_t n) {
  size_t k = 0;
  auto digits = [&] {
    const size_t from = k;
    while (k < n && s[k] >= '0' && s[k] <= '9') ++k;
    return k - from;
  };
  if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
  size_t mantissa = digits();
  if (k < n && s[k] == '.') {
    ++k;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (k < n && (s[k] == 'e' || s[k] == 'E')) {
    ++k;
    if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
    if (digits() == 0) return false;
  }
  return k == n;
}

bool parse_finite_double(const char* s, size_t n, double& out) {
  if (n == 0 || n > 400 || !is_decimal_number(s, n)) return false;
  char tmp[408];
  std::memcpy(tmp, s, n);
  tmp[n] = '\0';
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(tmp, &end);
  // ERANGE also flags underflow ("1e-400"): LAMMPS (strtod) reads that as 0
  // or a subnormal, and so do we; overflow gives +-HUGE_VAL, rejected.
  if (end != tmp + n || !std::isfinite(v) || (errno == ERANGE && std::fabs(v) >= 1.0)) return false;
  out = v;
  return true;
}

bool parse_finite_double(const std::string& s, double& out) { return parse_finite_double(s.data(), s.size(), out); }

bool parse_long(const std::string& s, long& out) {
  if (s.empty()) return false;
  {
    size_t k = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (k == s.size()) return false;
    for (; k < s.size(); ++k)
      if (s[k] < '0' || s[k] > '9') return false;
  }
  errno = 0;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size() || errno == ERANGE) return false;
  out = v;
  return true;
}

double LineTokens::real(int k, const std::string& field) const {
  if (k >= size()) fail(size() - 1, field, "line ends early: expected a number for " + field);
  double v;
  if (!parse_finite_double(tokens_[k], v))
    fail(k, field, "expected a finite number, got '" + tokens_[k] + "'");
  return v;
}

long LineTokens::integer(int k, const std::string& field) const {
  if (k >= size()) fail(size() - 1, field, "line ends early: expected an integer for " + field);
  long v;
  if (!parse_long(tokens_[k], v)) fail(k, field, "expected an integer, got '" + tokens_[k] + "'");
  return v;
}

}  // namespace gb
