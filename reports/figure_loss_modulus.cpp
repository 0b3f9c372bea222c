// Supplementary Fig. 13: MD-DMA loss modulus E''(T) at 1 GHz.
#include <filesystem>

#include <fmt/format.h>

#include "reports/figures.hpp"

namespace gb::reports {

Figure figure_loss_modulus(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-loss-modulus", "MD-DMA loss modulus vs temperature (cf. Supp. Fig. 13)",
           "Loss modulus E'' (GPa) from oscillatory shear at 1 GHz vs T (K); the paper finds peaks at 528 K and 665 K "
           "for Al90La10 (dashed lines).", "", ""};
  std::string plots;
  for (size_t r = 0; r < runs.size(); ++r) {
    std::vector<std::string> cols;
    const std::string t = csv_as_table(runs[r].layout().analysis_dir() + "/md_dma.csv", cols);
    int cT = -1, cE = -1;
    for (size_t c = 0; c < cols.size(); ++c) {
      if (cols[c] == "T_K") cT = c + 1;
      if (cols[c] == "loss_modulus_GPa") cE = c + 1;
    }
    if (t.empty() || cT < 0 || cE < 0) continue;
    const std::string name = fmt::format("dma{}.dat", r);
    gp.add_data(name, t);
    plots += fmt::format("{}'{}' using {}:{} with linespoints pt 7 lw 2 title {}", plots.empty() ? "" : ", ", name, cT, cE,
                         gp_quote(runs[r].case_name()));
  }
  if (plots.empty()) {
    f.note = "MD-DMA did not run: no run has analysis/md_dma.csv (the runner has no oscillatory-shear stage)";
    return f;
  }
  return render(f, gp,
                "set xlabel 'T (K)'\nset ylabel \"E'' (GPa)\"\nset grid\nset key top left\n"
                "set arrow from 528, graph 0 to 528, graph 1 nohead dt 2 lc rgb 'gray40'\n"
                "set arrow from 665, graph 0 to 665, graph 1 nohead dt 2 lc rgb 'gray40'\nplot " + plots);
}

}  // namespace gb::reports
