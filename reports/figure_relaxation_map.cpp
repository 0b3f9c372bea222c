// Figs. 3 and 5b: the relaxation map.  log10 D (left axis) and log10
// tau_string (right axis) vs 1000/T, with the high-temperature Arrhenius fit
// and a VFT fit of D (src/analysis fits), and T_A marked where D leaves the
// Arrhenius line (analysis::find_arrhenius_crossover: 10% departure).
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "analysis/arrhenius_crossover.hpp"
#include "analysis/vft_fit.hpp"
#include "reports/internal/figures.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::reports {

Figure figure_relaxation_map(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-relaxation-map", "Relaxation map (cf. Figs. 3 and 5b)",
           "log10 D (A^2/ps, filled circles, left axis) and log10 tau_string (s, open squares, right axis) vs 1000/T. "
           "Solid: Arrhenius fit of the high-temperature D; dashed: VFT fit of all D; dotted: Arrhenius fit of "
           "tau_string; vertical line: T_A, where D departs from the Arrhenius line by 10%.", "", ""};
  std::string plots, extra;
  int k = 0;
  for (const auto& run : runs) {
    std::vector<std::string> notes;
    const auto D = validation::diffusion_points(run, "all", notes);
    const auto peaks = validation::string_peaks(run, notes);
    const std::string tag = runs.size() > 1 ? " (" + run.case_name() + ")" : "";
    if (!D.empty()) {
      std::string t;
      std::vector<double> T, y;
      for (const auto& p : D) {
        t += fmt::format("{} {} {}\n", 1000.0 / p.T_K, std::log10(p.D_A2_per_ps),
                         std::isfinite(p.sigma) ? p.sigma / p.D_A2_per_ps / std::log(10.0) : 0.0);
        T.push_back(p.T_K);
        y.push_back(p.D_A2_per_ps);
      }
      const std::string name = fmt::format("D{}.dat", k);
      gp.add_data(name, t);
      plots += fmt::format("{}'{}' using 1:2:3 with yerrorbars pt 7 ps 1.2 lc {} title {}", plots.empty() ? "" : ", ", name,
                           k + 1, gp_quote("D" + tag));
      if (D.size() >= 3) {
        try {
          const auto cr = analysis::find_arrhenius_crossover(T, y, analysis::ArrheniusKind::kRate);
          const auto& a = cr.high_T_fit;
          // log10 D = (ln A - Ea/(k T)) / ln 10, with x = 1000/T.
          plots += fmt::format(", ({} - {}*x/1000/8.617333262e-5)/log(10) with lines lw 2 lc {} title {}", a.ln_prefactor.value,
                               a.activation_energy_eV.value, k + 1,
                               gp_quote(fmt::format("Arrhenius, E = {:.3f} eV{}", a.activation_energy_eV.value, tag)));
          if (cr.found) {
            extra += fmt::format("set arrow from {}, graph 0 to {}, graph 1 nohead dt 3 lw 2 lc {}\n"
                                 "set label 'T_A = {:.0f} K' at {}, graph 0.95 offset 0.5,0 tc lt {}\n",
                                 1000 / cr.T_A_K, 1000 / cr.T_A_K, k + 1, cr.T_A_K, 1000 / cr.T_A_K, k + 1);
            f.caption += fmt::format(" T_A = {:.0f} K{}.", cr.T_A_K, tag);
          } else {
            f.note += fmt::format("T_A not found{}: every D lies on the high-T Arrhenius line. ", tag);
          }
        } catch (const std::exception& e) {
          f.note += fmt::format("Arrhenius fit failed{}: {}. ", tag, e.what());
        }
      }
      if (D.size() >= 4) {
        try {
          const auto v = analysis::fit_vft(T, y, {}, analysis::ArrheniusKind::kRate);
          plots += fmt::format(", ({} - {}/(1000/x - {}))/log(10) with lines lw 2 dt 2 lc {} title {}", v.ln_prefactor.value,
                               v.B_K.value, v.T0_K.value, k + 1,
                               gp_quote(fmt::format("VFT, T_0 = {:.0f} K{}", v.T0_K.value, tag)));
        } catch (const std::exception& e) {
          f.note += fmt::format("VFT fit failed{}: {}. ", tag, e.what());
        }
      }
    }
    if (!peaks.empty()) {
      std::string t;
      std::vector<double> T, y;
      for (const auto& p : peaks) {
        t += fmt::format("{} {}\n", 1000.0 / p.T_K, std::log10(p.t_ps * 1e-12));
        T.push_back(p.T_K);
        y.push_back(p.t_ps * 1e-12);
      }
      const std::string name = fmt::format("tau{}.dat", k);
      gp.add_data(name, t);
      plots += fmt::format("{}'{}' using 1:2 axes x1y2 with points pt 5 ps 1.2 lc {} title {}", plots.empty() ? "" : ", ", name,
                           k + 3, gp_quote("tau_string" + tag));
      if (peaks.size() >= 3) {
        try {
          const auto a = analysis::fit_arrhenius(T, y, {}, analysis::ArrheniusKind::kTime);
          plots += fmt::format(", ({} + {}*x/1000/8.617333262e-5)/log(10) axes x1y2 with lines lw 2 dt 3 lc {} title {}",
                               a.ln_prefactor.value, a.activation_energy_eV.value, k + 3,
                               gp_quote(fmt::format("tau_string Arrhenius, E = {:.3f} eV{}", a.activation_energy_eV.value, tag)));
        } catch (const std::exception& e) {
          f.note += fmt::format("tau_string fit failed{}: {}. ", tag, e.what());
        }
      }
    }
    {
      // Viscosity on the map (issue 11): the Maxwell time eta_GK / G_inf (s), right axis.
      std::vector<std::string> cols;
      const std::string t =
          csv_as_table(run.layout().viscosity_csv(), cols);
      int cT = -1, ce = -1, cg = -1;
      for (size_t c = 0; c < cols.size(); ++c) {
        if (cols[c] == "T_K") cT = static_cast<int>(c) + 1;
        if (cols[c] == "eta_gk_Pa_s") ce = static_cast<int>(c) + 1;
        if (cols[c] == "G_inf_GPa") cg = static_cast<int>(c) + 1;
      }
      if (!t.empty() && cT > 0 && ce > 0 && cg > 0) {
        const std::string name = fmt::format("eta{}.dat", k);
        gp.add_data(name, t);
        plots += fmt::format("{}'{}' using (1000/${}):(log10(${}/(${}*1e9))) axes x1y2 with points pt 9 ps 1.4 lc {} "
                             "title {}",
                             plots.empty() ? "" : ", ", name, cT, ce, cg, k + 5, gp_quote("η_GK/G_∞" + tag));
        f.caption += " Triangles: the Maxwell time eta_GK/G_inf of the Green-Kubo viscosity (s, right axis).";
      }
    }
    ++k;
  }
  if (plots.empty()) {
    f.note = "no run has D (analysis/<stage>/msd.json) or string-ratio peaks (strings.csv) at any temperature";
    return f;
  }
  return render(f, gp,
                "set xlabel '1000/T (1/K)'\nset ylabel 'log_{10} D (Å^2/ps)'\nset y2label 'log_{10} τ_{string} (s)'\n"
                "set ytics nomirror\nset y2tics\nset grid\nset key outside bottom center horizontal maxrows 3\nset samples 400\n" +
                    extra + "plot " + plots,
                760, 560);
}

}  // namespace gb::reports
