// Observable "msd": MSD per species, D with its block error, and the
// Lindemann ratio (uses gr's first peak) -> msd.csv, msd.json.
#include "analysis/lindemann.hpp"
#include "analysis/msd.hpp"
#include "analysis/internal/observable.hpp"

namespace gb::analysis {
namespace {
class MsdObservable final : public Observable {
 public:
  const char* name() const override { return "msd"; }
  unsigned needs() const override { return kNeedPositions; }
  std::vector<std::string> writes() const override { return {"msd.csv", "msd.json"}; }
  void compute(const StageData& in, StageResults& out) const override {
    const Trajectory& traj = *in.trajectory;
    const MsdResult msd = compute_msd(traj, in.options.msd, in.elements);
    LindemannResult lind;
    const bool have_lind = out.gr_first_peak_A > 0;
    if (have_lind) lind = lindemann_ratio(traj, out.gr_first_peak_A);
    write_msd_csv(in.out_dir + "/msd.csv", msd, in.context);
    write_json(in.out_dir + "/msd.json", msd_json(msd, traj, have_lind ? &lind : nullptr), in.context);
    nlohmann::json D, De, Dm, diff;
    for (size_t g = 0; g < msd.labels.size(); ++g) {
      D[msd.labels[g]] = num_or_null(msd.fits[g].D_A2_per_ps);
      De[msd.labels[g]] = num_or_null(msd.fits[g].D_error_A2_per_ps);
      Dm[msd.labels[g]] = num_or_null(msd.fits[g].D_A2_per_ps * DiffusionFit::kA2PerPsToM2PerS);
      diff[msd.labels[g]] = msd.fits[g].diffusive;
    }
    out.summary["D_A2_per_ps"] = D;
    out.summary["D_error_A2_per_ps"] = De;
    out.summary["D_m2_per_s"] = Dm;
    out.summary["diffusive"] = diff;
    out.summary["lindemann_ratio"] = have_lind ? num_or_null(lind.ratio) : nlohmann::json(nullptr);
  }
};
}  // namespace

const Observable& observable_Msd() {
  static const MsdObservable o;
  return o;
}

}  // namespace gb::analysis
