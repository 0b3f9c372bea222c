// Stage kind "equilibrate": hold one temperature for a duration (e.g. the
// melt at 2000 K).  Parse rules shared with "relax" (stage_kind_relax.cpp).
#include "cases/internal/field_values.hpp"
#include "cases/stage_type.hpp"

namespace gb::cases {

void parse_held_temperature_stage(const YamlField& e, ProtocolReader& r, StageKind kind) {
  e.expect_map(ProtocolReader::with_common_keys({"temperature", "duration"}));
  StageSpec s;
  s.kind = kind;
  r.read_common(e, s);
  s.t_start_K = s.t_end_K = positive_temperature(e.require("temperature"));
  s.steps = whole_steps(e.child("duration"), positive_time(e.require("duration")), s.timestep_ps, false);
  s.name = e.has("name") ? e.child("name").as_string() : r.unique_default_name(stage_kind_name(kind));
  r.resolve_start(e, s, r.default_start());
  r.set_default_start(s.name);
  const YamlField blame = e.has("name") ? e.child("name") : e.child("kind");
  r.add(std::move(s), blame);
}

namespace {
class EquilibrateStage final : public StageType {
 public:
  StageKind kind() const override { return StageKind::Equilibrate; }
  void parse(const YamlField& e, ProtocolReader& r) const override {
    parse_held_temperature_stage(e, r, StageKind::Equilibrate);
  }
};
}  // namespace

const StageType& stage_type_Equilibrate() {
  static const EquilibrateStage t;
  return t;
}

}  // namespace gb::cases
