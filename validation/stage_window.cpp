#include <fmt/format.h>

#include <cmath>

#include "validation/internal/probe.hpp"

namespace gb::validation {

std::string outside_temperature_window(const Reference& ref, const StageRecord& s) {
  if (!ref.has_param("T_window_K")) return "";
  const double T = ref.param_number("T_K", 300), window = ref.param_number("T_window_K", 0);
  const double dT = std::fabs(s.temperature_K() - T);
  if (dT <= window) return "";
  return fmt::format("no stage within {:g} K of {:g} K, the state the claim is about: the nearest, {}, is at {:g} K",
                     window, T, s.dir_name, s.temperature_K());
}

}  // namespace gb::validation
