// Fig. 4f: w6hat distributions of fast vs slow atoms in the glass and of the
// liquid, from the histograms in order.json.
#include <fmt/format.h>

#include "reports/internal/figures.hpp"
#include "rundir/analysis_files.hpp"

namespace gb::reports {
namespace {

/// Normalised histogram (probability density) of one group's w6hat, as a table.
std::string density(const rundir::OrderFile& order, const std::string& species, const std::string& mobility, long* n) {
  const rundir::OrderGroupRecord* g = order.group(species, mobility);
  if (!g || !g->histograms.count("w6hat")) return "";
  const rundir::OrderHistogramRecord& h = g->histograms.at("w6hat");
  if (h.finite <= 0 || h.bin_width <= 0) return "";
  *n = h.finite;
  std::string t;
  for (size_t b = 0; b < h.counts.size(); ++b)
    t += fmt::format("{} {}\n", h.lo + (b + 0.5) * h.bin_width, h.counts[b] / (h.finite * h.bin_width));
  return t;
}

}  // namespace

Figure figure_w6hat(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-w6hat", "w6hat distributions: fast vs slow atoms vs liquid (cf. Fig. 4f)",
           "Probability density of w6hat; glass stage nearest 300 K (fast: moved > 2.0 A; slow: the rest) and the hottest "
           "stage with order data (liquid). Dashed: icosahedron -0.16975, fcc -0.01316 (paper, Methods).", "", ""};
  for (const auto& run : runs) {
    const auto* s = run.nearest_stage_with(300, rundir::AnalysisFile::Order);
    if (!s) continue;
    const auto order = rundir::read_order_file(s->analysis.file(rundir::AnalysisFile::Order));
    if (!order) continue;
    std::string species;
    for (const auto& g : order->groups)
      if (g.mobility == "fast" && g.atoms > 0 && species.empty()) species = g.species;
    if (species.empty()) continue;
    long nf = 0, ns = 0, nl = 0;
    const std::string fast = density(*order, species, "fast", &nf), slow = density(*order, species, "slow", &ns);
    if (fast.empty() || slow.empty()) continue;
    gp.add_data("w6fast.dat", fast);
    gp.add_data("w6slow.dat", slow);
    std::string plots = fmt::format("'w6fast.dat' using 1:2 with steps lw 2 title {}, 'w6slow.dat' using 1:2 with steps lw 2 title {}",
                                    gp_quote(fmt::format("fast {} ({:g} K, n={})", species, s->temperature_K(), nf)),
                                    gp_quote(fmt::format("slow {} ({:g} K, n={})", species, s->temperature_K(), ns)));
    const auto* hot = run.hottest_stage_with(rundir::AnalysisFile::Order);
    const auto hot_order = hot ? rundir::read_order_file(hot->analysis.file(rundir::AnalysisFile::Order)) : std::nullopt;
    if (hot_order && hot != s && hot->temperature_K() > s->temperature_K()) {
      const std::string liq = density(*hot_order, species, "all", &nl);
      if (!liq.empty()) {
        gp.add_data("w6liq.dat", liq);
        plots += fmt::format(", 'w6liq.dat' using 1:2 with steps lw 2 dt 4 title {}",
                             gp_quote(fmt::format("liquid {} ({:g} K, n={})", species, hot->temperature_K(), nl)));
      }
    }
    f.caption += fmt::format(" Run {}.", run.case_name());
    return render(f, gp,
                  "set xlabel 'ŵ_6'\nset ylabel 'probability density'\nset xrange [-0.2:0.1]\nset grid\nset key top left\n"
                  "set arrow from -0.16975, graph 0 to -0.16975, graph 1 nohead dt 2 lc rgb 'gray40'\n"
                  "set arrow from -0.01316, graph 0 to -0.01316, graph 1 nohead dt 2 lc rgb 'gray60'\nplot " + plots);
  }
  f.note = "no stage has order.json with fast/slow w6hat groups (run `glassbench analyze` with mobility classes)";
  return f;
}

}  // namespace gb::reports
