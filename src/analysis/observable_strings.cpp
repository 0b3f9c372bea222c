// Observable "strings": fast and string-like atoms, N_string/N_fast over t and
// the peak tau_string picked once here (strings.csv, strings.json); validation
// reads the peak from strings.json.
#include "analysis/internal/observable.hpp"
#include "analysis/string_atoms.hpp"

namespace gb::analysis {
namespace {
class StringsObservable final : public Observable {
 public:
  const char* name() const override { return "strings"; }
  unsigned needs() const override { return kNeedPositions; }
  std::vector<std::string> writes() const override { return {"strings.csv", "strings.json"}; }
  void compute(const StageData& in, StageResults& out) const override {
    const StringRatioResult str = compute_string_ratio(*in.trajectory, in.options.strings);
    write_strings_csv(in.out_dir + "/strings.csv", str, in.context);
    write_json(in.out_dir + "/strings.json", strings_json(str, in.options.strings, *in.trajectory), in.context);
    out.summary["tau_string_ps"] = str.peak_index >= 0 ? nlohmann::json(str.tau_string_ps) : nlohmann::json(nullptr);
    out.summary["string_peak_ratio"] = str.peak_index >= 0 ? nlohmann::json(str.peak_ratio) : nlohmann::json(nullptr);
    out.tau_string_lag = str.peak_index >= 0 ? str.lag_frames[static_cast<size_t>(str.peak_index)] : -1;
  }
};
}  // namespace

const Observable& observable_Strings() {
  static const StringsObservable o;
  return o;
}

}  // namespace gb::analysis
