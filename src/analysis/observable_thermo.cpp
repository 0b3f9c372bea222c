// Observable "thermo": the achieved conditions of the stage from its
// thermo.csv rows (after equilibration), for every stage with rows — also
// those without a trajectory.
#include "analysis/internal/observable.hpp"

namespace gb::analysis {
namespace {
class ThermoObservable final : public Observable {
 public:
  const char* name() const override { return "thermo"; }
  unsigned needs() const override { return kNeedThermo; }
  std::vector<std::string> writes() const override { return {}; }
  void compute(const StageData& in, StageResults& out) const override {
    const auto a = rundir::achieved_conditions(in.thermo, in.stage.name,
                                               in.stage.first_step + in.stage.equilibration_steps);
    if (a.samples == 0) return;
    out.summary["achieved"] = {{"thermo_rows", a.samples},          {"T_mean_K", num_or_null(a.T_mean_K)},
                               {"T_sd_K", num_or_null(a.T_sd_K)},     {"P_mean_bar", num_or_null(a.P_mean_bar)},
                               {"P_sd_bar", num_or_null(a.P_sd_bar)}};
  }
};
}  // namespace

const Observable& observable_Thermo() {
  static const ThermoObservable o;
  return o;
}

}  // namespace gb::analysis
