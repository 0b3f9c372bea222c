#include "cases/case_spec.hpp"

namespace gb::cases {

long Case::total_steps() const {
  long n = 0;
  for (const auto& s : stages) n += s.steps;
  return n;
}

double Case::total_time_ps() const {
  double t = 0;
  for (const auto& s : stages) t += s.duration_ps();
  return t;
}

long Case::stage_offset(size_t k) const {
  long n = 0;
  for (size_t i = 0; i < k && i < stages.size(); ++i) n += stages[i].steps;
  return n;
}

int Case::stage_index(const std::string& n) const {
  for (size_t i = 0; i < stages.size(); ++i)
    if (stages[i].name == n) return static_cast<int>(i);
  return -1;
}

const char* thermostat_name(ThermostatSpec::Kind k) {
  return k == ThermostatSpec::Kind::Langevin ? "langevin" : "nose-hoover";
}

}  // namespace gb::cases
