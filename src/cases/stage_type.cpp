#include "cases/stage_type.hpp"

#include <stdexcept>

namespace gb::cases {

std::vector<std::string> ProtocolReader::with_common_keys(std::vector<std::string> keys) {
  for (const char* k : {"kind", "name", "ensemble", "pressure", "timestep", "thermostat", "output", "start_from",
                        "barostat"})
    keys.emplace_back(k);
  return keys;
}

StagePlan StageType::plan(const StageSpec& s) const {
  StagePlan p;
  p.steps = s.steps;
  p.output_from_step = s.equilibration_steps;
  p.thermo_every = s.output.thermo_steps;
  p.positions_every = s.output.positions_steps;
  p.velocities_every = s.output.velocities_steps;
  return p;
}

double StageType::target_temperature(const StageSpec& s, long) const { return s.t_end_K; }

const StageType& stage_type(StageKind k) {
  switch (k) {
#define GB_STAGE_KIND(E, name) \
  case StageKind::E:           \
    return stage_type_##E();
#include "rundir/stage_kinds.def"
#undef GB_STAGE_KIND
  }
  throw std::logic_error("stage kind without a registered type");
}

const StageType* find_stage_type(const std::string& name) {
  const auto k = stage_kind_from_name(name);
  return k ? &stage_type(*k) : nullptr;
}

}  // namespace gb::cases
