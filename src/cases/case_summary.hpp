#pragma once
// Human-readable overview of a case (what `glassbench check` prints): system,
// potential, platforms and one line per stage with ensemble, temperatures,
// steps and simulated time, plus totals.
#include <string>

#include "cases/case_spec.hpp"

namespace gb::cases {

std::string case_summary(const Case& c);

}  // namespace gb::cases
