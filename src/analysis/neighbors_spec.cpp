#include "analysis/neighbors_spec.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text_parse.hpp"

namespace gb::analysis {

NeighborSpec NeighborSpec::parse(const std::string& text, const std::string& flag) {
  NeighborSpec s;
  auto bad = [&](const std::string& why) {
    return InputError(fmt::format("{} '{}': {} (expected voronoi, cutoff:R with R in Angstrom, or nearest:N)",
                                  flag, text, why));
  };
  if (text == "voronoi") return s;
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw bad("unknown neighbour definition");
  const std::string kind = text.substr(0, colon), value = text.substr(colon + 1);
  if (kind == "cutoff") {
    double r = 0;
    if (!parse_finite_double(value, r) || !(r > 0)) throw bad("cutoff must be a positive number of Angstrom");
    s.kind = Kind::Cutoff;
    s.cutoff_A = r;
  } else if (kind == "nearest") {
    long n = 0;
    if (!parse_long(value, n) || n < 1 || n > 1000) throw bad("N must be an integer from 1 to 1000");
    s.kind = Kind::Nearest;
    s.count = static_cast<int>(n);
  } else {
    throw bad("unknown neighbour definition '" + kind + "'");
  }
  return s;
}

std::string NeighborSpec::str() const {
  switch (kind) {
    case Kind::Voronoi: return "voronoi";
    case Kind::Cutoff: return fmt::format("cutoff:{}", cutoff_A);
    case Kind::Nearest: return fmt::format("nearest:{}", count);
  }
  return "?";
}

}  // namespace gb::analysis
