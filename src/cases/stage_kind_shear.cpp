// Stage kind "shear": MD-DMA, the paper's high-frequency dynamic mechanical
// test (Methods): a sinusoidal xy strain eps(t) = eps_A sin(2 pi t / period)
// applied by tilting the box with an affine remap of the atoms (LAMMPS
// `fix deform ... xy wiggle ... remap x`), NVT, one stage per temperature
// (named shear-<T>K), `replicas` runs per temperature.
//
//   - kind: shear
//     start_from: relax            # the glass
//     ensemble: NVT
//     temperatures: ["300 K", "400 K"]
//     period: "1000 ps"            # 1/f: 1 GHz (default)
//     strain_amplitude: 0.01       # default 1 %
//     cycles: 10                   # per replica (default 10)
//     replicas: 100                # default 1
//     decorrelation: "10 ps"       # unsheared NVT before each replica (default 10 ps)
//     samples_per_cycle: 200       # stress samples per period (default 200)
//     volume: zero-pressure        # default; or start-state (start_from's box)
//     npt_duration: "20 ps"        # the zero-pressure pre-equilibration (default 20 ps)
//
// Volume, as for NVT isotherms: by default each temperature first runs an NPT
// stage shear-<T>K-npt at T and 0 bar from start_from, and the shear stage starts
// in the mean box of its second half; `volume: start-state` shears in
// start_from's own box (e.g. a smoke run that cannot afford the NPT stage).
//
// Replicas are consecutive segments of one NVT trajectory of the glass: each
// starts with `decorrelation` of unsheared NVT (strain 0) after the previous
// replica's whole cycles, so replicas share the glass's structure (as the
// paper's 100 runs of one sample) while their thermal stress noise is
// independent (the stress autocorrelation decays within ~1 ps).
// Deformation: the tilt is updated every `deform_every` steps (period/1000,
// at least 1, dividing the period) to its value at the middle of the coming
// interval (a centred staircase: in phase with eps(t)).  Stress (pressure
// tensor, virial + kinetic: the native force's virial, or the CPU EAM evaluator
// with the custom force) every period/samples_per_cycle
// into stages/<stage>/stress.csv: replica, t_shear_ps (the time whose strain
// the box holds: eps_A sin(2 pi t_shear / period) = strain_xy), strain_xy,
// pxx_bar .. pyz_bar, volume_A3.  The box must be able to tilt: platforms that cannot
// run a triclinic box with the EAM force are refused at run start
// (needs_triclinic_box).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cases/internal/field_values.hpp"
#include "cases/internal/zero_pressure_volume.hpp"
#include "cases/stage_type.hpp"

namespace gb::cases {

namespace {

long param(const StageSpec& s, const char* k) { return std::lround(s.parameters.at(k)); }

class ShearStage final : public StageType {
 public:
  StageKind kind() const override { return StageKind::Shear; }
  bool needs_triclinic_box() const override { return true; }

  void parse(const YamlField& e, ProtocolReader& r) const override {
    e.expect_map(ProtocolReader::with_common_keys({"temperatures", "period", "strain_amplitude", "cycles", "replicas",
                                                   "decorrelation", "samples_per_cycle", "volume", "npt_duration"}));
    if (e.has("name")) e.child("name").fail("shear stages are named shear-<T>K; remove `name`");
    const std::string volume_mode = read_volume_mode(e, r);
    YamlField ts = e.require("temperatures");
    ts.expect_sequence();
    if (ts.size() == 0) ts.fail("expected at least one temperature");
    for (size_t k = 0; k < ts.size(); ++k) {
      YamlField tf = ts.at(k);
      StageSpec s;
      s.kind = StageKind::Shear;
      r.read_common(e, s);
      if (s.npt) e.child("ensemble").fail("shear stages run at constant volume: use ensemble NVT");
      s.t_start_K = s.t_end_K = positive_temperature(tf);
      const double dt = s.timestep_ps;
      const double period_ps = e.has("period") ? positive_time(e.child("period")) : 1000.0;
      const long period = e.has("period") ? whole_steps(e.child("period"), period_ps, dt, false)
                                          : std::lround(period_ps / dt);
      if (std::fabs(period * dt - period_ps) > 1e-9 * period_ps)
        e.require("period").fail("the default period (1000 ps) is not a whole number of time steps; give `period`");
      if (period < 20) e.child("period").fail("a period needs at least 20 time steps");
      double amp = 0.01;
      if (e.has("strain_amplitude")) {
        amp = e.child("strain_amplitude").as_real();
        if (!(amp > 0 && amp <= 0.1)) e.child("strain_amplitude").fail("expected a strain in (0, 0.1], e.g. 0.01 for 1 %");
      }
      auto positive_int = [&](const char* key, long def, long max) {
        if (!e.has(key)) return def;
        const long v = e.child(key).as_integer();
        if (v < 1 || v > max) e.child(key).fail("expected an integer from 1 to " + std::to_string(max));
        return v;
      };
      const long cycles = positive_int("cycles", 10, 100000);
      const long replicas = positive_int("replicas", 1, 100000);
      const long per_cycle = positive_int("samples_per_cycle", 200, 100000);
      long deform = std::max<long>(1, period / 1000);
      while (period % deform != 0) --deform;
      long sample = std::max(deform, (period / per_cycle) / deform * deform);
      long decor = 0;
      if (e.has("decorrelation")) {
        const double d = positive_time(e.child("decorrelation"));
        decor = whole_steps(e.child("decorrelation"), d, dt, true);
      } else {
        decor = std::lround(10.0 / dt);
      }
      decor = (decor + deform - 1) / deform * deform;  // whole deformation intervals
      const long replica_steps = decor + cycles * period;
      s.steps = replicas * replica_steps;
      s.parameters = {{"period_ps", period * dt},
                      {"frequency_GHz", 1e3 / (period * dt)},
                      {"strain_amplitude", amp},
                      {"cycles", static_cast<double>(cycles)},
                      {"replicas", static_cast<double>(replicas)},
                      {"decorrelation_steps", static_cast<double>(decor)},
                      {"deform_every_steps", static_cast<double>(deform)},
                      {"stress_every_steps", static_cast<double>(sample)},
                      {"period_steps", static_cast<double>(period)},
                      {"replica_steps", static_cast<double>(replica_steps)}};
      r.resolve_start(e, s, r.default_start());
      if (s.start_from.empty()) e.require("start_from");
      char nm[64];
      if (s.t_end_K == std::floor(s.t_end_K)) std::snprintf(nm, sizeof nm, "shear-%04.0fK", s.t_end_K);
      else std::snprintf(nm, sizeof nm, "shear-%06.1fK", s.t_end_K);
      s.name = nm;
      s.volume = volume_mode;
      if (r.parsed().stage_index(s.name) >= 0)  // before its pre-equilibration takes a name
        tf.fail("stage name \"" + s.name + "\" is used twice; give each stage a distinct name");
      // The glass sheared at T sits at its zero-pressure volume at T (not in the
      // box of the colder glass it starts from, which puts it kbar off zero).
      if (volume_mode == "zero-pressure") add_zero_pressure_prestage(s, e, tf, r);
      r.add(std::move(s), tf);
    }
  }

  StagePlan plan(const StageSpec& s) const override {
    StagePlan p = StageType::plan(s);
    p.hook_every = param(s, "deform_every_steps");
    return p;
  }

  void at_step(const StageSpec& s, long step, StageControl& c) const override {
    const long rs = param(s, "replica_steps"), decor = param(s, "decorrelation_steps"),
               deform = param(s, "deform_every_steps"), every = param(s, "stress_every_steps");
    const double amp = s.parameters.at("strain_amplitude"), period_ps = s.parameters.at("period_ps");
    const double dt = s.timestep_ps;
    Box b = c.box();
    if (step >= s.steps || step % rs < decor) {  // unsheared: decorrelation segments and the stage's end
      if (b.xy != 0.0) {
        b.xy = 0.0;
        c.set_box(b);
      }
      return;
    }
    const long r = step / rs, v = step % rs - decor;
    const double t = v * dt;
    if (v % every == 0) {
      // The box holds the strain of the middle of the interval that just ended, eps(t - deform dt / 2)
      // (0 at the replica's start): record that time, so the fit's phase reference is the strain the
      // sampled state actually carries (otherwise a lag of half an interval, -pi/1000 rad at the default).
      const double t_strain = v == 0 ? 0.0 : t - 0.5 * deform * dt;
      const auto p = c.pressure_tensor_bar();
      c.record_sample("stress.csv",
                      {"replica", "t_shear_ps", "strain_xy", "pxx_bar", "pyy_bar", "pzz_bar", "pxy_bar", "pxz_bar",
                       "pyz_bar", "volume_A3"},
                      {static_cast<double>(r), t_strain, b.xy / b.ly, p[0], p[1], p[2], p[3], p[4], p[5], b.volume()});
    }
    // Centred staircase: hold the strain of the middle of [t, t + deform dt).
    b.xy = amp * std::sin(2 * M_PI * (t + 0.5 * deform * dt) / period_ps) * b.ly;
    c.set_box(b);
  }
};

}  // namespace

const StageType& stage_type_Shear() {
  static const ShearStage t;
  return t;
}

}  // namespace gb::cases
