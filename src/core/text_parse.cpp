#include "core/text_parse.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/error.hpp"

namespace gb {

LineTokens::LineTokens(std::string file, int line, const std::string& text) : file_(std::move(file)), line_(line) {
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

bool parse_finite_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
  out = v;
  return true;
}

bool parse_long(const std::string& s, long& out) {
  if (s.empty()) return false;
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
