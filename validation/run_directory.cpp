#include "validation/run_directory.hpp"

#include <cctype>
#include <cmath>

#include "core/error.hpp"
#include "core/text_parse.hpp"

namespace gb::validation {

std::map<std::string, double> parse_formula(const std::string& formula) {
  std::map<std::string, double> out;
  size_t i = 0;
  double total = 0;
  while (i < formula.size()) {
    if (!std::isupper(static_cast<unsigned char>(formula[i])))
      throw InputError("system '" + formula + "': expected an element symbol at position " + std::to_string(i + 1));
    std::string el(1, formula[i++]);
    while (i < formula.size() && std::islower(static_cast<unsigned char>(formula[i]))) el += formula[i++];
    size_t j = i;
    while (j < formula.size() && (std::isdigit(static_cast<unsigned char>(formula[j])) || formula[j] == '.')) ++j;
    double amount = 1;
    if (j > i && !parse_finite_double(formula.substr(i, j - i), amount))
      throw InputError("system '" + formula + "': bad amount for " + el);
    i = j;
    out[el] += amount;
    total += amount;
  }
  if (out.empty() || total <= 0) throw InputError("system '" + formula + "': empty formula");
  for (auto& [el, a] : out) a /= total;
  return out;
}

bool same_system(const std::map<std::string, double>& a, const std::map<std::string, double>& b, double tol) {
  if (a.size() != b.size()) return false;
  for (auto& [el, f] : a) {
    auto it = b.find(el);
    if (it == b.end() || std::fabs(it->second - f) > tol) return false;
  }
  return true;
}

}  // namespace gb::validation
