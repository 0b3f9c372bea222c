// Observable "order": Voronoi + Steinhardt bond order sampled over many origin
// frames (order_mobility.hpp) -> order.csv (first origin), order.json
// (histograms per species and mobility class, per-origin means and errors).
// fast = moved more than the strings threshold over tau_string from each
// origin (strings' peak lag; half the stage when there is none).  A stage that
// starts out of equilibrium (anything but an isotherm, whose equilibration the
// runner already left out of the trajectory) is sampled only in its second half.
#include "analysis/internal/observable.hpp"
#include "analysis/internal/order_mobility.hpp"
#include "analysis/order_output.hpp"
#include "core/atomic_file.hpp"

namespace gb::analysis {
namespace {
class OrderObservable final : public Observable {
 public:
  const char* name() const override { return "order"; }
  unsigned needs() const override { return kNeedPositions; }
  std::vector<std::string> writes() const override { return {"order.csv", "order.json"}; }
  void compute(const StageData& in, StageResults& out) const override {
    out.summary["order"] = nullptr;
    if (!in.options.order) return;
    const Trajectory& traj = *in.trajectory;
    const int frames = static_cast<int>(traj.frames());
    const bool skip_first_half = !in.stage.is(StageKind::Isothermal);
    OrderSamplingOptions so;
    so.fast_threshold_A = in.options.strings.fast_threshold_A;
    so.max_origins = in.options.order_origins;
    so.first_frame = skip_first_half ? frames / 2 : 0;
    so.lag_frames = out.tau_string_lag >= 0 ? out.tau_string_lag : frames / 2;
    const OrderSampling sampled = sample_order(traj, in.elements, so);
    write_order_csv(in.out_dir + "/order.csv", traj.ids, traj.types, sampled.first,
                    {"input: " + in.context.input + " frame " + std::to_string(sampled.origins.front()),
                     "command: " + in.context.command});
    const nlohmann::json source = {
        {"input", in.context.input},
        {"frames", sampled.origins},
        {"first_sampled_frame", so.first_frame},
        {"skipped_first_half", skip_first_half},
        {"mobility", "fast = displacement > " + std::to_string(so.fast_threshold_A) + " A over " +
                         std::to_string(sampled.lag_frames * traj.frame_interval_ps) + " ps from each origin"}};
    write_file_atomically(in.out_dir + "/order.json",
                          order_sampling_json(sampled, traj.types, in.elements, so, source).dump(1) + "\n");
    double w6 = 0;
    long nw = 0, n_fast = 0;
    for (const auto& g : sampled.groups) {
      if (g.species != "all") continue;
      if (g.mobility == "all")
        for (double w : g.w6hat.pooled())
          if (std::isfinite(w)) w6 += w, ++nw;
      if (g.mobility == "fast") n_fast = static_cast<long>(g.w6hat.pooled().size());
    }
    out.summary["order"] = {{"mean_w6hat", nw ? num_or_null(w6 / nw) : nlohmann::json(nullptr)},
                            {"origins", sampled.origins.size()},
                            {"fast_samples", n_fast}};
  }
};
}  // namespace

const Observable& observable_Order() {
  static const OrderObservable o;
  return o;
}

}  // namespace gb::analysis
