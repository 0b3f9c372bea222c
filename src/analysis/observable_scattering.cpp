// Observable "scattering": S(q) (sq.csv) and the self-intermediate scattering
// function F_s(q1, t) at its first peak (fs.csv) of an isothermal stage's
// trajectory, with tau_alpha (F_s = 1/e) and its error (summary.json:
// "scattering").  Off with StageAnalysisOptions::viscosity_scattering = false.
#include "analysis/internal/observable.hpp"
#include "analysis/viscosity_analysis.hpp"

namespace gb::analysis {
namespace {
class ScatteringObservable final : public Observable {
 public:
  const char* name() const override { return "scattering"; }
  unsigned needs() const override { return kNeedPositions; }
  bool applies_to(const rundir::Stage& st) const override { return st.is(StageKind::Isothermal); }
  std::vector<std::string> writes() const override { return {"sq.csv", "fs.csv"}; }

  void compute(const StageData& in, StageResults& out) const override {
    if (!in.options.viscosity_scattering) return;
    nlohmann::json sc = scattering_record(*in.trajectory, in.out_dir, in.context.command, in.context.input);
    if (sc["tau_alpha_ps"].is_number()) out.tau_alpha_ps = sc["tau_alpha_ps"].get<double>();
    out.summary["scattering"] = std::move(sc);
  }
};
}  // namespace

const Observable& observable_Scattering() {
  static const ScatteringObservable o;
  return o;
}

}  // namespace gb::analysis
