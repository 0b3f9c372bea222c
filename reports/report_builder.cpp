#include "core/text_util.hpp"
#include "reports/report_builder.hpp"

#include "core/provenance.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "validation/thermo_state.hpp"
#include "core/error.hpp"
#include "glassbench/version_info.hpp"
#include "reports/internal/cross_engine_section.hpp"
#include "reports/internal/figures.hpp"
#include "rundir/layout.hpp"
#include "validation/reference_loader.hpp"
#include "validation/result_writers.hpp"
#include "validation/validator.hpp"

namespace gb::reports {
namespace v = gb::validation;

namespace {

std::string esc(const std::string& s) { return gb::xml_escape(s); }

std::string md_cell(const std::string& s) {
  std::string o;
  for (char c : s) o += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return o;
}

std::string fmt_num(double v) {
  if (std::isinf(v)) return v > 0 ? "+inf" : "-inf";
  if (!std::isfinite(v)) return "-";
  return fmt::format("{:.5g}", v);
}

std::string value_text(const v::CheckResult& r) {
  if (!r.measured.ok) return "-";
  return std::isfinite(r.measured.sigma) ? fmt::format("{:.5g} ± {:.2g}", r.measured.value, r.measured.sigma)
                                         : fmt::format("{:.5g}", r.measured.value);
}

/// For a verdict pooled over replicas: N, the replica values, the interval used.
std::string replicas_text(const v::CheckResult& r) {
  if (!r.pool) return "";
  const v::ReplicaPool& p = *r.pool;
  std::string vals;
  for (double x : p.values) vals += (vals.empty() ? "" : ", ") + (std::isfinite(x) ? fmt::format("{:.4g}", x) : std::string("-"));
  if (p.measured < 2) return fmt::format("N = {} of {} replicas; values [{}]", p.measured, p.replicas, vals);
  return fmt::format("N = {} of {} replicas; values [{}]; mean ± SE; decided on ±{:.2g} (t = {:.3g}, {} dof, {:.4g}%)",
                     p.measured, p.replicas, vals, p.half_width, p.t, p.dof, 100 * p.confidence);
}

std::string reference_text(const v::CheckResult& r) {
  const auto& ref = r.reference;
  if (!ref.value) return "-";  // sign/interval/information checks: the tolerance column says it all
  std::string s = fmt::format("{:g}", *ref.value);
  if (ref.uncertainty && *ref.uncertainty > 0) s += fmt::format(" ± {:g}", *ref.uncertainty);
  return s;
}


const char* kCss = R"(
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#1b1b1b;max-width:1200px}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:1.6em}
table{border-collapse:collapse;font-size:0.86em;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}
th{background:#f0f0f0;text-align:left}.pass{background:#d8f3dc}.fail{background:#ffd6d6}.inconclusive{background:#fff1c1}
.skip{background:#eeeeee;color:#555}.badge{font-weight:bold;text-transform:uppercase;font-size:0.85em}
pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:0.8em}figure{margin:1em 0;border:1px solid #ddd;padding:8px}
figcaption{font-size:0.85em;color:#333;margin-top:4px}.note{color:#8a5a00;font-style:italic}
.band{display:inline-block;width:120px;height:10px;background:#eee;position:relative;vertical-align:middle}
.band i{position:absolute;top:0;height:10px;background:#9ad0a4}.band b{position:absolute;top:-2px;width:3px;height:14px;background:#222}
.small{font-size:0.8em;color:#555}
.banner{background:#fff1c1;border:2px solid #c99a00;padding:8px 12px;margin:12px 0}
)";

/// A tiny inline bar: the tolerance band (green) and the computed value (black tick), scaled to
/// the band widened by 50% each side.  Only when band and value are finite.
std::string band_bar(const v::CheckResult& r) {
  if (!r.measured.ok || !std::isfinite(r.band_lo) || !std::isfinite(r.band_hi) || r.band_hi <= r.band_lo) return "";
  const double w = r.band_hi - r.band_lo, lo = r.band_lo - 0.5 * w, hi = r.band_hi + 0.5 * w;
  auto pos = [&](double x) { return std::clamp(100.0 * (x - lo) / (hi - lo), 0.0, 100.0); };
  return fmt::format("<span class=\"band\" title=\"band [{}, {}]\"><i style=\"left:{:.1f}%;width:{:.1f}%\"></i><b style=\"left:{:.1f}%\"></b></span>",
                     fmt_num(r.band_lo), fmt_num(r.band_hi), pos(r.band_lo), pos(r.band_hi) - pos(r.band_lo), pos(r.measured.value));
}

// Requested vs achieved state per stage (thermo.csv, validation/thermo_state.hpp):
// "an MD run is only as good as its state".
std::string stages_table(const v::RunDirectory& run) {
  std::map<std::string, v::StageState> achieved;
  for (auto& st : v::stage_states(run)) achieved[st.stage] = st;
  std::string h =
      "<table class=\"stage-state\"><tr><th>stage</th><th>kind</th><th>ensemble / volume</th><th>thermostat</th>"
      "<th>T requested (K)</th><th>T achieved (K)</th><th>P requested (bar)</th><th>P achieved (bar)</th>"
      "<th>dt (ps)</th><th>duration (ps)</th></tr>";
  for (const auto& s : run.stages()) {
    const auto it = achieved.find(s.dir_name);
    const v::StageState* a = it == achieved.end() ? nullptr : &it->second;
    const std::string T_req = s.T_start_K == s.T_end_K ? fmt::format("{:g}", s.T_end_K)
                                                        : fmt::format("{:g} → {:g}", s.T_start_K, s.T_end_K);
    const std::string T_ach = a && std::isfinite(a->T_mean_K)
                                  ? fmt::format("{:.1f} ± {:.1f}", a->T_mean_K, a->T_sem_K) +
                                        (s.is(StageKind::Quench) ? fmt::format(" (vs ramp mean {:.1f})", a->T_set_K) : "")
                                  : "-";
    std::string P_req = s.ensemble == "NPT" ? fmt::format("{:g}", s.pressure_bar.value_or(0.0))
                        : s.volume == "zero-pressure" ? "0 (zero-pressure volume)"
                        : s.volume == "start-state"   ? "none (start state's box)"
                                                      : "none (NVT)";
    const std::string P_ach = a && std::isfinite(a->P_mean_bar) ? fmt::format("{:.0f} ± {:.0f}", a->P_mean_bar, a->P_sem_bar) : "-";
    const std::string ens = s.ensemble + (s.volume.empty() ? "" : ", " + s.volume);
    const std::string thermo = s.thermostat_kind.empty() ? "-"
                               : s.thermostat_time_constant_ps > 0
                                   ? fmt::format("{} ({:g} ps)", s.thermostat_kind, s.thermostat_time_constant_ps)
                                   : s.thermostat_kind;
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                     "<td>{:g}</td><td>{:g}</td></tr>",
                     esc(s.dir_name), esc(s.kind_name), esc(ens), esc(thermo), T_req, T_ach, esc(P_req), P_ach,
                     s.timestep_ps, s.duration_ps());
  }
  return h + "</table><p class=\"small\">Achieved: mean ± block standard error (5 blocks) over the stage's production "
             "rows of thermo.csv (isothermal: after equilibration; other stages: second half; quench: all rows).</p>";
}

}  // namespace

Report build_report(const ReportOptions& opt) {
  Report rep;
  const auto refs = v::load_reference_dir(opt.references_dir);
  Runs runs;
  // A replica set shows its pooled verdicts (DIR/validation.json of `validate
  // DIR`); its figures and state table come from replica 0.
  std::vector<std::string> verdict_dirs;
  for (const auto& d : opt.runs) {
    if (rundir::ReplicaSetLayout::is_replica_set(d)) {
      const auto dirs = rundir::ReplicaSetLayout(d).replica_dirs();
      if (dirs.empty())
        throw InputError(SourceLocation{rundir::ReplicaSetLayout(d).manifest_yaml(), 0, 0}, "",
                         "a replica set without replica-00/");
      runs.push_back(v::RunDirectory::load(dirs.front()));
      verdict_dirs.push_back(d);
    } else {
      runs.push_back(v::RunDirectory::load(d));
      verdict_dirs.push_back(d);
    }
  }
  // Verdicts: the ones `glassbench validate` recorded in each run's
  // validation.json (with its options), so report and validate never
  // disagree; a run without one is validated here with the default options,
  // and the report says so.
  const v::ValidationOptions defaults;
  std::vector<std::string> verdict_notes;
  std::set<double> sigmas;
  std::set<std::string> seen_self_checks;
  bool computed_self_checks = false;
  for (size_t ri = 0; ri < runs.size(); ++ri) {
    const auto& run = runs[ri];
    const bool replica_set = verdict_dirs[ri] != run.path();
    std::vector<v::CheckResult> r;
    if (const auto rec = v::read_run_validation(verdict_dirs[ri])) {
      r = rec->results;
      sigmas.insert(rec->k_sigma);
      std::string note = fmt::format("{}: verdicts of `glassbench validate` from {}{} (--sigma {:g}{})", run.case_name(),
                                     rec->path, rec->written_utc.empty() ? "" : ", written " + rec->written_utc,
                                     rec->k_sigma, rec->options_recorded ? "" : "; options not recorded, the default assumed");
      const std::string summary = rundir::RunLayout(run.path()).summary_json();
      std::error_code e1, e2;
      const auto t_summary = std::filesystem::last_write_time(summary, e1), t_rec = std::filesystem::last_write_time(rec->path, e2);
      if (!e1 && !e2 && t_summary > t_rec) note += "; older than analysis/summary.json: run `glassbench validate` again";
      verdict_notes.push_back(note + ".");
    } else if (replica_set) {
      throw InputError(SourceLocation{verdict_dirs[ri], 0, 0}, "",
                       "a replica set without validation.json: run `glassbench validate " + verdict_dirs[ri] +
                           "` first (its verdicts pool the replicas)");
    } else {
      r = v::validate_run(refs, run, defaults);
      sigmas.insert(defaults.k_sigma);
      if (!computed_self_checks) {
        const auto sc = v::validate_self_checks(refs, defaults);
        r.insert(r.begin(), sc.begin(), sc.end());
        computed_self_checks = true;
      }
      verdict_notes.push_back(fmt::format(
          "{}: no validation.json in {}: the report ran the checks itself with the default options (--sigma {:g}); "
          "run `glassbench validate {}` to record them.",
          run.case_name(), run.path(), defaults.k_sigma, run.path()));
    }
    for (auto& c : r) {
      // Self-checks do not depend on the run: list each once.
      if (c.self_check && !seen_self_checks.insert(c.reference_id).second) continue;
      rep.results.push_back(std::move(c));
    }
  }
  if (runs.empty()) rep.results = v::validate_self_checks(refs, defaults);
  std::string sigma_text;
  for (double k : sigmas) sigma_text += (sigma_text.empty() ? "" : " / ") + fmt::format("{:g}", k);
  if (sigma_text.empty()) sigma_text = fmt::format("{:g}", defaults.k_sigma);
  GnuplotRunner gp;
  rep.figures = {figure_relaxation_map(runs, gp), figure_msd_species(runs, gp), figure_vanhove_gr(runs, gp),
                 figure_w6hat(runs, gp),          figure_string_ratio(runs, gp), figure_loss_modulus(runs, gp),
                 figure_stress_acf(runs, gp),     figure_viscosity(runs, gp)};
  if (!gp.available())
    for (auto& f : rep.figures)
      if (f.svg.empty() && f.note.empty()) f.note = "gnuplot not found (Debian package gnuplot-nox)";

  CrossEngineSection cross;  // reports/cross_engine_section.hpp
  if (!opt.compare_with.empty()) {
    if (opt.runs.empty()) throw InputError("--compare needs a run directory to compare with");
    cross = build_cross_engine_section(opt.runs[0], opt.compare_with, gp);
  }

  const v::Tally t = v::tally(rep.results), sc = v::self_check_tally(rep.results);
  const std::string prov = fmt::format("glassbench {} (git {}), generated {}", build::kVersion, build::kGitCommit, utc_now_iso8601());

  // ---------------- HTML ----------------
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + esc(opt.title) +
                  "</title>\n<meta name=\"generator\" content=\"" + esc(prov) + "\">\n<style>" + kCss + "</style></head><body>\n";
  h += "<h1>" + esc(opt.title) + "</h1>\n<p class=\"small\">" + esc(prov) + ". References: Chang et al., <i>Liquid-like atoms in "
       "dense-packed solid glasses</i>, Nat. Mater. 21, 1240 (2022).</p>\n";
  for (const auto& run : runs)
    if (!run.is_physics())
      h += "<div class=\"banner\" id=\"not-physics\"><b>Not a physics run:</b> " + esc(run.case_name()) + " (" + esc(run.path()) +
           ") is a <b>" + esc(run.purpose()) + "</b> case (case.yaml <code>purpose: " + esc(run.purpose()) +
           "</code>). It checks that the machinery runs end to end; its stages are far too short for the paper's "
           "claims, so its verdicts say nothing about them.</div>\n";
  h += fmt::format("<p><span class=\"badge pass\">&nbsp;{} pass&nbsp;</span> <span class=\"badge fail\">&nbsp;{} fail&nbsp;</span> "
                   "<span class=\"badge inconclusive\">&nbsp;{} inconclusive&nbsp;</span> <span class=\"badge skip\">&nbsp;{} skip&nbsp;</span></p>\n",
                   t.pass, t.fail, t.inconclusive, t.skip);
  if (sc.total() > 0)
    h += fmt::format("<p class=\"small\">Software self-checks, counted apart from the verdicts above: {} pass, {} fail, {} "
                     "inconclusive, {} skip.</p>\n",
                     sc.pass, sc.fail, sc.inconclusive, sc.skip);
  h += "<h2>The paper's claims at a glance</h2>\n<table><tr><th>claim</th><th>source</th><th>run</th><th>verdict</th><th>computed</th></tr>\n";
  for (const auto& r : rep.results) {
    if (r.reference_id.find("finding") == std::string::npos && r.reference_id.find("activation_energy") == std::string::npos &&
        r.reference_id.find("md_dma") == std::string::npos)
      continue;
    const char* st = v::status_name(r.status);
    h += fmt::format("<tr class=\"{}\"><td>{}{}</td><td>{}</td><td>{}</td><td class=\"badge\">{}</td><td>{}</td></tr>\n", st,
                     esc(r.reference.quantity), r.reference.origin == "transferred" ? " <span class=\"small\">(transferred from Al90La10)</span>" : "",
                     esc(r.reference.source), esc(r.target), st, esc(value_text(r)));
  }
  h += "</table>\n<h2>Verdicts</h2>\n<p class=\"small\">Pass: value ± " + sigma_text +
       "σ inside the tolerance band; fail: entirely outside; "
       "inconclusive: straddles an edge (too weak to decide); skip: inputs missing (reason given). A verdict pooled over "
       "a replica set uses the mean over its N replicas ± a Student-t interval (t for N - 1 degrees of freedom at the "
       "confidence of " + sigma_text + "σ) of the standard error over replicas instead of one run's error.</p>\n";
  for (const auto& n : verdict_notes) h += "<p class=\"small verdict-source\">" + esc(n) + "</p>\n";
  h += 
       "<table><tr><th>check</th><th>verdict</th><th>computed</th><th>reference</th><th>tolerance</th><th>band</th><th>margin</th>"
       "<th>units</th><th>source / reason</th></tr>\n";
  for (const auto& r : rep.results) {
    const char* st = v::status_name(r.status);
    h += fmt::format("<tr class=\"{}\"><td><b>{}</b><br><span class=\"small\">{}<br>{}</span></td><td class=\"badge\">{}</td><td>{}<br><span "
                     "class=\"small\">{}</span></td><td>{}</td><td>{}</td><td>[{}, {}]<br>{}</td><td>{}</td><td>{}</td><td>{}<br><span "
                     "class=\"small\">tolerance: {}</span>{}</td></tr>\n",
                     st, esc(r.reference_id), esc(r.reference.quantity), esc(r.target), st,
                     esc(value_text(r)) + (r.pool ? "<br><span class=\"replicas\">" + esc(replicas_text(r)) + "</span>" : ""),
                     esc(r.measured.detail),
                     esc(reference_text(r)), esc(r.reference.tolerance.describe()), fmt_num(r.band_lo), fmt_num(r.band_hi), band_bar(r),
                     fmt_num(r.margin), esc(r.reference.units), esc(r.reference.source), esc(r.reference.reason),
                     r.reason.empty() ? "" : "<br><b>" + esc(r.reason) + "</b>");
  }
  h += "</table>\n<h2>Figures</h2>\n";
  for (const auto& f : rep.figures) {
    h += "<figure class=\"gb-figure\" id=\"" + f.id + "\" data-rendered=\"" + (f.rendered() ? "pending" : "skipped") + "\">\n<h3>" +
         esc(f.title) + "</h3>\n";
    if (f.rendered()) h += f.svg + "\n";
    h += "<figcaption>" + esc(f.caption) + (f.note.empty() ? "" : " <span class=\"note\">" + esc(f.note) + "</span>") +
         "</figcaption>\n</figure>\n";
  }
  h += cross.html;
  h += "<h2>Runs: requested and achieved state per stage, provenance</h2>\n";
  for (const auto& run : runs) {
    h += "<h3>" + esc(run.case_name()) + " — " + esc(run.formula()) + fmt::format(", {} atoms", run.atoms()) + "</h3>\n<p class=\"small\">" +
         esc(run.path()) + "</p>\n" + stages_table(run) + "\n<pre>" +
         esc(run.provenance_text().empty() ? "(no provenance.yaml)" : run.provenance_text()) + "</pre>\n";
  }
  // Records each figure's rendered box (page pixels) for automated checks; logs nothing.
  h += "<script>window.addEventListener('load',function(){var n=0;document.querySelectorAll('figure.gb-figure svg').forEach("
       "function(s){var r=s.getBoundingClientRect(),f=s.closest('figure');f.setAttribute('data-rendered','ok');"
       "f.setAttribute('data-box',[Math.round(r.left+window.scrollX),Math.round(r.top+window.scrollY),Math.round(r.width),"
       "Math.round(r.height)].join(','));n++;});document.body.setAttribute('data-figures-rendered',n);});</script>\n";
  h += "</body></html>\n";
  rep.html = h;

  // ---------------- Markdown ----------------
  std::string m = "# " + opt.title + "\n\n" + prov + "  \nReferences: Chang et al., Nat. Mater. 21, 1240 (2022).\n\n";
  for (const auto& run : runs)
    if (!run.is_physics())
      m += "> **Not a physics run:** " + run.case_name() + " is a " + run.purpose() +
           " case: it checks the machinery; its verdicts say nothing about the paper's claims.\n\n";
  m += fmt::format("**{} pass, {} fail, {} inconclusive, {} skip**", t.pass, t.fail, t.inconclusive, t.skip);
  if (sc.total() > 0)
    m += fmt::format(" (software self-checks apart: {} pass, {} fail)", sc.pass, sc.fail);
  m += "\n\n";
  for (const auto& n : verdict_notes) m += "- " + n + "\n";
  m += fmt::format("\nPass: value ± {}σ inside the tolerance band (replica sets: mean over N replicas ± Student-t "
                   "interval of the standard error over replicas).\n\n", sigma_text);
  m += "| verdict | check | target | computed | reference | band | units | reason |\n|---|---|---|---|---|---|---|---|\n";
  for (const auto& r : rep.results)
    m += fmt::format("| {} | {} | {} | {} | {} {} | [{}, {}] | {} | {} |\n", v::status_name(r.status), md_cell(r.reference_id),
                     md_cell(r.target), md_cell(value_text(r) + (r.pool ? " (" + replicas_text(r) + ")" : "")),
                     md_cell(reference_text(r)), md_cell(r.reference.tolerance.describe()),
                     fmt_num(r.band_lo), fmt_num(r.band_hi), md_cell(r.reference.units), md_cell(r.reason));
  m += "\n## Figures\n\n";
  for (const auto& f : rep.figures)
    m += "- " + f.title + ": " + (f.rendered() ? "in the HTML report" : "not drawn — " + f.note) + "\n";
  m += cross.markdown;
  for (const auto& f : cross.figures)
    m += "- " + f.title + ": " + (f.rendered() ? "in the HTML report" : "not drawn — " + f.note) + "\n";
  m += "\n## Runs\n\n";
  for (const auto& run : runs) {
    m += fmt::format("- `{}`: {} ({}, {} atoms, {} stages)\n", run.path(), run.case_name(), run.formula(), run.atoms(), run.stages().size());
    const auto states = v::stage_states(run);
    if (states.empty()) continue;
    m += "\n  | stage | thermostat | T set (K) | T achieved (K) | P meaning | P achieved (bar) |\n  |---|---|---|---|---|---|\n";
    for (const auto& st : states)
      m += fmt::format("  | {} | {} | {:.1f} | {:.1f} ± {:.1f} | {} | {:.0f} ± {:.0f} |\n", st.stage, st.thermostat, st.T_set_K,
                       st.T_mean_K, st.T_sem_K, st.P_meaning + (st.P_set ? fmt::format(" ({:g})", st.P_set_bar) : ""),
                       st.P_mean_bar, st.P_sem_bar);
    m += "\n";
  }
  rep.markdown = m;
  return rep;
}

std::string write_report(const Report& r, const std::string& html_path) {
  std::filesystem::path md(html_path);
  md.replace_extension(".md");
  if (md.string() == html_path) md += ".md";
  write_file_atomically(html_path, r.html);
  write_file_atomically(md.string(), r.markdown);
  return md.string();
}

}  // namespace gb::reports
