// Observable "green_kubo": Green-Kubo shear viscosity and G_inf of an
// isothermal stage's stress series (stress_acf.csv, viscosity.json;
// summary.json: "viscosity"); over the run, viscosity.csv and viscosity.json
// with the inheritance estimate (>= 3 temperatures).  Method: docs/viscosity.md.
#include "analysis/internal/observable.hpp"
#include "analysis/viscosity_analysis.hpp"

namespace gb::analysis {
namespace {
class GreenKuboObservable final : public Observable {
 public:
  const char* name() const override { return "green_kubo"; }
  unsigned needs() const override { return kNeedStress; }
  bool applies_to(const rundir::Stage& st) const override { return st.is(StageKind::Isothermal); }
  std::vector<std::string> writes() const override { return {"stress_acf.csv", "viscosity.json"}; }

  void compute(const StageData& in, StageResults& out) const override {
    GreenKuboResult gk;
    nlohmann::json rec = green_kubo_record(in.stress_path, in.stage.temperature_K(), in.out_dir, GreenKuboOptions{},
                                           in.context.command, &gk);
    out.G_inf_GPa = gk.G_inf_GPa;
    out.G_inf_error_GPa = gk.G_inf_se_GPa;
    write_json(in.out_dir + "/viscosity.json", rec, {in.context.command, in.stress_path});
    out.summary["viscosity"] = std::move(rec);
  }

  void summarize_run(const RunData& in, nlohmann::json& run_summary) const override {
    std::vector<nlohmann::json> recs;
    for (const auto& s : in.stages)
      if (s.contains("viscosity")) recs.push_back(s["viscosity"]);
    if (!recs.empty()) run_summary["viscosity"] = write_viscosity_summary(in.analysis_dir, recs, in.command);
  }
};
}  // namespace

const Observable& observable_GreenKubo() {
  static const GreenKuboObservable o;
  return o;
}

}  // namespace gb::analysis
