// Fig. 4c: MSD per species at the stage nearest 300 K (the glass).
#include <filesystem>

#include <fmt/format.h>

#include "reports/internal/figures.hpp"

namespace gb::reports {

Figure figure_msd_species(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-msd", "Mean-squared displacement per species (cf. Fig. 4c)",
           "MSD (A^2) vs lag time (ps), log-log, per species, at the stage nearest 300 K of each run; "
           "the dotted line marks (2.0 A)^2, the fast-atom criterion.", "", ""};
  std::string plots;
  for (size_t r = 0; r < runs.size(); ++r) {
    const auto* s = runs[r].nearest_stage_with(300, rundir::AnalysisFile::MsdCsv);
    if (!s) continue;
    std::vector<std::string> cols;
    const std::string t = csv_as_table(s->analysis.file(rundir::AnalysisFile::MsdCsv), cols);
    if (t.empty() || cols.empty()) continue;
    const std::string name = fmt::format("msd{}.dat", r);
    gp.add_data(name, t);
    for (size_t c = 1; c < cols.size(); ++c) {
      std::string label = cols[c];
      if (label == "msd_A2") label = "all";
      else if (label.rfind("msd_", 0) == 0 && label.size() > 7) label = label.substr(4, label.size() - 7);
      else continue;
      plots += fmt::format("{}'{}' using 1:(${}>0?${}:1/0) with lines lw 2 title {}", plots.empty() ? "" : ", ", name, c + 1,
                           c + 1, gp_quote(fmt::format("{} {:g} K{}", label, s->temperature_K(),
                                                       runs.size() > 1 ? " (" + runs[r].case_name() + ")" : "")));
    }
  }
  if (plots.empty()) {
    f.note = "no stage has analysis/<stage>/msd.csv";
    return f;
  }
  return render(f, gp,
                "set logscale xy\nset format x '10^{%L}'\nset format y '10^{%L}'\nset xlabel 't (ps)'\n"
                "set ylabel 'MSD (Å^2)'\nset key top left\nset grid\nplot " + plots + ", 4.0 with lines dt 3 lc rgb 'gray40' title '(2 Å)^2'");
}

}  // namespace gb::reports
