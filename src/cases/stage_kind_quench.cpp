// Stage kind "quench": a linear temperature ramp from `from` to `to` at
// `rate`, the thermostat set point updated every ramp_interval steps (each
// segment at the ramp's value at its midpoint; the last segment ends exactly
// at `to`).
#include <algorithm>
#include <cmath>

#include "cases/internal/field_values.hpp"
#include "cases/stage_type.hpp"
#include "core/input_limits.hpp"

namespace gb::cases {

namespace {
class QuenchStage final : public StageType {
 public:
  StageKind kind() const override { return StageKind::Quench; }

  void parse(const YamlField& e, ProtocolReader& r) const override {
    e.expect_map(ProtocolReader::with_common_keys({"from", "to", "rate", "ramp_interval"}));
    StageSpec s;
    s.kind = StageKind::Quench;
    r.read_common(e, s);
    r.resolve_start(e, s, r.default_start());
    const Case& c = r.parsed();
    if (e.has("from")) s.t_start_K = positive_temperature(e.child("from"));
    else if (!s.start_from.empty()) s.t_start_K = c.stages[static_cast<size_t>(c.stage_index(s.start_from))].t_end_K;
    else e.require("from");
    s.t_end_K = positive_temperature(e.require("to"));
    YamlField rf = e.require("rate");
    const double rate = rf.as_quantity(QuantityKind::CoolingRate).value;  // K/ps
    if (!(rate > 0)) rf.fail("rate must be positive (the direction follows from `from` and `to`)");
    if (s.t_start_K == s.t_end_K) e.child("to").fail("`to` equals the start temperature: nothing to quench");
    const double ps = std::fabs(s.t_end_K - s.t_start_K) / rate;
    const double n = std::round(ps / s.timestep_ps);  // a ramp may end within one step of its target
    if (n < 1) rf.fail("the ramp is shorter than one time step");
    if (!(n <= static_cast<double>(limits::kMaxSteps)))
      rf.fail("the ramp takes more than 1e12 time steps; glassbench allows at most 1e12 steps per stage");
    s.steps = static_cast<long>(n);
    if (e.has("ramp_interval")) {
      s.ramp_interval_steps = interval_steps(e.child("ramp_interval"), s.timestep_ps, false);
    } else {
      // Default: thermostat updates in steps of at most 1 K.
      const double steps_per_K = s.steps / std::fabs(s.t_end_K - s.t_start_K);
      s.ramp_interval_steps = std::max<long>(1, static_cast<long>(std::floor(steps_per_K)));
    }
    if (s.ramp_interval_steps > s.steps) e.child("ramp_interval").fail("longer than the whole ramp");
    s.name = e.has("name") ? e.child("name").as_string() : r.unique_default_name("quench");
    r.set_default_start(s.name);
    const YamlField blame = e.has("name") ? e.child("name") : e.child("kind");
    r.add(std::move(s), blame);
  }

  StagePlan plan(const StageSpec& s) const override {
    StagePlan p = StageType::plan(s);
    p.hook_every = std::max<long>(1, s.ramp_interval_steps);
    return p;
  }

  double target_temperature(const StageSpec& st, long s) const override {
    if (st.steps <= 0) return st.t_end_K;
    const long m = std::max<long>(1, st.ramp_interval_steps);
    const long seg_start = std::min(s, st.steps - 1) / m * m;
    const double mid = std::min<double>(static_cast<double>(seg_start) + 0.5 * m, static_cast<double>(st.steps));
    const double last_start = static_cast<double>((st.steps - 1) / m * m);
    const double x = (seg_start >= last_start) ? static_cast<double>(st.steps) : mid;
    return st.t_start_K + (st.t_end_K - st.t_start_K) * x / static_cast<double>(st.steps);
  }

  void at_step(const StageSpec& s, long step, StageControl& c) const override {
    if (step < s.steps) c.set_temperature(target_temperature(s, step));
  }

  std::map<std::string, double> record_parameters(const StageSpec& s) const override {
    auto p = s.parameters;
    p["ramp_interval_steps"] = static_cast<double>(s.ramp_interval_steps);
    return p;
  }
};
}  // namespace

const StageType& stage_type_Quench() {
  static const QuenchStage t;
  return t;
}

}  // namespace gb::cases
