// Probe "species_mobility": how far each species moved over a whole stage,
// from its trajectory (unwrapped, Angstrom): the mean squared displacement
// first -> last frame per species with its standard error over atoms, and per
// atom the largest displacement from the first frame over all frames.
// Read directly from the dump so the error bar is honest (per-atom spread),
// independent of how msd.json summarises the same trajectory.
//
// Fields:
//  small_minus_large  MSD(small) - MSD(large); counts only when the small
//                     species really left its cages: at least
//                     min_escaped_fraction of its atoms (and >= 3 atoms) moved
//                     beyond fast_threshold_A at some frame.  Otherwise the
//                     verdict is inconclusive (vibration alone is no claim).
//  large_escaped_fraction  fraction of large-species atoms whose largest
//                     displacement exceeds fast_threshold_A ("all La atoms
//                     vibrate": the fraction must stay under a bound).
//  large_msd          MSD(large) (kept for old reference files).
#include <cmath>
#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/lammps_dump.hpp"
#include "validation/internal/probe.hpp"

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
  if (at != "hottest")
    if (const std::string why = outside_temperature_window(ref, *s); !why.empty()) return Measurement::skipped(why);
  if (s->elements.empty()) return Measurement::skipped("missing data: " + s->dir_name + "/stage.yaml lists no elements");
  const double fast_A = ref.param_number("fast_threshold_A", 2.0);
  DumpReader reader(s->trajectory_path());
  DumpFrame first, frame, last;
  if (!reader.next(first)) return Measurement::skipped("too little data: empty trajectory in " + s->dir_name);
  if (!first.unwrapped)
    return Measurement::skipped("trajectory of " + s->dir_name + " has wrapped coordinates (need xu yu zu)");
  std::vector<double> max_d2(first.size(), 0.0);
  bool more = false;
  while (reader.next(frame)) {
    if (!frame.unwrapped)
      return Measurement::skipped("trajectory of " + s->dir_name + " has wrapped coordinates (need xu yu zu)");
    if (frame.ids != first.ids) return Measurement::skipped("atom ids change within " + s->dir_name);
    for (size_t i = 0; i < first.size(); ++i)
      max_d2[i] = std::max(max_d2[i], (frame.positions[i] - first.positions[i]).norm2());
    std::swap(last, frame);
    more = true;
  }
  if (!more) return Measurement::too_weak("only one frame in " + s->dir_name + "/trajectory");
  std::map<std::string, std::vector<double>> d2;
  std::map<std::string, long> escaped;
  for (size_t i = 0; i < first.size(); ++i) {
    const int t = first.types[i];
    const std::string el = (t >= 1 && t <= static_cast<int>(s->elements.size())) ? s->elements[t - 1] : "?";
    d2[el].push_back((last.positions[i] - first.positions[i]).norm2());
    if (max_d2[i] > fast_A * fast_A) ++escaped[el];
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
  const long esc_small = escaped[small], esc_large = escaped[large];
  const double f_small = static_cast<double>(esc_small) / a.n, f_large = static_cast<double>(esc_large) / b.n;
  const std::string escapes = fmt::format("; beyond {:g} A at some frame: {} {}/{} atoms, {} {}/{}", fast_A, small,
                                          esc_small, a.n, large, esc_large, b.n);
  if (field == "small_minus_large") {
    // Vibration alone is not "faster": the small species must have left its cages.
    const double min_fraction = ref.param_number("min_escaped_fraction", 0.01);
    constexpr long kMinEscapedAtoms = 3;  // fewer is a fluctuation, not a population
    if (esc_small < kMinEscapedAtoms || f_small < min_fraction)
      return Measurement::too_weak(fmt::format("no diffusive motion: {} {} atoms ({:.2g} %) moved beyond {:g} A, need "
                                               ">= {} and >= {:g} %; vibration alone does not test the claim ({})",
                                               esc_small, small, 100 * f_small, fast_A, kMinEscapedAtoms,
                                               100 * min_fraction, how));
    return Measurement::of(a.mean - b.mean, std::hypot(a.se, b.se), how + escapes);
  }
  if (field == "large_escaped_fraction") {
    // Binomial error, with at least one atom's worth so that 0/n is not exact.
    const double p = std::max(f_large, 1.0 / b.n);
    return Measurement::of(f_large, std::sqrt(p * (1 - std::min(p, 1.0)) / b.n), how + escapes);
  }
  if (field == "large_msd") return Measurement::of(b.mean, b.se, how);
  throw InputError(ref.where, "check.field",
                   "expected small_minus_large, large_escaped_fraction or large_msd, got '" + field + "'");
}

}  // namespace gb::validation
