// glassbench analyze: the paper's observables from LAMMPS dumps and glassbench
// run directories (docs/run-directory.md).  Subcommands:
//   msd      MSD per species, D (A^2/ps, m^2/s) with block error + fit range, Lindemann ratio
//   strings  fast / string-like atoms, N_string/N_fast over t, tau_string and peak
//   gr       partial g(r)
//   vanhove  self van Hove p(u,t) per species
//   fit      Arrhenius / VFT fits of a CSV table (+ Arrhenius crossover T_A)
//   run      all of the above (and `order`) for every stage of a run directory
// (`analyze order` is registered by cli/commands/analyze_order*.cpp.)
// Times: --timestep-ps is the MD timestep (frame time = dump timestep x it);
// --frame-interval-ps gives the time between frames directly instead.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "compare/replica_set.hpp"
#include "analysis/arrhenius_crossover.hpp"
#include "analysis/csv_table.hpp"
#include "analysis/dynamics_output.hpp"
#include "analysis/lindemann.hpp"
#include "analysis/run_directory_analysis.hpp"
#include "analysis/vft_fit.hpp"
#include "commands.hpp"
#include "core/error.hpp"

namespace {

namespace ga = gb::analysis;

struct TrajArgs {
  std::string input, out, json;
  double timestep_ps = 0, frame_interval_ps = 0;
  std::vector<std::string> elements;
  int first_frame = 0, stride = 1, max_frames = -1;
};

void add_traj_options(CLI::App* s, TrajArgs& a, const char* out_help) {
  s->add_option("--input,-i", a.input, "LAMMPS dump (text or gzip; xu yu zu, x y z [+ ix iy iz], xs ys zs ...)")
      ->required()
      ->check(CLI::ExistingFile);
  s->add_option("--timestep-ps", a.timestep_ps, "MD timestep in ps: frame time = dump TIMESTEP x this");
  s->add_option("--frame-interval-ps", a.frame_interval_ps, "time between frames in ps (instead of --timestep-ps)");
  s->add_option("--elements", a.elements, "element name of each LAMMPS type in order, e.g. Cu Zr (for headers)");
  s->add_option("--first-frame", a.first_frame, "skip frames before this 0-based index")->check(CLI::NonNegativeNumber);
  s->add_option("--stride", a.stride, "use every n-th frame")->check(CLI::PositiveNumber);
  s->add_option("--max-frames", a.max_frames, "read at most this many frames");
  s->add_option("--out,-o", a.out, out_help)->required();
  s->add_option("--json", a.json, "JSON summary path (default: --out with .json instead of .csv)");
}

ga::Trajectory load(const TrajArgs& a) {
  if (a.timestep_ps <= 0 && a.frame_interval_ps <= 0)
    throw gb::InputError("give --timestep-ps (MD timestep) or --frame-interval-ps (time between frames)");
  if (a.timestep_ps > 0 && a.frame_interval_ps > 0)
    throw gb::InputError("give only one of --timestep-ps and --frame-interval-ps");
  ga::LoadOptions lo;
  lo.first_frame = a.first_frame;
  lo.stride = a.stride;
  lo.max_frames = a.max_frames;
  return ga::load_trajectory(a.input, {a.timestep_ps, a.frame_interval_ps}, lo);
}

std::string json_path(const TrajArgs& a) {
  if (!a.json.empty()) return a.json;
  std::filesystem::path p(a.out);
  return p.extension() == ".csv" ? p.replace_extension(".json").string() : a.out + ".json";
}

std::string command_text(const std::string& what, CLI::App* s) {
  std::string cfg = s->config_to_str(false, false);
  for (auto& c : cfg)
    if (c == '\n') c = ' ';
  return "glassbench analyze " + what + " " + cfg;
}

void check_elements(const ga::Trajectory& t, const std::vector<std::string>& el) {
  if (!el.empty() && static_cast<int>(el.size()) < t.ntypes())
    throw gb::InputError("--elements: " + std::to_string(el.size()) + " names given but the trajectory has types up to " +
                         std::to_string(t.ntypes()));
}

void setup_msd(CLI::App& parent) {
  auto a = std::make_shared<TrajArgs>();
  auto o = std::make_shared<ga::MsdOptions>();
  auto species = std::make_shared<std::vector<std::string>>();
  auto fit_range = std::make_shared<std::vector<double>>();
  auto* s = parent.add_subcommand("msd", "mean-squared displacement per species and diffusion coefficient D");
  add_traj_options(s, *a, "MSD table (CSV: lag_ps,msd_A2[,msd_<El>_A2...])");
  s->add_option("--species", *species, "restrict to these species (element names from --elements, or type numbers)");
  s->add_option("--fit-range-ps", *fit_range, "D fit range FROM TO in ps (default: the last decade keeping half the frames as origins, [duration/20, duration/2])")
      ->expected(2);
  s->add_option("--blocks", o->blocks, "interleaved atom subsets for the error of D")->check(CLI::PositiveNumber);
  s->add_option("--lags-per-decade", o->lags_per_decade, "log-spaced lags per decade")->check(CLI::PositiveNumber);
  s->add_option("--max-origins", o->max_origins, "time origins per lag (0: every frame)");
  s->add_flag("--remove-com-drift", o->remove_com_drift, "subtract the centre-of-mass displacement");
  s->callback([a, o, species, fit_range, s] {
    const auto traj = load(*a);
    check_elements(traj, a->elements);
    ga::MsdOptions opt = *o;
    for (const auto& sp : *species) opt.only_types.push_back(ga::resolve_species(sp, a->elements, traj.ntypes(), "--species"));
    if (!fit_range->empty()) {
      if (!((*fit_range)[1] > (*fit_range)[0]) || (*fit_range)[0] < 0)
        throw gb::InputError("--fit-range-ps: need 0 <= FROM < TO");
      opt.fit_from_ps = (*fit_range)[0];
      opt.fit_to_ps = (*fit_range)[1];
    }
    const auto r = ga::compute_msd(traj, opt, a->elements);
    ga::GrOptions gro;
    gro.max_frames = ga::kGrFrameBudget;  // the same budget as `analyze run`
    const auto gr = ga::compute_gr(traj, gro);
    ga::LindemannResult lind;
    if (gr.first_peak_A > 0) lind = ga::lindemann_ratio(traj, gr.first_peak_A);
    const ga::OutputContext ctx{command_text("msd", s), a->input};
    ga::write_msd_csv(a->out, r, ctx);
    ga::write_json(json_path(*a), ga::msd_json(r, traj, gr.first_peak_A > 0 ? &lind : nullptr), ctx);
    for (size_t g = 0; g < r.labels.size(); ++g)
      std::cout << "D_" << r.labels[g] << " = " << r.fits[g].D_A2_per_ps << " +- " << r.fits[g].D_error_A2_per_ps
                << " A^2/ps (fit " << r.fits[g].fit_from_ps << "-" << r.fits[g].fit_to_ps << " ps, log-log slope "
                << r.fits[g].loglog_slope << (r.fits[g].diffusive ? "" : ", NOT diffusive: " + r.fits[g].diffusive_reason) << ")\n";
  });
}

void setup_strings(CLI::App& parent) {
  auto a = std::make_shared<TrajArgs>();
  auto o = std::make_shared<ga::StringOptions>();
  auto* s = parent.add_subcommand("strings", "fast and string-like atoms: N_string/N_fast over t, tau_string");
  add_traj_options(s, *a, "ratio table (CSV: t_ps,n_fast,n_string,ratio)");
  s->add_option("--fast-threshold", o->fast_threshold_A, "fast if displacement > this (Angstrom)")->capture_default_str();
  s->add_option("--string-threshold", o->string_threshold_A,
                "string-like if within this of another atom's original site (Angstrom)")->capture_default_str();
  s->add_option("--max-origins", o->max_origins, "time origins per lag")->capture_default_str();
  s->add_option("--lags-per-decade", o->lags_per_decade, "log-spaced lags per decade")->capture_default_str()->check(CLI::PositiveNumber);
  s->add_option("--min-fast", o->min_fast_per_origin, "peak candidates need this many fast atoms per origin")->capture_default_str();
  s->callback([a, o, s] {
    const auto traj = load(*a);
    const auto r = ga::compute_string_ratio(traj, *o);
    const ga::OutputContext ctx{command_text("strings", s), a->input};
    ga::write_strings_csv(a->out, r, ctx);
    ga::write_json(json_path(*a), ga::strings_json(r, *o, traj), ctx);
    if (r.peak_index >= 0)
      std::cout << "tau_string = " << r.tau_string_ps << " ps, peak ratio = " << r.peak_ratio << "\n";
    else
      std::cout << "tau_string: no peak (" << r.no_peak_reason << ")\n";
  });
}

void setup_gr(CLI::App& parent) {
  auto a = std::make_shared<TrajArgs>();
  auto o = std::make_shared<ga::GrOptions>();
  auto* s = parent.add_subcommand("gr", "partial radial distribution functions g_ab(r)");
  add_traj_options(s, *a, "g(r) table (CSV: r_A,g_total,g_<A>_<B>...)");
  s->add_option("--r-max", o->r_max_A, "largest r (Angstrom; clipped below half the box)")->capture_default_str();
  s->add_option("--bin", o->bin_A, "bin width (Angstrom)")->capture_default_str();
  s->add_option("--gr-frames", o->max_frames, "frames averaged, spread evenly (0: all)")->capture_default_str();
  s->callback([a, o, s] {
    TrajArgs b = *a;
    if (b.timestep_ps <= 0 && b.frame_interval_ps <= 0) b.frame_interval_ps = 1.0;  // time is irrelevant here
    const auto traj = load(b);
    check_elements(traj, a->elements);
    const auto r = ga::compute_gr(traj, *o);
    ga::write_gr_csv(a->out, r, a->elements, {command_text("gr", s), a->input});
    std::cout << "first peak of g(r) at " << r.first_peak_A << " A (" << r.frames_used << " frames)\n";
  });
}

void setup_vanhove(CLI::App& parent) {
  auto a = std::make_shared<TrajArgs>();
  auto o = std::make_shared<ga::VanHoveOptions>();
  auto* s = parent.add_subcommand("vanhove", "self van Hove function p(u,t) (displacement distribution) per species");
  add_traj_options(s, *a, "table (CSV: t_ps,u_A,p_all_per_A,p_<El>_per_A...)");
  s->add_option("--times-ps", o->times_ps, "times t (ps; default ~5 log-spaced)");
  s->add_option("--u-max", o->u_max_A, "largest displacement (Angstrom)")->capture_default_str();
  s->add_option("--bin", o->bin_A, "bin width (Angstrom)")->capture_default_str();
  s->add_option("--max-origins", o->max_origins, "time origins per t")->capture_default_str();
  s->callback([a, o, s] {
    const auto traj = load(*a);
    check_elements(traj, a->elements);
    const auto r = ga::compute_van_hove(traj, *o, a->elements);
    ga::write_vanhove_csv(a->out, r, {command_text("vanhove", s), a->input});
  });
}

nlohmann::json estimate_json(const ga::ParameterEstimate& e) {
  return {{"value", e.value}, {"sigma", e.sigma}, {"ci_low", e.ci_low}, {"ci_high", e.ci_high}};
}

void setup_fit(CLI::App& parent) {
  struct FitArgs {
    std::string input, model, x = "T_K", y, sigma, kind, out;
    double confidence = 0.95, threshold = 0.09531017980432493;
  };
  auto a = std::make_shared<FitArgs>();
  auto* s = parent.add_subcommand("fit", "Arrhenius or VFT fit of a CSV table (value vs temperature)");
  s->add_option("--input,-i", a->input, "CSV table with a header row, '#' comments allowed")->required()->check(CLI::ExistingFile);
  s->add_option("--model", a->model, "arrhenius (also reports the crossover T_A) or vft")
      ->required()
      ->check(CLI::IsMember({"arrhenius", "vft"}));
  s->add_option("--x-column", a->x, "temperature column (K)")->capture_default_str();
  s->add_option("--y-column", a->y, "value column (default: the first column that is not --x-column)");
  s->add_option("--sigma-column", a->sigma, "per-point standard errors of the value (absolute sigma)");
  s->add_option("--kind", a->kind, "rate (decreases on cooling, e.g. D) or time (increases, e.g. tau, eta); "
                                   "default from the column name (D* -> rate, tau*/eta* -> time)")
      ->check(CLI::IsMember({"rate", "time"}));
  s->add_option("--confidence", a->confidence, "confidence level of the reported intervals")->capture_default_str();
  s->add_option("--crossover-threshold", a->threshold, "T_A criterion: |ln y - ln y_Arrhenius| > this")->capture_default_str();
  s->add_option("--out,-o", a->out, "JSON result")->required();
  s->callback([a, s] {
    const auto t = ga::read_csv_table(a->input);
    const int xc = t.column(a->x);
    int yc = -1;
    if (!a->y.empty()) yc = t.column(a->y);
    else
      for (size_t k = 0; k < t.header.size() && yc < 0; ++k)
        if (static_cast<int>(k) != xc) yc = static_cast<int>(k);
    if (yc < 0) throw gb::InputError({a->input, 0, 0}, "header", "no value column besides " + a->x);
    const std::string yname = t.header[yc];
    std::string kind = a->kind;
    if (kind.empty()) {
      if (!yname.empty() && yname[0] == 'D') kind = "rate";
      else if (yname.rfind("tau", 0) == 0 || yname.rfind("eta", 0) == 0) kind = "time";
      else throw gb::InputError("--kind: cannot tell from column '" + yname + "' whether it is a rate or a time; give --kind");
    }
    const auto k = kind == "rate" ? ga::ArrheniusKind::kRate : ga::ArrheniusKind::kTime;
    const auto T = t.values(xc), y = t.values(yc);
    const auto sig = a->sigma.empty() ? std::vector<double>{} : t.values(t.column(a->sigma));
    nlohmann::json j;
    j["input"] = a->input;
    j["x_column"] = a->x;
    j["y_column"] = yname;
    j["kind"] = kind;
    j["model"] = a->model;
    if (a->model == "arrhenius") {
      const auto f = ga::fit_arrhenius(T, y, sig, k, a->confidence);
      j["formula"] = kind == "rate" ? "y = A exp(-E_a/(k_B T))" : "y = A exp(+E_a/(k_B T))";
      j["activation_energy_eV"] = estimate_json(f.activation_energy_eV);
      j["ln_prefactor"] = estimate_json(f.ln_prefactor);
      j["prefactor"] = f.prefactor;
      j["prefactor_units"] = "units of " + yname;
      j["covariance_Ea_lnA"] = f.covariance_Ea_lnA;
      j["points"] = f.points;
      j["dof"] = f.dof;
      j["rss_ln"] = f.rss;
      j["confidence"] = f.confidence;
      j["absolute_sigma"] = f.absolute_sigma;
      if (T.size() >= 4) {
        const auto c = ga::find_arrhenius_crossover(T, y, k, a->threshold);
        j["crossover"] = {{"found", c.found},
                          {"T_A_K", c.found ? nlohmann::json(c.T_A_K) : nlohmann::json(nullptr)},
                          {"criterion", c.criterion},
                          {"window_points", c.window_points},
                          {"window_T_min_K", c.window_T_min_K},
                          {"high_T_activation_energy_eV", estimate_json(c.high_T_fit.activation_energy_eV)},
                          {"deviation_ln", c.deviation_ln}};
      }
      std::cout << "E_a = " << f.activation_energy_eV.value << " +- " << f.activation_energy_eV.sigma << " eV\n";
    } else {
      const auto f = ga::fit_vft(T, y, sig, k, a->confidence);
      j["formula"] = kind == "rate" ? "y = y0 exp(-B/(T - T0))" : "y = y0 exp(+B/(T - T0))";
      j["ln_prefactor"] = estimate_json(f.ln_prefactor);
      j["prefactor"] = f.prefactor;
      j["B_K"] = estimate_json(f.B_K);
      j["T0_K"] = estimate_json(f.T0_K);
      j["T0_at_bound"] = f.T0_at_bound;
      j["covariance_lnA_B_T0"] = {{f.covariance[0][0], f.covariance[0][1], f.covariance[0][2]},
                                  {f.covariance[1][0], f.covariance[1][1], f.covariance[1][2]},
                                  {f.covariance[2][0], f.covariance[2][1], f.covariance[2][2]}};
      j["points"] = f.points;
      j["dof"] = f.dof;
      j["rss_ln"] = f.rss;
      j["confidence"] = f.confidence;
      j["absolute_sigma"] = f.absolute_sigma;
      std::cout << "T0 = " << f.T0_K.value << " +- " << f.T0_K.sigma << " K, B = " << f.B_K.value << " +- "
                << f.B_K.sigma << " K\n";
    }
    ga::write_json(a->out, j, {command_text("fit", s), a->input});
  });
}

void setup_run(CLI::App& parent) {
  auto dir = std::make_shared<std::string>();
  auto o = std::make_shared<ga::StageAnalysisOptions>();
  auto no_order = std::make_shared<bool>(false);
  auto* s = parent.add_subcommand("run", "all observables for every stage of a glassbench run directory "
                                         "(writes DIR/analysis/<stage>/ and DIR/analysis/summary.json)");
  s->add_option("run_dir", *dir, "run directory written by `glassbench run`, or a replica set (run --replicas N)")->required()->check(CLI::ExistingDirectory);
  s->add_option("--max-frames", o->max_frames, "read at most this many frames per stage");
  s->add_flag("--no-order", *no_order, "skip Voronoi / bond-orientational order");
  s->callback([dir, o, no_order, s] {
    ga::StageAnalysisOptions opt = *o;
    opt.order = !*no_order;
    if (gb::compare::is_replica_set(*dir)) {  // replicas: each one, then the pooled scalars
      int n = 0;
      for (; std::filesystem::is_directory(gb::compare::replica_dir(*dir, n)); ++n)
        ga::analyze_run_directory(gb::compare::replica_dir(*dir, n), opt, command_text("run", s));
      gb::compare::pool_replica_analyses(*dir);
      std::cout << "analysed " << n << " replicas -> " << *dir << "/analysis/pooled.json\n";
      return;
    }
    const auto summary = ga::analyze_run_directory(*dir, opt, command_text("run", s));
    std::cout << "analysed " << summary["stages"].size() << " stages -> " << *dir << "/analysis/summary.json\n";
  });
}

void setup(CLI::App& app) {
  auto* an = app.add_subcommand("analyze", "observables from trajectories: msd, strings, gr, vanhove, order, fit, run");
  an->require_subcommand(1);
  setup_msd(*an);
  setup_strings(*an);
  setup_gr(*an);
  setup_vanhove(*an);
  setup_fit(*an);
  setup_run(*an);
}

}  // namespace

static gb::cli::Registrar reg{"analyze", 40, setup};
