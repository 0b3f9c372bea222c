// Observable "order": Voronoi + Steinhardt bond order of the stage's first
// frame (order.csv, order.json), histograms per species and mobility class;
// fast = moved more than the strings threshold over tau_string (strings'
// peak lag; the whole stage when there is none).
#include <algorithm>

#include "analysis/observable.hpp"
#include "analysis/order_analysis.hpp"
#include "analysis/order_histogram.hpp"
#include "analysis/order_output.hpp"
#include "analysis/string_atoms.hpp"

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
    OrderOptions oo;
    const OrderResult order = compute_order(traj.boxes[0], traj.positions[0], oo);
    const int lag = out.tau_string_lag >= 0 ? out.tau_string_lag : static_cast<int>(traj.frames()) - 1;
    std::vector<double> disp(traj.atoms());
    for (size_t a = 0; a < traj.atoms(); ++a) disp[a] = (traj.positions[lag][a] - traj.positions[0][a]).norm();
    const double thr = in.options.strings.fast_threshold_A;
    const auto fast = fast_atoms(disp, thr);
    const auto groups = order_histograms(order, traj.types, in.elements, fast);
    write_order_csv(in.out_dir + "/order.csv", traj.ids, traj.types, order,
                    {"input: " + in.context.input + " frame 0", "command: " + in.context.command});
    const nlohmann::json source = {{"input", in.context.input},
                                   {"frame", 0},
                                   {"mobility", "fast = displacement > " + std::to_string(thr) + " A over " +
                                                    std::to_string(lag * traj.frame_interval_ps) + " ps from frame 0"}};
    write_order_json(in.out_dir + "/order.json", order, groups, source);
    double w6 = 0, q6 = 0;
    size_t nw = 0;
    for (size_t i = 0; i < order.size(); ++i) {
      const double w = order.w_hat(6, i), q = order.q(6, i);
      if (std::isfinite(w) && std::isfinite(q)) w6 += w, q6 += q, ++nw;
    }
    out.summary["order"] = {{"mean_w6hat", nw ? num_or_null(w6 / nw) : nlohmann::json(nullptr)},
                            {"mean_q6", nw ? num_or_null(q6 / nw) : nlohmann::json(nullptr)},
                            {"fast_atoms", std::count(fast.begin(), fast.end(), 1)}};
  }
};
}  // namespace

const Observable& observable_Order() {
  static const OrderObservable o;
  return o;
}

}  // namespace gb::analysis
