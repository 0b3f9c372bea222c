// Viscosity figures (issue 11): the Green-Kubo stress autocorrelation with
// its running integral per isothermal stage (analysis/<stage>/stress_acf.csv),
// and eta(T) from Green-Kubo and from the Maxwell relation
// (analysis/viscosity.csv), with errors.
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "reports/internal/figures.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::reports {

namespace {
int col(const std::vector<std::string>& cols, const std::string& name) {
  for (size_t c = 0; c < cols.size(); ++c)
    if (cols[c] == name) return static_cast<int>(c) + 1;
  return -1;
}
}  // namespace

Figure figure_stress_acf(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-stress-acf", "Stress autocorrelation and Green-Kubo running integral",
           "Left: mean autocorrelation of pxy, pxz, pyz, (pxx-pyy)/2, (pyy-pzz)/2, normalised to 1 at t = 0; "
           "right: running Green-Kubo integral eta(t) = V/(k_B T) int_0^t ACF (mPa s), shaded by its block standard "
           "error. Points: the cut-off (first lag where the ACF is below 2 standard errors) and eta.",
           "", ""};
  std::string plots, extra;
  int k = 0;
  for (const auto& run : runs)
    for (const auto* st : run.isothermal_stages()) {
      const std::string acf_file = st->analysis.file(rundir::AnalysisFile::StressAcf);
      std::vector<std::string> cols;
      const std::string t = csv_as_table(acf_file, cols);
      const int cl = col(cols, "lag_ps"), ca = col(cols, "acf_bar2"), ce = col(cols, "running_eta_mPa_s"),
                cs = col(cols, "running_eta_error_mPa_s");
      if (t.empty() || cl < 0 || ca < 0 || ce < 0 || k >= 6) continue;
      const std::string name = fmt::format("acf{}.dat", k);
      gp.add_data(name, t);
      const double a0 = validation::read_numeric_csv(acf_file)[static_cast<size_t>(ca - 1)].second.at(0);
      const std::string tag = fmt::format("{:.0f} K{}", st->T_end_K, runs.size() > 1 ? " " + run.case_name() : "");
      const std::string sep = plots.empty() ? "" : ", ";
      plots += fmt::format("{}'{}' using {}:(${}/{}) with lines lw 2 lc {} title {}", sep, name, cl, ca, a0, k + 1,
                           gp_quote("ACF " + tag));
      if (cs > 0)
        plots += fmt::format(", '{}' using {}:(${}-${}):(${}+${}) axes x1y2 with filledcurves fs transparent solid 0.2 "
                             "lc {} notitle",
                             name, cl, ce, cs, ce, cs, k + 1);
      plots += fmt::format(", '{}' using {}:{} axes x1y2 with lines lw 2 dt 2 lc {} title {}", name, cl, ce, k + 1,
                           gp_quote("eta(t) " + tag));
      ++k;
    }
  if (plots.empty()) {
    f.note = "no isothermal stage has a stress series (set `stress_interval:` on an isothermal group; "
             "analysis/<stage>/stress_acf.csv)";
    return f;
  }
  return render(f, gp,
                "set xlabel 't (ps)'\nset ylabel 'ACF(t)/ACF(0)'\nset y2label 'running η (mPa s)'\nset ytics nomirror\n"
                "set y2tics\nset grid\nset key outside bottom center horizontal maxrows 3\nset xrange [0:*]\n" +
                    extra + "plot " + plots,
                760, 520);
}

Figure figure_viscosity(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-viscosity", "Shear viscosity: Green-Kubo and Maxwell",
           "log10 eta (Pa s) vs 1000/T: Green-Kubo (filled circles) and Maxwell eta = G_inf tau_alpha (open squares; "
           "G_inf = V/(k_B T) <P^2>, tau_alpha from F_s(q1, t) = 1/e at the first S(q) peak); error bars: one standard "
           "error.",
           "", ""};
  std::string plots;
  for (size_t r = 0; r < runs.size(); ++r) {
    std::vector<std::string> cols;
    const std::string t = csv_as_table(runs[r].layout().viscosity_csv(), cols);
    const int cT = col(cols, "T_K"), cg = col(cols, "eta_gk_Pa_s"), cge = col(cols, "eta_gk_error_Pa_s"),
              cm = col(cols, "eta_maxwell_Pa_s"), cme = col(cols, "eta_maxwell_error_Pa_s");
    if (t.empty() || cT < 0 || cg < 0) continue;
    const std::string name = fmt::format("eta{}.dat", r);
    gp.add_data(name, t);
    const std::string tag = runs.size() > 1 ? " (" + runs[r].case_name() + ")" : "";
    const std::string sep = plots.empty() ? "" : ", ";
    // log10 with error: sigma(log10 eta) = sigma/(eta ln 10)
    plots += fmt::format("{}'{}' using (1000/${}):(log10(${})):(${}/${}/log(10)) with yerrorbars pt 7 ps 1.3 lc {} title {}",
                         sep, name, cT, cg, cge, cg, r + 1, gp_quote("Green-Kubo" + tag));
    if (cm > 0 && cme > 0)
      plots += fmt::format(", '{}' using (1000/${}):(log10(${})):(${}/${}/log(10)) with yerrorbars pt 4 ps 1.3 lc {} title {}",
                           name, cT, cm, cme, cm, r + 1, gp_quote("Maxwell G_inf tau_alpha" + tag));
  }
  if (plots.empty()) {
    f.note = "no run has analysis/viscosity.csv (no isothermal stage with a stress series)";
    return f;
  }
  return render(f, gp, "set xlabel '1000/T (1/K)'\nset ylabel 'log_{10} η (Pa s)'\nset grid\nset key top left\nplot " + plots);
}

}  // namespace gb::reports
