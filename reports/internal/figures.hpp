#pragma once
// The report's figures, in the spirit of Chang et al. 2022 (one function per
// figure, each in its own figure_*.cpp).  A figure whose data are absent from
// every run comes back with `note` set and no SVG.
#include <vector>

#include "reports/figure.hpp"
#include "reports/internal/gnuplot_runner.hpp"
#include "validation/run_directory.hpp"

namespace gb::reports {

using Runs = std::vector<validation::RunDirectory>;

Figure figure_relaxation_map(const Runs& runs, GnuplotRunner& gp);  // Figs. 3, 5b
Figure figure_msd_species(const Runs& runs, GnuplotRunner& gp);     // Fig. 4c
Figure figure_vanhove_gr(const Runs& runs, GnuplotRunner& gp);      // Fig. 4e
Figure figure_w6hat(const Runs& runs, GnuplotRunner& gp);           // Fig. 4f
Figure figure_string_ratio(const Runs& runs, GnuplotRunner& gp);    // Fig. 5a
Figure figure_loss_modulus(const Runs& runs, GnuplotRunner& gp);    // Supp. Fig. 13
Figure figure_stress_acf(const Runs& runs, GnuplotRunner& gp);      // Green-Kubo ACF + running integral
Figure figure_viscosity(const Runs& runs, GnuplotRunner& gp);       // eta(T): Green-Kubo and Maxwell

/// Helpers shared by the figure files.
std::string gp_quote(const std::string& s);  // gnuplot string literal
/// analysis CSV (header + numeric rows) -> whitespace table for gnuplot;
/// column names out.  Empty string if the file is absent.
std::string csv_as_table(const std::string& path, std::vector<std::string>& columns);
/// Render or return a figure with the failure as its note.
Figure render(Figure f, GnuplotRunner& gp, const std::string& script, int w = 760, int h = 460);

}  // namespace gb::reports
