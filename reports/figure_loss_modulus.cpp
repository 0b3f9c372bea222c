// Supplementary Fig. 13: MD-DMA storage and loss moduli E'(T), E''(T) at
// 1 GHz with replica standard errors, and the loss peaks found
// (analysis/md_dma.csv and md_dma.json, written by `glassbench analyze run`).
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "reports/internal/figures.hpp"

namespace gb::reports {

Figure figure_loss_modulus(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-loss-modulus", "MD-DMA storage and loss moduli vs temperature (cf. Supp. Fig. 13)",
           "Loss modulus E'' (filled, left axis) and storage modulus E' (open, right axis), GPa, from sinusoidal xy "
           "shear (sigma_xy = sigma0 + sigma_A sin(2 pi f t + delta) fitted per replica; E' = sigma_A/eps_A cos delta, "
           "E'' = sigma_A/eps_A sin delta); error bars: standard error over replicas. Dashed grey: the paper's "
           "Al90La10 peaks at 528 K and 665 K; short arrows: peaks found (parabolic vertex, bootstrap error).",
           "", ""};
  std::string plots, extra;
  for (size_t r = 0; r < runs.size(); ++r) {
    std::vector<std::string> cols;
    const std::string t = csv_as_table(runs[r].layout().md_dma_csv(), cols);
    int cT = -1, cE = -1, cEe = -1, cS = -1, cSe = -1;
    for (size_t c = 0; c < cols.size(); ++c) {
      const int k = static_cast<int>(c) + 1;
      if (cols[c] == "T_K") cT = k;
      if (cols[c] == "loss_modulus_GPa") cE = k;
      if (cols[c] == "loss_modulus_error_GPa") cEe = k;
      if (cols[c] == "storage_modulus_GPa") cS = k;
      if (cols[c] == "storage_modulus_error_GPa") cSe = k;
    }
    if (t.empty() || cT < 0 || cE < 0) continue;
    const std::string name = fmt::format("dma{}.dat", r);
    gp.add_data(name, t);
    const std::string tag = runs.size() > 1 ? " (" + runs[r].case_name() + ")" : "";
    const std::string sep = plots.empty() ? "" : ", ";
    if (cEe > 0)
      plots += fmt::format("{}'{}' using {}:{}:{} with yerrorlines pt 7 lw 2 lc {} title {}", sep, name, cT, cE, cEe, r + 1,
                           gp_quote("E''" + tag));
    else
      plots += fmt::format("{}'{}' using {}:{} with linespoints pt 7 lw 2 lc {} title {}", sep, name, cT, cE, r + 1,
                           gp_quote("E''" + tag));
    if (cS > 0) {
      if (cSe > 0)
        plots += fmt::format(", '{}' using {}:{}:{} axes x1y2 with yerrorlines pt 6 dt 2 lc {} title {}", name, cT, cS, cSe,
                             r + 1, gp_quote("E'" + tag));
      else
        plots += fmt::format(", '{}' using {}:{} axes x1y2 with linespoints pt 6 dt 2 lc {} title {}", name, cT, cS, r + 1,
                             gp_quote("E'" + tag));
    }
    std::ifstream js(runs[r].layout().md_dma_json());
    if (js) {
      try {
        const auto doc = nlohmann::json::parse(js);
        for (const auto& p : doc.at("loss_peaks")) {
          const double T = p.at("T_K").get<double>(), s = p.at("sigma_T_K").get<double>();
          extra += fmt::format("set arrow from {}, graph 0.12 to {}, graph 0.02 lw 2 lc {}\n", T, T, r + 1);
          f.caption += fmt::format(" Peak{}: {:.0f} ± {:.0f} K.", tag, T, s);
        }
      } catch (const std::exception&) {
        f.note += "md_dma.json unreadable; peaks not marked. ";
      }
    }
  }
  if (plots.empty()) {
    f.note = "MD-DMA did not run: no run has analysis/md_dma.csv (no `shear` stage, or `glassbench analyze run` "
             "has not run)";
    return f;
  }
  return render(f, gp,
                "set xlabel 'T (K)'\nset ylabel \"E'' (GPa)\"\nset y2label \"E' (GPa)\"\nset ytics nomirror\n"
                "set y2tics\nset grid\nset key top left\n"
                "set arrow from 528, graph 0 to 528, graph 1 nohead dt 2 lc rgb 'gray40'\n"
                "set arrow from 665, graph 0 to 665, graph 1 nohead dt 2 lc rgb 'gray40'\n" +
                    extra + "plot " + plots);
}

}  // namespace gb::reports
