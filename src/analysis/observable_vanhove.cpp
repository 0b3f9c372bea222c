// Observable "vanhove": self part of the van Hove function per species (vanhove.csv).
#include "analysis/internal/observable.hpp"
#include "analysis/van_hove.hpp"

namespace gb::analysis {
namespace {
class VanHoveObservable final : public Observable {
 public:
  const char* name() const override { return "vanhove"; }
  unsigned needs() const override { return kNeedPositions; }
  std::vector<std::string> writes() const override { return {"vanhove.csv"}; }
  void compute(const StageData& in, StageResults&) const override {
    const VanHoveResult vh = compute_van_hove(*in.trajectory, VanHoveOptions{}, in.elements);
    write_vanhove_csv(in.out_dir + "/vanhove.csv", vh, in.context);
  }
};
}  // namespace

const Observable& observable_VanHove() {
  static const VanHoveObservable o;
  return o;
}

}  // namespace gb::analysis
