// Fig. 4e: self van Hove p(u, t) next to g(r), stage nearest 300 K.
// vanhove.csv is long format (t_ps,u_A,p_<label>_per_A...): one curve per t
// for the first label; gr.csv is r_A then one column per pair.
#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "reports/internal/figures.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::reports {

Figure figure_vanhove_gr(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-vanhove-gr", "Displacement distribution p(u,t) and g(r) (cf. Fig. 4e)",
           "Top: self van Hove distribution p(u,t) (1/A) of displacements u (A), one curve per stored t; bottom: "
           "pair correlation g(r). Multi-peaked p(u,t) at the g(r) peak positions is the signature of string-like hops.",
           "", ""};
  for (const auto& run : runs) {
    const auto* s = run.nearest_stage_with(300, rundir::AnalysisFile::VanHove);
    if (!s || !s->has(rundir::AnalysisFile::Gr)) continue;
    std::vector<std::string> vc, gc;
    const std::string vt = csv_as_table(s->analysis.file(rundir::AnalysisFile::VanHove), vc);
    const std::string gt = csv_as_table(s->analysis.file(rundir::AnalysisFile::Gr), gc);
    if (vt.empty() || gt.empty() || vc.size() < 3 || gc.size() < 2 || vc[0] != "t_ps" || vc[1] != "u_A") continue;
    gp.add_data("vanhove.dat", vt);
    gp.add_data("gr.dat", gt);
    const auto cols = validation::read_numeric_csv(s->analysis.file(rundir::AnalysisFile::VanHove));
    std::set<double> times(cols[0].second.begin(), cols[0].second.end());
    std::string pv, pg;
    for (double t : times)
      pv += fmt::format("{}'vanhove.dat' using 2:(abs($1-{:.10g})<1e-9*{:.10g}+1e-12?$3:1/0) with lines lw 2 title {}",
                        pv.empty() ? "" : ", ", t, std::fabs(t), gp_quote(fmt::format("t = {:g} ps", t)));
    for (size_t c = 1; c < gc.size(); ++c)
      pg += fmt::format("{}'gr.dat' using 1:{} with lines lw 2 title {}", pg.empty() ? "" : ", ", c + 1, gp_quote(gc[c]));
    f.caption += fmt::format(" Run {}, stage {} ({:g} K), p for {}.", run.case_name(), s->dir_name, s->temperature_K(), vc[2]);
    return render(f, gp,
                  "set multiplot layout 2,1\nset grid\nset key top right\nset xlabel 'u (Å)'\nset ylabel 'p(u,t) (1/Å)'\nplot " + pv +
                      "\nset xlabel 'r (Å)'\nset ylabel 'g(r)'\nplot " + pg + "\nunset multiplot",
                  760, 620);
  }
  f.note = "no stage has both analysis/<stage>/vanhove.csv (t_ps,u_A,p...) and gr.csv";
  return f;
}

}  // namespace gb::reports
