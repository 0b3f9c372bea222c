#include "reports/internal/cross_engine_section.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "analysis/csv_table.hpp"
#include "core/text_util.hpp"
#include "reports/internal/figures.hpp"
#include "rundir/layout.hpp"
#include "rundir/run_directory.hpp"

namespace fs = std::filesystem;

namespace gb::reports {

namespace {

struct IsoStage {
  std::string dir;
  double T_K = 0;
};

// Isothermal stages of a run that have an analysis folder, by folder name.
std::map<std::string, IsoStage> iso_stages(const std::string& run) {
  std::map<std::string, IsoStage> out;
  const rundir::RunDirectory rd = rundir::RunDirectory::load(run);
  for (const rundir::Stage* st : rd.isothermal_stages())
    if (fs::is_directory(st->analysis.dir())) out[st->dir_name] = {st->dir_name, st->temperature_K()};
  return out;
}

std::string label(const std::string& engine, const std::string& root) { return engine + " (" + root + ")"; }

std::string esc(const std::string& s) { return xml_escape(s); }

// Histogram of values on [lo, hi] with n bins, as "x density" lines.
std::string histogram(const std::vector<double>& v, double lo, double hi, int n) {
  std::vector<double> h(static_cast<size_t>(n), 0.0);
  for (double x : v) {
    const int b = static_cast<int>((x - lo) / (hi - lo) * n);
    if (b >= 0 && b < n) h[static_cast<size_t>(b)] += 1;
  }
  std::string t;
  const double w = (hi - lo) / n;
  for (int b = 0; b < n; ++b)
    t += fmt::format("{:.6g} {:.6g}\n", lo + (b + 0.5) * w, v.empty() ? 0.0 : h[static_cast<size_t>(b)] / (v.size() * w));
  return t;
}

}  // namespace

CrossEngineSection build_cross_engine_section(const std::string& run_a, const std::string& run_b, GnuplotRunner& gp) {
  CrossEngineSection s;
  const compare::RunSet A = compare::open_run_set(run_a), B = compare::open_run_set(run_b);
  s.comparisons = compare::compare_run_sets(A, B, {});
  const std::string la = label(A.engine, run_a), lb = label(B.engine, run_b);

  // The coldest isothermal stage analysed in the first run of both sets.
  const auto ia = iso_stages(A.runs[0]), ib = iso_stages(B.runs[0]);
  const IsoStage* cold = nullptr;
  for (const auto& [d, st] : ia)
    if (ib.count(d) && (!cold || st.T_K < cold->T_K)) cold = &st;
  // Analysis files of the cold stage in the first run of each set.
  auto file_a = [&](rundir::AnalysisFile f) { return rundir::RunLayout(A.runs[0]).analysis(cold->dir).file(f); };
  auto file_b = [&](rundir::AnalysisFile f) { return rundir::RunLayout(B.runs[0]).analysis(cold->dir).file(f); };
  const std::string at = cold ? fmt::format(" at {:g} K (stage {})", cold->T_K, cold->dir) : "";

  // ---- MSD per species
  {
    Figure f{"fig-ce-msd", "Cross-engine: MSD per species" + at,
             "MSD (A^2) vs lag (ps), log-log; solid: run A, dashed: run B (first replica of each).", "", ""};
    std::vector<std::string> ca, cb;
    const std::string ta = cold ? csv_as_table(file_a(rundir::AnalysisFile::MsdCsv), ca) : "", tb = cold ? csv_as_table(file_b(rundir::AnalysisFile::MsdCsv), cb) : "";
    if (ta.empty() || tb.empty()) {
      f.note = "no shared isothermal stage with analysis/<stage>/msd.csv in both runs";
    } else {
      gp.add_data("ce_msd_a.dat", ta);
      gp.add_data("ce_msd_b.dat", tb);
      std::string plots;
      for (size_t c = 1; c < ca.size(); ++c)
        for (int side = 0; side < 2; ++side)
          plots += fmt::format("{}'ce_msd_{}.dat' using 1:(${}>0?${}:1/0) with lines lw 2 dt {} lc {} title {}",
                               plots.empty() ? "" : ", ", side ? "b" : "a", c + 1, c + 1, side ? 2 : 1, c,
                               gp_quote(ca[c] + (side ? " B" : " A")));
      f = render(f, gp, "set logscale xy\nset xlabel 't (ps)'\nset ylabel 'MSD (Å^2)'\nset key top left\nset grid\nplot " + plots);
    }
    s.figures.push_back(f);
  }
  // ---- D(T) Arrhenius, per species, every replica
  {
    Figure f{"fig-ce-arrhenius", "Cross-engine: Arrhenius plot of D per species",
             "ln D (D in A^2/ps) vs 1000/T (1/K) for every shared isothermal stage with a diffusive MSD fit, every "
             "replica; circles: run A, triangles: run B; error bars: the MSD fit's block error.", "", ""};
    std::map<std::string, std::string> data;  // "<side>_<El>" -> rows
    for (int side = 0; side < 2; ++side) {
      const compare::RunSet& rs = side ? B : A;
      for (const auto& run : rs.runs)
        for (const auto& [d, st] : iso_stages(run)) {
          for (const auto& [el, v] : compare::diffusive_D(rundir::RunLayout(run).analysis(d).file(rundir::AnalysisFile::Msd))) {
            const double e = std::isfinite(v.error_A2_per_ps) ? v.error_A2_per_ps : 0.0;
            if (el != "all" && v.D_A2_per_ps > 0)
              data[fmt::format("{}_{}", side ? "b" : "a", el)] +=
                  fmt::format("{:.8g} {:.8g} {:.8g}\n", 1000.0 / st.T_K, std::log(v.D_A2_per_ps), e / v.D_A2_per_ps);
          }
        }
    }
    if (data.empty()) {
      f.note = "no diffusive MSD fits in the runs' isothermal stages";
    } else {
      std::string plots;
      int k = 0;
      for (const auto& [key, rows] : data) {
        const std::string name = "ce_arr_" + key + ".dat";
        gp.add_data(name, rows);
        const bool b = key[0] == 'b';
        plots += fmt::format("{}'{}' using 1:2:3 with yerrorbars pt {} ps 1.2 lc {} title {}", plots.empty() ? "" : ", ", name,
                             b ? 8 : 6, 1 + k / 2, gp_quote(key.substr(2) + (b ? " B" : " A")));
        ++k;
      }
      f = render(f, gp, "set xlabel '1000/T (1/K)'\nset ylabel 'ln D (D in Å^2/ps)'\nset key bottom left\nset grid\nplot " + plots);
    }
    s.figures.push_back(f);
  }
  // ---- partial g(r)
  {
    Figure f{"fig-ce-gr", "Cross-engine: partial g(r)" + at, "g_ab(r) vs r (A); solid: run A, dashed: run B.", "", ""};
    std::vector<std::string> ca, cb;
    const std::string ta = cold ? csv_as_table(file_a(rundir::AnalysisFile::Gr), ca) : "", tb = cold ? csv_as_table(file_b(rundir::AnalysisFile::Gr), cb) : "";
    if (ta.empty() || tb.empty() || ca != cb) {
      f.note = "no shared isothermal stage with matching analysis/<stage>/gr.csv in both runs";
    } else {
      gp.add_data("ce_gr_a.dat", ta);
      gp.add_data("ce_gr_b.dat", tb);
      std::string plots;
      for (size_t c = 1; c < ca.size(); ++c) {
        if (ca[c] == "g_total") continue;
        for (int side = 0; side < 2; ++side)
          plots += fmt::format("{}'ce_gr_{}.dat' using 1:{} with lines lw 2 dt {} lc {} title {}", plots.empty() ? "" : ", ",
                               side ? "b" : "a", c + 1, side ? 2 : 1, c, gp_quote(ca[c] + (side ? " B" : " A")));
      }
      f = render(f, gp, "set xlabel 'r (Å)'\nset ylabel 'g(r)'\nset xrange [1.5:*]\nset grid\nplot " + plots);
    }
    s.figures.push_back(f);
  }
  // ---- w6hat histograms per species
  {
    Figure f{"fig-ce-w6", "Cross-engine: per-atom ŵ6 distributions" + at,
             "probability density of the per-atom w6hat per species; solid: run A, dashed: run B.", "", ""};
    std::map<std::string, std::vector<double>> wa, wb;
    auto read = [&](const std::string& path, std::map<std::string, std::vector<double>>& out) {
      if (!fs::exists(path)) return;
      const analysis::CsvTable t = analysis::read_csv_table(path);
      const int ct = t.column("type"), cw = t.column("w6hat");
      for (const auto& r : t.rows)
        if (std::isfinite(r[static_cast<size_t>(cw)])) out[fmt::format("type {}", r[static_cast<size_t>(ct)])].push_back(r[static_cast<size_t>(cw)]);
    };
    if (cold) {
      read(file_a(rundir::AnalysisFile::OrderCsv), wa);
      read(file_b(rundir::AnalysisFile::OrderCsv), wb);
    }
    std::string plots;
    int k = 0;
    for (const auto& [el, va] : wa) {
      if (!wb.count(el)) continue;
      ++k;
      gp.add_data(fmt::format("ce_w6_a{}.dat", k), histogram(va, -0.2, 0.2, 40));
      gp.add_data(fmt::format("ce_w6_b{}.dat", k), histogram(wb.at(el), -0.2, 0.2, 40));
      plots += fmt::format("{}'ce_w6_a{}.dat' using 1:2 with steps lw 2 lc {} title {}, 'ce_w6_b{}.dat' using 1:2 with steps lw 2 dt 2 lc {} title {}",
                           plots.empty() ? "" : ", ", k, k, gp_quote(el + " A"), k, k, gp_quote(el + " B"));
    }
    if (plots.empty()) f.note = "no shared isothermal stage with analysis/<stage>/order.csv in both runs";
    else f = render(f, gp, "set xlabel 'ŵ_6'\nset ylabel 'density'\nset grid\nplot " + plots);
    s.figures.push_back(f);
  }
  // ---- string ratio
  {
    Figure f{"fig-ce-strings", "Cross-engine: string ratio N_string/N_fast" + at,
             "N_string/N_fast vs t (ps); solid: run A, dashed: run B.", "", ""};
    std::vector<std::string> ca, cb;
    const std::string ta = cold ? csv_as_table(file_a(rundir::AnalysisFile::StringsCsv), ca) : "", tb = cold ? csv_as_table(file_b(rundir::AnalysisFile::StringsCsv), cb) : "";
    const auto ra = std::find(ca.begin(), ca.end(), "ratio"), rb = std::find(cb.begin(), cb.end(), "ratio");
    if (ta.empty() || tb.empty() || ra == ca.end() || rb == cb.end()) {
      f.note = "no shared isothermal stage with analysis/<stage>/strings.csv in both runs";
    } else {
      gp.add_data("ce_str_a.dat", ta);
      gp.add_data("ce_str_b.dat", tb);
      f = render(f, gp,
                 fmt::format("set logscale x\nset xlabel 't (ps)'\nset ylabel 'N_{{string}}/N_{{fast}}'\nset grid\n"
                             "plot 'ce_str_a.dat' using 1:{} with linespoints lw 2 title 'A', 'ce_str_b.dat' using 1:{} with "
                             "linespoints lw 2 dt 2 title 'B'",
                             ra - ca.begin() + 1, rb - cb.begin() + 1));
    }
    s.figures.push_back(f);
  }

  // ---- table
  int n[3] = {0, 0, 0};
  for (const auto& c : s.comparisons) ++n[static_cast<int>(c.verdict)];
  std::string h = "<h2>Cross-engine comparison</h2>\n<p>A: <b>" + esc(la) + fmt::format("</b>, {} run(s); B: <b>", A.runs.size()) +
                  esc(lb) + fmt::format("</b>, {} run(s). ", B.runs.size()) +
                  fmt::format("<span class=\"badge pass\">&nbsp;{} pass&nbsp;</span> <span class=\"badge fail\">&nbsp;{} fail&nbsp;</span> "
                              "<span class=\"badge inconclusive\">&nbsp;{} inconclusive&nbsp;</span></p>\n",
                              n[0], n[1], n[2]) +
                  "<p class=\"small\">Scalars: two one-sided tests on A − B with the replica interval (90%); distributions: "
                  "distance with a bootstrap interval against the margin (docs/compare.md).</p>\n"
                  "<table><tr><th>stage</th><th>observable</th><th>A</th><th>B</th><th>A − B or distance [interval]</th>"
                  "<th>margin</th><th>verdict</th><th>reason</th></tr>\n";
  std::string m = "\n## Cross-engine comparison\n\nA: " + la + ", B: " + lb +
                  "\n\n| stage | observable | A | B | A − B / distance [interval] | margin | verdict |\n|---|---|---|---|---|---|---|\n";
  auto est = [](const compare::Estimate& e) {
    return e.has_error() ? fmt::format("{:.5g} ± {:.2g}", e.value, e.se) : fmt::format("{:.5g}", e.value);
  };
  for (const auto& c : s.comparisons) {
    const char* v = compare::verdict_name(c.verdict);
    const std::string a = c.is_distance ? "" : est(c.a), b = c.is_distance ? "" : est(c.b);
    const std::string d = fmt::format("{:.4g} [{:.4g}, {:.4g}]", c.difference, c.lo, c.hi);
    h += fmt::format("<tr class=\"{}\"><td>{}</td><td>{} <span class=\"small\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{:.3g}</td>"
                     "<td class=\"badge\">{}</td><td class=\"small\">{}<br>margin: {}</td></tr>\n",
                     v, esc(c.stage), esc(c.observable), esc(c.units), a, b, d, c.margin, v, esc(c.reason), esc(c.margin_reason));
    m += fmt::format("| {} | {} | {} | {} | {} | {:.3g} | {} |\n", c.stage, c.observable, a, b, d, c.margin, v);
  }
  h += "</table>\n";
  for (const auto& f : s.figures) {
    h += "<figure class=\"gb-figure\" id=\"" + f.id + "\" data-rendered=\"" + (f.rendered() ? "pending" : "skipped") + "\">\n<h3>" +
         esc(f.title) + "</h3>\n";
    if (f.rendered()) h += f.svg + "\n";
    h += "<figcaption>" + esc(f.caption) + (f.note.empty() ? "" : " <span class=\"note\">" + esc(f.note) + "</span>") +
         "</figcaption>\n</figure>\n";
  }
  s.html = h;
  s.markdown = m;
  return s;
}

}  // namespace gb::reports
