// Probes on local order (order.json of `glassbench analyze`): w6hat of fast vs
// slow atoms and vs the liquid (paper Fig. 4f), and the software self-check of
// w6hat for ideal fcc / hcp / icosahedral shells (paper Methods).
#include <cmath>

#include <fmt/format.h>

#include "analysis/bond_order.hpp"
#include "rundir/analysis_files.hpp"
#include "validation/internal/histogram_distance.hpp"
#include "validation/internal/probe.hpp"

namespace gb::validation {
namespace {

// One (species, mobility) group of order.json.
struct GroupStats {
  bool ok = false;
  double mean = 0, sd = 0;
  double sem = NAN;      // standard error over origin means (order.json "sem"); NaN if not sampled
  long n = 0;            // samples (atoms x origins)
  int origins = 0;
  std::vector<Counts> blocks;  // per-origin w6hat histograms (or the pooled one as a single block)
  double bin_width = 0;
};

GroupStats group_stats(const rundir::OrderFile& order, const std::string& species, const std::string& mobility,
                       const std::string& quantity = "w6hat") {
  GroupStats g;
  const rundir::OrderGroupRecord* grp = order.group(species, mobility);
  if (!grp) return g;
  const auto h = grp->histograms.find(quantity);
  if (h == grp->histograms.end() || !h->second.mean) return g;
  g.mean = *h->second.mean;
  g.sd = h->second.stddev.value_or(0.0);
  g.n = h->second.finite;
  g.bin_width = h->second.bin_width;
  if (const auto e = grp->sem.find(quantity); e != grp->sem.end()) g.sem = e->second;
  if (const auto m = grp->origin_means.find(quantity); m != grp->origin_means.end())
    g.origins = static_cast<int>(m->second.size());
  if (quantity == "w6hat") g.blocks = grp->w6hat_origin_counts;
  if (g.blocks.empty() && !h->second.counts.empty()) g.blocks.push_back(h->second.counts);
  g.ok = g.n > 0;
  return g;
}

rundir::OrderFile order_of(const StageRecord& s) { return *rundir::read_order_file(s.analysis.file(AnalysisFile::Order)); }

// The error of a group mean: between-origin standard error when the analysis
// sampled >= 2 origins (atoms in one frame are correlated, and one origin
// says nothing about time); else the naive sd/sqrt(n) of a one-frame file.
double mean_error(const GroupStats& g) {
  if (std::isfinite(g.sem)) return g.sem;
  return g.n > 1 ? g.sd / std::sqrt(static_cast<double>(g.n)) : NAN;
}

std::string distance_text(const std::string& label, const GroupStats& a, const GroupStats& b, bool paired) {
  if (a.blocks.empty() || b.blocks.empty() || a.bin_width <= 0) return "";
  if (paired && a.blocks.size() != b.blocks.size()) paired = false;
  const DistanceEstimate d = bootstrap_distance(a.blocks, b.blocks, a.bin_width, paired);
  return fmt::format("; {}: KS D = {:.3f} [{:.3f}, {:.3f}], W1 = {:.4f} [{:.4f}, {:.4f}] (95 % block bootstrap over "
                     "{} x {} origins)",
                     label, d.ks, d.ks_lo, d.ks_hi, d.w1, d.w1_lo, d.w1_hi, a.blocks.size(), b.blocks.size());
}

const StageRecord* glass_stage(const Reference& ref, const RunDirectory& run) {
  return run.nearest_stage_with(ref.param_number("T_K", 300), AnalysisFile::Order);
}

constexpr long kMinGroupAtoms = 5;  // below this a mean is not a distribution
constexpr int kMinLiquidFrames = 3; // a liquid baseline averages at least this many equilibrated frames

}  // namespace

Measurement probe_w6hat_fast_slow(const Reference& ref, const RunDirectory& run) {
  const StageRecord* s = glass_stage(ref, run);
  if (!s) return Measurement::skipped("missing analysis: no stage has order.json (run `glassbench analyze`)");
  if (const std::string why = outside_temperature_window(ref, *s); !why.empty()) return Measurement::skipped(why);
  const std::string sp = ref.param_string("species", "all");
  const auto order = order_of(*s);
  const GroupStats fast = group_stats(order, sp, "fast"), slow = group_stats(order, sp, "slow");
  if (!fast.ok || !slow.ok)
    return Measurement::skipped(fmt::format("missing data: {}/order.json has no w6hat fast/slow groups for species {}",
                                            s->dir_name, sp));
  if (fast.n < kMinGroupAtoms)
    return Measurement::too_weak(fmt::format("only {} fast {} atoms in {} (need {})", fast.n, sp, s->dir_name, kMinGroupAtoms));
  const double d = fast.mean - slow.mean;
  const double sigma = std::hypot(mean_error(fast), mean_error(slow));
  return Measurement::of(d, sigma,
                         fmt::format("{} ({:g} K), species {}: fast {:.5f} ± {:.2g} (n={}), slow {:.5f} ± {:.2g} "
                                     "(n={}) over {} origin(s){}",
                                     s->dir_name, s->temperature_K(), sp, fast.mean, mean_error(fast), fast.n,
                                     slow.mean, mean_error(slow), slow.n, std::max(1, fast.origins),
                                     distance_text("fast vs slow", fast, slow, true)));
}

Measurement probe_w6hat_fast_liquid(const Reference& ref, const RunDirectory& run) {
  const StageRecord* s = glass_stage(ref, run);
  const StageRecord* hot = run.hottest_stage_with(AnalysisFile::Order);
  if (!s || !hot) return Measurement::skipped("missing analysis: no stage has order.json (run `glassbench analyze`)");
  if (const std::string why = outside_temperature_window(ref, *s); !why.empty()) return Measurement::skipped(why);
  if (hot == s || hot->temperature_K() <= s->temperature_K())
    return Measurement::skipped("missing stage: no liquid stage hotter than the glass stage has order.json");
  const std::string sp = ref.param_string("species", "all");
  const auto order = order_of(*s);
  const auto liq_order = order_of(*hot);
  const GroupStats fast = group_stats(order, sp, "fast"), slow = group_stats(order, sp, "slow"),
                   liq = group_stats(liq_order, sp, "all");
  if (!fast.ok || !slow.ok || !liq.ok)
    return Measurement::skipped(fmt::format("missing data: w6hat groups fast/slow ({}) or all ({}) for species {}",
                                            s->dir_name, hot->dir_name, sp));
  // The baseline is the equilibrated liquid: many frames, and for a stage that
  // is not an isotherm only its second half (order.json source).
  const bool equilibrated = hot->is(StageKind::Isothermal) || liq_order.skipped_first_half;
  if (!equilibrated || liq.origins < kMinLiquidFrames)
    return Measurement::skipped(fmt::format(
        "missing data: the liquid baseline {}/order.json has {} sampled frame(s){}; need >= {} equilibrated frames "
        "(re-run `glassbench analyze`)",
        hot->dir_name, liq.origins, equilibrated ? "" : " and may include the unequilibrated start", kMinLiquidFrames));
  if (fast.n < kMinGroupAtoms)
    return Measurement::too_weak(fmt::format("only {} fast {} atoms in {} (need {})", fast.n, sp, s->dir_name, kMinGroupAtoms));
  const double d = std::fabs(slow.mean - liq.mean) - std::fabs(fast.mean - liq.mean);
  // |a-c| - |b-c| has (away from the kinks) the variance of a - b plus 0 or 4 var(c); bound it by the sum.
  const double ef = mean_error(fast), es = mean_error(slow), el = mean_error(liq);
  const double sigma = std::sqrt(ef * ef + es * es +
                                 (std::signbit(slow.mean - liq.mean) != std::signbit(fast.mean - liq.mean) ? 4 * el * el : 0.0));
  return Measurement::of(d, sigma,
                         fmt::format("{} species {}: fast {:.5f}, slow {:.5f}; liquid {} ({:g} K) {:.5f} ± {:.2g} over "
                                     "{} frames{}{}",
                                     s->dir_name, sp, fast.mean, slow.mean, hot->dir_name, hot->temperature_K(),
                                     liq.mean, el, liq.origins, distance_text("fast vs liquid", fast, liq, false),
                                     distance_text("slow vs liquid", slow, liq, false)));
}

Measurement probe_atomic_volume_fast_slow(const Reference& ref, const RunDirectory& run) {
  const StageRecord* s = glass_stage(ref, run);
  if (!s) return Measurement::skipped("missing analysis: no stage has order.json (run `glassbench analyze`)");
  if (const std::string why = outside_temperature_window(ref, *s); !why.empty()) return Measurement::skipped(why);
  const std::string sp = ref.param_string("species", "all");
  const auto order = order_of(*s);
  const GroupStats fast = group_stats(order, sp, "fast", "volume_A3"), slow = group_stats(order, sp, "slow", "volume_A3");
  if (!fast.ok || !slow.ok || !(slow.mean > 0))
    return Measurement::skipped(fmt::format("missing data: {}/order.json has no Voronoi volume fast/slow groups for {}",
                                            s->dir_name, sp));
  if (fast.n < kMinGroupAtoms)
    return Measurement::too_weak(fmt::format("only {} fast {} atoms in {} (need {})", fast.n, sp, s->dir_name, kMinGroupAtoms));
  const double rel = (fast.mean - slow.mean) / slow.mean;
  const double sigma = std::hypot(mean_error(fast), mean_error(slow)) / slow.mean;
  return Measurement::of(rel, sigma,
                         fmt::format("{} ({:g} K), species {}: Voronoi volume fast {:.3f} A^3 (n={}), slow {:.3f} A^3 "
                                     "(n={})",
                                     s->dir_name, s->temperature_K(), sp, fast.mean, fast.n, slow.mean, slow.n));
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
