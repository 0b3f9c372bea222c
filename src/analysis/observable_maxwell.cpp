// Observable "maxwell": eta = G_inf tau_alpha for an isothermal stage that has
// both a stress series (green_kubo: G_inf) and a trajectory (scattering:
// tau_alpha); fills "maxwell" of the stage's viscosity record (viscosity.json,
// summary.json) that green_kubo wrote.  Method: docs/viscosity.md.
#include "analysis/internal/observable.hpp"
#include "analysis/viscosity_analysis.hpp"

namespace gb::analysis {
namespace {
class MaxwellObservable final : public Observable {
 public:
  const char* name() const override { return "maxwell"; }
  unsigned needs() const override { return kNeedStress | kNeedPositions; }
  bool applies_to(const rundir::Stage& st) const override { return st.is(StageKind::Isothermal); }
  std::vector<std::string> writes() const override { return {"viscosity.json"}; }

  void compute(const StageData& in, StageResults& out) const override {
    if (!out.summary.contains("viscosity") || !out.summary.contains("scattering")) return;
    nlohmann::json& rec = out.summary["viscosity"];
    rec["maxwell"] = maxwell_record(out.G_inf_GPa, out.G_inf_error_GPa, out.summary["scattering"]);
    write_json(in.out_dir + "/viscosity.json", rec, {in.context.command, in.stress_path});
  }
};
}  // namespace

const Observable& observable_Maxwell() {
  static const MaxwellObservable o;
  return o;
}

}  // namespace gb::analysis
