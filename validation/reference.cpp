#include "validation/reference.hpp"

#include "core/text_parse.hpp"

namespace gb::validation {

double Reference::param_number(const std::string& key, double fallback) const {
  auto it = params.find(key);
  if (it == params.end()) return fallback;
  double v = 0;
  if (!parse_finite_double(it->second, v))
    throw InputError(where, "check." + key, "expected a number, got '" + it->second + "'");
  return v;
}

std::string Reference::param_string(const std::string& key, const std::string& fallback) const {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

}  // namespace gb::validation
