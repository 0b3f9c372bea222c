// Probe "species_mobility": how far each species moved over a whole stage,
// from the first and last frame of its trajectory (unwrapped, Angstrom): the
// mean squared displacement per species with its standard error over atoms.
// Read directly from the dump so the error bar is honest (per-atom spread),
// independent of how msd.json summarises the same trajectory.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/lammps_dump.hpp"
#include "validation/probe.hpp"

namespace gb::validation {
namespace {

struct SpeciesDisplacement {
  double mean = 0, se = 0;
  long n = 0;
};

}  // namespace

Measurement probe_species_mobility(const Reference& ref, const RunDirectory& run) {
  const std::string small = ref.param_string("small"), large = ref.param_string("large");
  if (small.empty() || large.empty())
    throw InputError(ref.where, "check", "species_mobility needs `small:` and `large:` element names");
  const std::string at = ref.param_string("T_K", "300");
  const StageRecord* s = nullptr;
  for (const auto& st : run.stages()) {
    if (!st.complete || st.is(StageKind::Quench) || st.trajectory_path().empty()) continue;
    if (at == "hottest") {
      if (!s || st.temperature_K() > s->temperature_K()) s = &st;
    } else {
      const double T = ref.param_number("T_K", 300);
      if (!s || std::fabs(st.temperature_K() - T) < std::fabs(s->temperature_K() - T) ||
          (std::fabs(st.temperature_K() - T) == std::fabs(s->temperature_K() - T) && st.is(StageKind::Isothermal)))
        s = &st;
    }
  }
  if (!s) return Measurement::skipped("missing stage: no stage with a trajectory");
  if (s->elements.empty()) return Measurement::skipped("missing data: " + s->dir_name + "/stage.yaml lists no elements");
  DumpReader reader(s->trajectory_path());
  DumpFrame first, frame, last;
  if (!reader.next(first)) return Measurement::skipped("too little data: empty trajectory in " + s->dir_name);
  bool more = false;
  while (reader.next(frame)) {
    std::swap(last, frame);
    more = true;
  }
  if (!more) return Measurement::too_weak("only one frame in " + s->dir_name + "/trajectory");
  if (!first.unwrapped || !last.unwrapped)
    return Measurement::skipped("trajectory of " + s->dir_name + " has wrapped coordinates (need xu yu zu)");
  if (last.ids != first.ids) return Measurement::skipped("atom ids change within " + s->dir_name);
  std::map<std::string, std::vector<double>> d2;
  for (size_t i = 0; i < first.size(); ++i) {
    const int t = first.types[i];
    const std::string el = (t >= 1 && t <= static_cast<int>(s->elements.size())) ? s->elements[t - 1] : "?";
    d2[el].push_back((last.positions[i] - first.positions[i]).norm2());
  }
  auto stats = [&](const std::string& el) {
    SpeciesDisplacement r;
    auto it = d2.find(el);
    if (it == d2.end()) return r;
    const auto& v = it->second;
    r.n = static_cast<long>(v.size());
    for (double x : v) r.mean += x;
    r.mean /= r.n;
    double var = 0;
    for (double x : v) var += (x - r.mean) * (x - r.mean);
    r.se = r.n > 1 ? std::sqrt(var / (r.n - 1) / r.n) : NAN;
    return r;
  };
  const SpeciesDisplacement a = stats(small), b = stats(large);
  if (a.n < 2 || b.n < 2)
    return Measurement::skipped(fmt::format("missing species: {} has {} {} and {} {} atoms", s->dir_name, a.n, small, b.n, large));
  const double span_ps = (last.timestep - first.timestep) * s->timestep_ps;
  // Over a short window every atom only vibrates: a claim about diffusion
  // needs the stage to last long enough for cage escapes (reference parameter).
  const double min_span = ref.param_number("min_span_ps", 0);
  if (span_ps < min_span)
    return Measurement::skipped(fmt::format("too little data: {} spans {:g} ps between first and last frame, need >= {:g} ps",
                                            s->dir_name, span_ps, min_span));
  const std::string how = fmt::format("{} ({:g} K), {:g} ps between first and last frame: MSD {} = {:.4g} ± {:.2g} A^2 (n={}), {} = {:.4g} ± {:.2g} A^2 (n={})",
                                      s->dir_name, s->temperature_K(), span_ps, small, a.mean, a.se, a.n, large, b.mean, b.se, b.n);
  const std::string field = ref.param_string("field");
  if (field == "small_minus_large") return Measurement::of(a.mean - b.mean, std::hypot(a.se, b.se), how);
  if (field == "large_msd") return Measurement::of(b.mean, b.se, how);
  throw InputError(ref.where, "check.field", "expected small_minus_large or large_msd, got '" + field + "'");
}

}  // namespace gb::validation
