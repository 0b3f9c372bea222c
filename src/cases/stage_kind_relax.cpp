// Stage kind "relax": hold the glass at one temperature after the quench;
// parses like "equilibrate" (stage_kind_equilibrate.cpp).
#include "cases/stage_type.hpp"

namespace gb::cases {

namespace {
class RelaxStage final : public StageType {
 public:
  StageKind kind() const override { return StageKind::Relax; }
  void parse(const YamlField& e, ProtocolReader& r) const override {
    parse_held_temperature_stage(e, r, StageKind::Relax);
  }
};
}  // namespace

const StageType& stage_type_Relax() {
  static const RelaxStage t;
  return t;
}

}  // namespace gb::cases
