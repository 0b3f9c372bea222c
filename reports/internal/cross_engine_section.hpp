#pragma once
// The report's cross-engine section (`glassbench report RUN_A --compare RUN_B`):
// the table of `glassbench compare` (observable, A ± err, B ± err, difference
// or distance with its interval, margin, verdict) and both runs' curves
// overlaid -- MSD per species, the Arrhenius plot of D per species, partial
// g(r), per-species w6hat histograms and the string ratio, at the coldest
// isothermal stage the two share (D(T): every shared isothermal stage; every
// replica).  RUN_A / RUN_B are run directories or replica sets.
#include <string>
#include <vector>

#include "compare/run_comparison.hpp"
#include "reports/figure.hpp"
#include "reports/internal/gnuplot_runner.hpp"

namespace gb::reports {

struct CrossEngineSection {
  std::vector<compare::Comparison> comparisons;
  std::vector<Figure> figures;
  std::string html, markdown;
};

CrossEngineSection build_cross_engine_section(const std::string& run_a, const std::string& run_b, GnuplotRunner& gp);

}  // namespace gb::reports
