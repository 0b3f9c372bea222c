// Stage kind "isothermal": one stage per listed temperature (named
// isothermal-<T>K), each with an optional equilibration before output starts.
// `stress_interval: "10 fs"` (or "5 steps") records the pressure tensor
// (virial + kinetic, bar; CPU EAM evaluator, one pass per sample) after the
// equilibration into stages/<stage>/stress.csv for Green-Kubo viscosity
// (step,time_ps,pxx_bar,pyy_bar,pzz_bar,pxy_bar,pxz_bar,pyz_bar,volume_A3).
// An NVT isotherm runs at its zero-pressure volume by default: an NPT stage
// isothermal-<T>K-npt at T and 0 bar first, then NVT in the mean box of that
// stage's second half (StageSpec::box_from_mean; docs/cases.md).
#include <cmath>
#include <cstdio>

#include "cases/internal/field_values.hpp"
#include "cases/internal/zero_pressure_volume.hpp"
#include "cases/stage_type.hpp"

namespace gb::cases {

namespace {
class IsothermalStage final : public StageType {
 public:
  StageKind kind() const override { return StageKind::Isothermal; }

  void parse(const YamlField& e, ProtocolReader& r) const override {
    e.expect_map(ProtocolReader::with_common_keys(
        {"temperatures", "duration", "equilibration", "volume", "npt_duration", "stress_interval"}));
    if (e.has("name")) e.child("name").fail("isothermal stages are named isothermal-<T>K; remove `name`");
    const std::string volume_mode = read_volume_mode(e, r);
    YamlField ts = e.require("temperatures");
    ts.expect_sequence();
    if (ts.size() == 0) ts.fail("expected at least one temperature");
    for (size_t k = 0; k < ts.size(); ++k) {
      const YamlField t = ts.at(k);
      StageSpec s;
      s.kind = StageKind::Isothermal;
      r.read_common(e, s);
      // Per-temperature overrides: each field is a fresh variable bound once
      // (assigning one YamlField over another used to rewrite the shared YAML
      // node, so the overrides were silently lost; issue 9).
      if (t.is_map()) t.expect_map({"temperature", "duration", "equilibration", "start_from"});
      const bool own = t.is_map();
      const YamlField tf = own ? t.require("temperature") : t;
      const YamlField dur = own && t.has("duration") ? t.child("duration") : e.child("duration");
      const YamlField eq = own && t.has("equilibration") ? t.child("equilibration") : e.child("equilibration");
      const YamlField* start_holder = own && t.has("start_from") ? &t : &e;
      s.t_start_K = s.t_end_K = positive_temperature(tf);
      if (!dur.node().IsDefined() || dur.node().IsNull()) e.require("duration");  // missing in both places
      s.steps = whole_steps(dur, positive_time(dur), s.timestep_ps, false);
      if (eq.node().IsDefined() && !eq.node().IsNull()) {
        s.equilibration_steps = interval_steps(eq, s.timestep_ps, true);
        if (s.equilibration_steps >= s.steps) eq.fail("must be shorter than the duration");
      }
      if (e.has("stress_interval")) {
        const long n = interval_steps(e.child("stress_interval"), s.timestep_ps, true);
        if (n > 0) s.parameters["stress_interval_steps"] = static_cast<double>(n);
      }
      // Isotherms start from the last non-isothermal stage (the relaxed glass) unless told otherwise.
      r.resolve_start(*start_holder, s, r.default_start());
      if (s.start_from.empty()) e.require("start_from");
      char nm[64];
      if (s.t_end_K == std::floor(s.t_end_K)) std::snprintf(nm, sizeof nm, "isothermal-%04.0fK", s.t_end_K);
      else std::snprintf(nm, sizeof nm, "isothermal-%06.1fK", s.t_end_K);
      s.name = nm;
      s.volume = volume_mode;
      if (r.parsed().stage_index(s.name) >= 0)  // before its pre-equilibration takes a name
        tf.fail("stage name \"" + s.name + "\" is used twice; give each stage a distinct name");
      if (volume_mode == "zero-pressure") add_zero_pressure_prestage(s, e, tf, r);
      r.add(std::move(s), tf);
    }
  }

  StagePlan plan(const StageSpec& s) const override {
    StagePlan p = StageType::plan(s);
    const auto it = s.parameters.find("stress_interval_steps");
    if (it != s.parameters.end()) p.hook_every = std::lround(it->second);
    return p;
  }

  void at_step(const StageSpec& s, long step, StageControl& c) const override {
    if (step < s.equilibration_steps || !s.parameters.count("stress_interval_steps")) return;
    const auto p = c.pressure_tensor_bar();
    c.record_sample("stress.csv", {"pxx_bar", "pyy_bar", "pzz_bar", "pxy_bar", "pxz_bar", "pyz_bar", "volume_A3"},
                    {p[0], p[1], p[2], p[3], p[4], p[5], c.box().volume()});
  }
};
}  // namespace

const StageType& stage_type_Isothermal() {
  static const IsothermalStage t;
  return t;
}

}  // namespace gb::cases
