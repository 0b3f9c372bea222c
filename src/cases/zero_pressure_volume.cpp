#include "cases/internal/zero_pressure_volume.hpp"

#include "cases/internal/field_values.hpp"

namespace gb::cases {

namespace {
// Default length of the NPT pre-equilibration: 20 ps = 10000 steps of 2 fs =
// 400 Monte Carlo volume moves at the default interval, enough for the box of a
// 4000-atom metallic liquid or glass to settle (volume autocorrelation ~1-5 ps);
// the mean box is taken over 10-20 ps.
constexpr double kDefaultNptPs = 20.0;
}  // namespace

std::string read_volume_mode(const YamlField& e, ProtocolReader& r) {
  StageSpec probe;
  r.read_common(e, probe);
  std::string mode;
  if (!probe.npt) {
    mode = e.has("volume") ? e.child("volume").as_string() : "zero-pressure";
    if (mode != "zero-pressure" && mode != "start-state")
      e.child("volume").fail("expected zero-pressure (NPT pre-equilibration at T, P = 0, then NVT in its mean box) "
                             "or start-state (NVT in start_from's box), got '" + mode + "'");
  } else if (e.has("volume")) {
    e.child("volume").fail("volume applies to NVT stages; an NPT stage finds its own volume");
  }
  if (e.has("npt_duration") && mode != "zero-pressure")
    e.child("npt_duration").fail("npt_duration is the length of the zero-pressure pre-equilibration; it needs "
                                 "ensemble NVT with volume: zero-pressure");
  return mode;
}

void add_zero_pressure_prestage(StageSpec& s, const YamlField& e, const YamlField& where, ProtocolReader& r) {
  StageSpec pre = s;
  pre.kind = StageKind::Equilibrate;
  pre.name = s.name + "-npt";
  pre.npt = true;
  pre.pressure_bar = 0;
  pre.volume.clear();
  pre.equilibration_steps = 0;
  pre.output.positions_steps = 0;
  pre.output.velocities_steps = 0;
  pre.parameters.clear();  // it only finds the volume: no stress series, no shear
  const double npt_ps = e.has("npt_duration") ? positive_time(e.child("npt_duration")) : kDefaultNptPs;
  pre.steps = whole_steps(e.has("npt_duration") ? e.child("npt_duration") : e, npt_ps, pre.timestep_ps, false);
  s.start_from = pre.name;
  s.box_from_mean = true;
  r.add(std::move(pre), where);
}

}  // namespace gb::cases
