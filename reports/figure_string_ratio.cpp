// Fig. 5a: N_string / N_fast vs t, one curve per isothermal temperature.
#include <filesystem>

#include <fmt/format.h>

#include "reports/internal/figures.hpp"

namespace gb::reports {

Figure figure_string_ratio(const Runs& runs, GnuplotRunner& gp) {
  Figure f{"fig-string-ratio", "String-like diffusion ratio vs time (cf. Fig. 5a)",
           "N_string / N_fast vs lag time t (ps, log scale), one curve per isothermal stage; "
           "fast: |dr| > 2.0 A, string-like: within 0.3 A of another atom's old site.", "", ""};
  std::string plots;
  int k = 0;
  for (size_t r = 0; r < runs.size(); ++r)
    for (const auto* s : runs[r].isothermal_stages()) {
      std::vector<std::string> cols;
      const std::string t = csv_as_table(s->analysis.file(rundir::AnalysisFile::StringsCsv), cols);
      int ct = -1, cr = -1;
      for (size_t c = 0; c < cols.size(); ++c) {
        if (cols[c] == "t_ps") ct = c + 1;
        if (cols[c] == "ratio") cr = c + 1;
      }
      if (t.empty() || ct < 0 || cr < 0) continue;
      const std::string name = fmt::format("strings{}.dat", k++);
      gp.add_data(name, t);
      plots += fmt::format("{}'{}' using {}:(${}>0?${}:1/0) with linespoints pt 7 ps 0.4 lw 1.5 title {}", plots.empty() ? "" : ", ",
                           name, ct, ct, cr, cr,
                           gp_quote(fmt::format("{:g} K{}", s->temperature_K(), runs.size() > 1 ? " (" + runs[r].case_name() + ")" : "")));
    }
  if (plots.empty()) {
    f.note = "no isothermal stage has analysis/<stage>/strings.csv";
    return f;
  }
  return render(f, gp,
                "set logscale x\nset format x '10^{%L}'\nset xlabel 't (ps)'\nset ylabel 'N_{string} / N_{fast}'\n"
                "set key outside right\nset grid\nplot " + plots);
}

}  // namespace gb::reports
