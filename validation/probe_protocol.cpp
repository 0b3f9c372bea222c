// Probe "protocol": the run's MD protocol settings, read from stage.yaml files
// and final.data, compared with the paper's Methods (chang2022-protocol.yaml).
#include <algorithm>

#include <fmt/format.h>

#include "validation/internal/probe.hpp"

namespace gb::validation {

Measurement probe_protocol(const Reference& ref, const RunDirectory& run) {
  if (!run.claims_paper_protocol())
    return Measurement::skipped("case does not claim the paper protocol (no `protocol: chang2022`, `paper` tag or name)");
  if (run.stages().empty()) return Measurement::skipped("missing stage: the run has no stages/");
  const std::string field = ref.param_string("field");
  auto need = [&](StageKind kind) -> const StageRecord* {
    const auto of = run.stages_of(kind);
    return of.empty() ? nullptr : of.front();
  };
  if (field == "atoms") {
    if (run.atoms() == 0) return Measurement::skipped("missing stage output: no final.data to count atoms");
    return Measurement::of(run.atoms(), 0, "atoms in the first stage's final.data");
  }
  if (field == "equilibrate_temperature_K" || field == "equilibrate_duration_ps") {
    const StageRecord* s = need(StageKind::Equilibrate);
    if (!s) return Measurement::skipped("missing stage: no equilibrate stage");
    if (field == "equilibrate_temperature_K") return Measurement::of(s->T_end_K, 0, s->dir_name + "/stage.yaml T_end_K");
    return Measurement::of(s->duration_ps(), 0, fmt::format("{}: {} steps x {} ps", s->dir_name, s->steps, s->timestep_ps));
  }
  if (field.rfind("quench_", 0) == 0) {
    const StageRecord* s = need(StageKind::Quench);
    if (!s) return Measurement::skipped("missing stage: no quench stage");
    if (field == "quench_rate_K_per_s") {
      if (s->duration_ps() <= 0) return Measurement::skipped("quench stage has zero duration");
      const double rate = (s->T_start_K - s->T_end_K) / (s->duration_ps() * 1e-12);
      return Measurement::of(rate, 0, fmt::format("({} K - {} K) / {} ps", s->T_start_K, s->T_end_K, s->duration_ps()));
    }
    if (field == "quench_end_temperature_K") return Measurement::of(s->T_end_K, 0, s->dir_name + " T_end_K");
    if (field == "quench_is_npt") return Measurement::of(s->ensemble == "NPT" ? 1 : 0, 0, s->dir_name + " ensemble " + s->ensemble);
    if (field == "quench_pressure_bar") {
      if (s->ensemble != "NPT") return Measurement::skipped("quench is not NPT, so it has no pressure set point (see protocol.quench.ensemble)");
      return Measurement::of(s->pressure_bar.value_or(0.0), 0, s->dir_name + " pressure_bar");
    }
  }
  if (field == "relax_temperature_K" || field == "relax_duration_ps") {
    const StageRecord* s = need(StageKind::Relax);
    if (!s) return Measurement::skipped("missing stage: no relax stage after the quench");
    if (field == "relax_temperature_K") return Measurement::of(s->T_end_K, 0, s->dir_name + " T_end_K");
    return Measurement::of(s->duration_ps(), 0, fmt::format("{}: {} steps x {} ps", s->dir_name, s->steps, s->timestep_ps));
  }
  if (field == "max_timestep_ps") {
    double dt = 0;
    for (const auto& s : run.stages()) dt = std::max(dt, s.timestep_ps);
    if (dt <= 0) return Measurement::skipped("missing stage.yaml timestep_ps");
    return Measurement::of(dt, 0, "largest timestep_ps over stages");
  }
  if (field == "isothermal_all_nvt") {
    auto iso = run.isothermal_stages();
    if (iso.empty()) return Measurement::skipped("missing stage: no isothermal stages");
    bool all = std::all_of(iso.begin(), iso.end(), [](auto* s) { return s->ensemble == "NVT"; });
    return Measurement::of(all ? 1 : 0, 0, fmt::format("{} isothermal stages", iso.size()));
  }
  throw InputError(ref.where, "check.field", "unknown protocol field '" + field + "'");
}

}  // namespace gb::validation
