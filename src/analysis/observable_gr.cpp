// Observable "gr": partial pair distribution functions (gr.csv) and the
// first-peak position of the total g(r), with the one frame budget
// (StageAnalysisOptions::gr_frames).
#include "analysis/internal/observable.hpp"
#include "analysis/pair_distribution.hpp"

namespace gb::analysis {
namespace {
class GrObservable final : public Observable {
 public:
  const char* name() const override { return "gr"; }
  unsigned needs() const override { return kNeedPositions; }
  std::vector<std::string> writes() const override { return {"gr.csv"}; }
  void compute(const StageData& in, StageResults& out) const override {
    GrOptions gro;
    gro.max_frames = in.options.gr_frames;
    const GrResult gr = compute_gr(*in.trajectory, gro);
    write_gr_csv(in.out_dir + "/gr.csv", gr, in.elements, in.context);
    out.gr_first_peak_A = gr.first_peak_A > 0 ? gr.first_peak_A : NAN;
    out.summary["gr_first_peak_A"] = num_or_null(out.gr_first_peak_A);
  }
};
}  // namespace

const Observable& observable_Gr() {
  static const GrObservable o;
  return o;
}

}  // namespace gb::analysis
