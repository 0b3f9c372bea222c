// Observable "md_dma": per shear stage, the sinusoid fit of every replica's
// sigma_xy(t) (md_dma_replicas.csv) and their mean E', E'', delta with
// standard errors (summary.json: "md_dma"); over the run, E'(T), E''(T) and
// the loss peaks (analysis/md_dma.csv, md_dma.json).  Method: docs/viscosity.md.
#include <algorithm>
#include <cmath>

#include "analysis/internal/observable.hpp"
#include "analysis/viscosity_analysis.hpp"

namespace gb::analysis {
namespace {
class MdDmaObservable final : public Observable {
 public:
  const char* name() const override { return "md_dma"; }
  unsigned needs() const override { return kNeedStress; }
  bool applies_to(const rundir::Stage& st) const override { return st.is(StageKind::Shear); }
  std::vector<std::string> writes() const override { return {"md_dma_replicas.csv"}; }

  void compute(const StageData& in, StageResults& out) const override {
    const rundir::Stage& st = in.stage;
    ShearStageSpec sp;
    sp.T_K = st.temperature_K();
    sp.frequency_per_ps = st.parameters.at("frequency_GHz") * 1e-3;
    sp.strain_amplitude = st.parameters.at("strain_amplitude");
    const ShearStageResult r = analyze_shear_stage(st.files.dir(), sp);
    write_shear_stage(in.out_dir, r, in.context.command);
    const TemperatureModuli& m = r.moduli;
    out.summary["md_dma"] = {{"T_K", m.T_K},
                             {"replicas", m.replicas},
                             {"frequency_GHz", st.parameters.at("frequency_GHz")},
                             {"strain_amplitude", sp.strain_amplitude},
                             {"storage_modulus_GPa", num_or_null(m.storage)},
                             {"storage_modulus_error_GPa", num_or_null(m.storage_se)},
                             {"loss_modulus_GPa", num_or_null(m.loss)},
                             {"loss_modulus_error_GPa", num_or_null(m.loss_se)},
                             {"phase_rad", num_or_null(m.phase_rad)},
                             {"phase_error_rad", num_or_null(m.phase_se)}};
  }

  void summarize_run(const RunData& in, nlohmann::json& run_summary) const override {
    std::vector<TemperatureModuli> temps;
    double f_GHz = NAN;
    auto get = [](const nlohmann::json& j, const char* k) { return j[k].is_number() ? j[k].get<double>() : double(NAN); };
    for (const auto& s : in.stages) {
      if (!s.contains("md_dma")) continue;
      const auto& d = s["md_dma"];
      TemperatureModuli t;
      t.T_K = d["T_K"].get<double>();
      t.replicas = d["replicas"].get<int>();
      t.storage = get(d, "storage_modulus_GPa"), t.storage_se = get(d, "storage_modulus_error_GPa");
      t.loss = get(d, "loss_modulus_GPa"), t.loss_se = get(d, "loss_modulus_error_GPa");
      t.phase_rad = get(d, "phase_rad"), t.phase_se = get(d, "phase_error_rad");
      temps.push_back(t);
      f_GHz = d["frequency_GHz"].get<double>();
    }
    if (!temps.empty()) run_summary["md_dma"] = write_md_dma(in.analysis_dir, temps, f_GHz, in.command);
  }
};
}  // namespace

const Observable& observable_MdDma() {
  static const MdDmaObservable o;
  return o;
}

}  // namespace gb::analysis
