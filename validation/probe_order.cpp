// Probes on local order (order.json of `glassbench analyze`): w6hat of fast vs
// slow atoms and vs the liquid (paper Fig. 4f), and the software self-check of
// w6hat for ideal fcc / hcp / icosahedral shells (paper Methods).
#include <cmath>

#include <fmt/format.h>

#include "analysis/bond_order.hpp"
#include "rundir/analysis_files.hpp"
#include "validation/probe.hpp"

namespace gb::validation {
namespace {

struct GroupStats {
  bool ok = false;
  double mean = 0, sd = 0;
  long n = 0;
};

GroupStats w6_stats(const rundir::OrderFile& order, const std::string& species, const std::string& mobility) {
  GroupStats g;
  const rundir::OrderGroupRecord* grp = order.group(species, mobility);
  if (!grp) return g;
  const auto it = grp->histograms.find("w6hat");
  if (it == grp->histograms.end() || !it->second.mean) return g;
  g.mean = *it->second.mean;
  g.sd = it->second.stddev.value_or(0.0);
  g.n = it->second.finite;
  g.ok = g.n > 0;
  return g;
}

rundir::OrderFile order_of(const StageRecord& s) { return *rundir::read_order_file(s.analysis.file(AnalysisFile::Order)); }

double standard_error(const GroupStats& g) { return g.n > 1 ? g.sd / std::sqrt(static_cast<double>(g.n)) : NAN; }

const StageRecord* glass_stage(const Reference& ref, const RunDirectory& run) {
  return run.nearest_stage_with(ref.param_number("T_K", 300), AnalysisFile::Order);
}

constexpr long kMinGroupAtoms = 5;  // below this a mean is not a distribution

}  // namespace

Measurement probe_w6hat_fast_slow(const Reference& ref, const RunDirectory& run) {
  const StageRecord* s = glass_stage(ref, run);
  if (!s) return Measurement::skipped("missing analysis: no stage has order.json (run `glassbench analyze`)");
  const std::string sp = ref.param_string("species", "all");
  const auto order = order_of(*s);
  const GroupStats fast = w6_stats(order, sp, "fast"), slow = w6_stats(order, sp, "slow");
  if (!fast.ok || !slow.ok)
    return Measurement::skipped(fmt::format("missing data: {}/order.json has no w6hat fast/slow groups for species {}",
                                            s->dir_name, sp));
  if (fast.n < kMinGroupAtoms)
    return Measurement::too_weak(fmt::format("only {} fast {} atoms in {} (need {})", fast.n, sp, s->dir_name, kMinGroupAtoms));
  const double d = fast.mean - slow.mean;
  const double sigma = std::hypot(standard_error(fast), standard_error(slow));
  return Measurement::of(d, sigma,
                         fmt::format("{} ({:g} K), species {}: fast {:.5f} (n={}), slow {:.5f} (n={})", s->dir_name,
                                     s->temperature_K(), sp, fast.mean, fast.n, slow.mean, slow.n));
}

Measurement probe_w6hat_fast_liquid(const Reference& ref, const RunDirectory& run) {
  const StageRecord* s = glass_stage(ref, run);
  const StageRecord* hot = run.hottest_stage_with(AnalysisFile::Order);
  if (!s || !hot) return Measurement::skipped("missing analysis: no stage has order.json (run `glassbench analyze`)");
  if (hot == s || hot->temperature_K() <= s->temperature_K())
    return Measurement::skipped("missing stage: no liquid stage hotter than the glass stage has order.json");
  const std::string sp = ref.param_string("species", "all");
  const auto order = order_of(*s);
  const auto liq_order = order_of(*hot);
  const GroupStats fast = w6_stats(order, sp, "fast"), slow = w6_stats(order, sp, "slow"),
                   liq = w6_stats(liq_order, sp, "all");
  if (!fast.ok || !slow.ok || !liq.ok)
    return Measurement::skipped(fmt::format("missing data: w6hat groups fast/slow ({}) or all ({}) for species {}",
                                            s->dir_name, hot->dir_name, sp));
  if (fast.n < kMinGroupAtoms)
    return Measurement::too_weak(fmt::format("only {} fast {} atoms in {} (need {})", fast.n, sp, s->dir_name, kMinGroupAtoms));
  const double d = std::fabs(slow.mean - liq.mean) - std::fabs(fast.mean - liq.mean);
  // |a-c| - |b-c| has (away from the kinks) the variance of a - b plus 0 or 4 var(c); bound it by the sum.
  const double sigma = std::sqrt(std::pow(standard_error(fast), 2) + std::pow(standard_error(slow), 2) +
                                 (std::signbit(slow.mean - liq.mean) != std::signbit(fast.mean - liq.mean)
                                      ? 4 * std::pow(standard_error(liq), 2)
                                      : 0.0));
  return Measurement::of(d, sigma,
                         fmt::format("{} species {}: fast {:.5f}, slow {:.5f}; liquid {} ({:g} K) {:.5f}", s->dir_name,
                                     sp, fast.mean, slow.mean, hot->dir_name, hot->temperature_K(), liq.mean));
}

Measurement probe_w6hat_ideal(const Reference& ref, const RunDirectory&) {
  const std::string structure = ref.param_string("structure");
  std::vector<Vec3> bonds;
  if (structure == "fcc") {
    for (int a = 0; a < 3; ++a)
      for (int sa : {-1, 1})
        for (int sb : {-1, 1}) {
          Vec3 v;
          v[a] = sa;
          v[(a + 1) % 3] = sb;
          bonds.push_back(v);
        }
  } else if (structure == "hcp") {
    // Ideal hcp, nearest-neighbour distance 1: 6 in-plane, 3 above and 3
    // below at the same in-plane positions (ABA stacking), height sqrt(2/3).
    const double pi = std::acos(-1.0), h = std::sqrt(2.0 / 3.0), r = 1.0 / std::sqrt(3.0);
    for (int k = 0; k < 6; ++k) bonds.push_back({std::cos(k * pi / 3), std::sin(k * pi / 3), 0});
    for (int k = 0; k < 3; ++k) {
      const double phi = pi / 6 + k * 2 * pi / 3;
      bonds.push_back({r * std::cos(phi), r * std::sin(phi), h});
      bonds.push_back({r * std::cos(phi), r * std::sin(phi), -h});
    }
  } else if (structure == "icosahedron") {
    const double g = (1 + std::sqrt(5.0)) / 2;
    for (int sa : {-1, 1})
      for (int sb : {-1, 1}) {
        bonds.push_back({0, double(sa), sb * g});
        bonds.push_back({double(sa), sb * g, 0});
        bonds.push_back({sb * g, 0, double(sa)});
      }
  } else {
    throw InputError(ref.where, "check.structure", "expected fcc, hcp or icosahedron, got '" + structure + "'");
  }
  analysis::BondOrderOptions opt;
  opt.degrees = {6};
  const auto inv = analysis::BondOrderCalculator(opt).shell(bonds);
  // Double-precision evaluation of a closed-form sum: error ~1e-15.
  return Measurement::of(inv[0].w_hat, 1e-12,
                         fmt::format("glassbench BondOrderCalculator on a perfect {}-neighbour {} shell", bonds.size(),
                                     structure));
}

}  // namespace gb::validation
