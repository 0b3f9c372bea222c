#include "compare/run_comparison.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "analysis/arrhenius_crossover.hpp"
#include "analysis/arrhenius_fit.hpp"
#include "analysis/arrhenius_range.hpp"
#include "analysis/statistics.hpp"
#include "analysis/thermal_expansion.hpp"
#include "analysis/linear_fit.hpp"
#include "analysis/csv_table.hpp"
#include "analysis/pair_distribution.hpp"
#include "analysis/trajectory.hpp"
#include "compare/internal/distribution_distance.hpp"
#include "core/error.hpp"
#include "rundir/analysis_files.hpp"
#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"
#include "rundir/thermo_log.hpp"
#include "core/provenance.hpp"
#include "core/text_util.hpp"
#include "glassbench/version_info.hpp"

namespace fs = std::filesystem;

namespace gb::compare {

namespace {

// ------------------------------------------------------------------ margins
// One line of reason each; docs/compare.md repeats them.
struct MarginSpec {
  const char* observable;  // prefix
  Margin margin;
};
const std::vector<MarginSpec>& margins() {
  static const std::vector<MarginSpec> m = {
      {"density_g_cm3",
       {Margin::Kind::Relative, 0.005,
        "0.5%: both engines sample the same NPT ensemble; 0.5% is the density change of ~100 K of thermal "
        "expansion of the liquid and far above the replica error of a 100-ps mean"}},
      {"potential_energy_eV_per_atom",
       {Margin::Kind::Absolute, 0.002,
        "2 meV/atom: the potential-energy change of heating the liquid by ~8 K (C_p ~ 3 k_B); a wrong "
        "potential or mass mapping shifts it by >0.1 eV/atom"}},
      {"temperature_K",
       {Margin::Kind::Relative, 0.01,
        "1%: thermostats with the same set point must give the same mean kinetic temperature; 1% allows the "
        "finite-size fluctuation of a few hundred atoms"}},
      {"pressure_bar",
       {Margin::Kind::Absolute, 500,
        "500 bar: the pressure of a 0.05% density change (bulk modulus ~100 GPa); instantaneous fluctuations of "
        "small systems are ~kbar, their means much less"}},
      {"D_",
       {Margin::Kind::Relative, 0.15,
        "15%: replica spread of D from 100-ps MSD fits is ~5-10%; a wrong potential or time step changes D by "
        "factors, thermostat coupling by a few %"}},
      {"E_A_",
       {Margin::Kind::Absolute, 0.05,
        "0.05 eV: ~10% of a metallic liquid's activation energy of diffusion (~0.4-0.6 eV) and the precision the "
        "paper quotes for E_A; a wrong potential changes it by more"}},
      {"T_A_",
       {Margin::Kind::Absolute, 100,
        "100 K: T_A is interpolated between isotherms 150-300 K apart (the standard case's grid), so two engines "
        "sampling the same D(T) can place it up to about half a spacing apart"}},
      {"thermal_expansion_per_K",
       {Margin::Kind::Relative, 0.2,
        "20%: alpha_V is the slope of densities only 0.5-1 % apart over the isotherms; 20 % of it is a ~0.1 % density "
        "offset at the ends of the range, about the combined replica error of 500-atom means"}},
      {"gr_",
       {Margin::Kind::Absolute, 0.15,
        "0.15 RMS over 0-6 A (0.1 A bins): ~5% of the first-peak height; per-frame noise of a few hundred atoms "
        "averages below it in 10 frames, a wrong element mapping moves the peaks by 0.2 A"}},
      {"w6hat_",
       {Margin::Kind::Absolute, 0.01,
        "0.01 (Wasserstein-1): a tenth of the width of the per-atom w6hat distribution (~0.1); the "
        "fast-vs-slow shifts the paper reports are ~0.02"}},
      {"string_ratio",
       {Margin::Kind::Absolute, 0.1,
        "0.1 RMS: the string ratio is a fraction in [0,1] whose per-origin noise is ~0.05 for a few hundred atoms"}},
  };
  return m;
}

const MarginSpec& margin_for(const std::string& obs) {
  for (const auto& m : margins())
    if (obs.rfind(m.observable, 0) == 0) return m;
  throw std::logic_error("no margin for " + obs);
}

// --------------------------------------------------------------- run reading
struct StageInfo {
  std::string dir, name, kind, ensemble;
  double T_K = 0, timestep_ps = 0;
  long first_step = 0, steps = 0, eq_steps = 0;
  std::string trajectory;
  std::vector<std::string> elements;
};

// Finished stages of a run, through the run model (rundir/stage_record.hpp).
std::vector<StageInfo> read_stages(const std::string& run) {
  std::vector<StageInfo> out;
  const rundir::RunLayout L(run);
  for (const std::string& d : L.stage_dir_names()) {
    const rundir::StageLayout SL = L.stage(d);
    if (!fs::exists(SL.stage_yaml())) continue;  // stage in progress
    const rundir::StageRecord r = rundir::read_stage_record(SL.stage_yaml());
    StageInfo s;
    s.dir = d;
    s.name = r.name;
    s.kind = r.kind_name;
    s.ensemble = r.ensemble;
    s.T_K = r.temperature_K();
    s.timestep_ps = r.timestep_ps;
    s.first_step = r.first_step;
    s.steps = r.steps;
    s.eq_steps = r.equilibration_steps;
    if (!r.trajectory.empty()) s.trajectory = SL.dir() + "/" + r.trajectory;
    s.elements = r.elements;
    out.push_back(s);
  }
  return out;
}

struct ThermoSeries {
  std::vector<long> step;
  std::map<std::string, std::vector<double>> col;
};

// thermo.csv by stage name, read by the run model's typed reader.
std::map<std::string, ThermoSeries> read_thermo(const std::string& run) {
  std::map<std::string, ThermoSeries> out;
  for (const rundir::ThermoLogRow& r : rundir::read_thermo_log(rundir::RunLayout(run).thermo_csv())) {
    ThermoSeries& t = out[r.stage];
    t.step.push_back(r.step);
    t.col["temperature_K"].push_back(r.temperature_K);
    t.col["potential_energy_eV"].push_back(r.potential_energy_eV);
    t.col["kinetic_energy_eV"].push_back(r.kinetic_energy_eV);
    t.col["total_energy_eV"].push_back(r.total_energy_eV);
    t.col["volume_A3"].push_back(r.volume_A3);
    t.col["density_g_cm3"].push_back(r.density_g_cm3);
    t.col["pressure_bar"].push_back(r.pressure_bar);
  }
  // A column the file does not have reads as NaN: leave it out, as if absent.
  for (auto& [stage, t] : out)
    for (auto it = t.col.begin(); it != t.col.end();)
      it = std::all_of(it->second.begin(), it->second.end(), [](double v) { return std::isnan(v); }) ? t.col.erase(it)
                                                                                                      : std::next(it);
  return out;
}

int atoms_of(const std::string& run, const StageInfo& s) {
  // final.data header: "N atoms"
  std::ifstream in(rundir::RunLayout(run).stage(s.dir).final_data());
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    long n;
    std::string w;
    if (ss >> n >> w && w == "atoms") return static_cast<int>(n);
  }
  return 0;
}

std::string engine_of(const std::string& run) {
  try {
    const YAML::Node p = YAML::LoadFile(run + "/provenance.yaml");
    if (p["engine"]) return p["engine"].as<std::string>();
  } catch (const YAML::Exception&) {
  }
  return "openmm";
}

// ----------------------------------------------------------------- helpers
bool wanted(const CompareOptions& o, const std::string& obs) {
  if (o.only.empty()) return true;
  for (const auto& p : o.only)
    if (obs.rfind(p, 0) == 0) return true;
  return false;
}

Estimate pooled(const std::vector<Estimate>& per_run, const std::string& what) {
  if (per_run.size() == 1) {
    Estimate e = per_run[0];
    e.how = "1 run: " + e.how;
    return e;
  }
  std::vector<double> v;
  for (const auto& e : per_run)
    if (std::isfinite(e.value)) v.push_back(e.value);
  return mean_estimate(v, fmt::format("{} per replica", what));
}

Comparison scalar(const std::string& stage, const std::string& obs, const std::string& units, const Estimate& a,
                  const Estimate& b, const CompareOptions& o) {
  const MarginSpec& m = margin_for(obs);
  const Equivalence q = tost(a, b, m.margin, o.alpha);
  Comparison c;
  c.stage = stage;
  c.observable = obs;
  c.units = units;
  c.method = "two one-sided tests on A - B";
  c.a = a;
  c.b = b;
  c.verdict = q.verdict;
  c.difference = q.difference;
  c.lo = q.lo;
  c.hi = q.hi;
  c.margin = q.margin;
  c.reason = q.reason;
  c.margin_reason = m.margin.reason;
  return c;
}

Comparison distance(const std::string& stage, const std::string& obs, const std::string& units,
                    const std::string& method, double d, double lo, double hi, const std::string& what,
                    const std::string& extra_reason) {
  const MarginSpec& m = margin_for(obs);
  const DistanceVerdict v = decide_distance(d, lo, hi, m.margin.value, what);
  Comparison c;
  c.stage = stage;
  c.observable = obs;
  c.units = units;
  c.method = method;
  c.is_distance = true;
  c.a.value = d;
  c.verdict = v.verdict;
  c.difference = d;
  c.lo = lo;
  c.hi = hi;
  c.margin = v.margin;
  c.reason = v.reason + extra_reason;
  c.margin_reason = m.margin.reason;
  if (!extra_reason.empty() && c.verdict == Verdict::Pass) c.verdict = Verdict::Inconclusive;
  return c;
}

// Per-frame partial g(r) curves of one stage of one run: [pair label] -> curves.
std::map<std::string, std::vector<std::vector<double>>> gr_frames(const StageInfo& s, const CompareOptions& o) {
  std::map<std::string, std::vector<std::vector<double>>> out;
  if (s.trajectory.empty() || !fs::exists(s.trajectory)) return out;
  analysis::TimeSpec ts;
  ts.md_timestep_ps = s.timestep_ps;
  analysis::Trajectory all;
  try {
    all = analysis::load_trajectory(s.trajectory, ts);
  } catch (const InputError&) {
    return out;  // fewer than 2 frames: no g(r) comparison for this stage
  }
  const size_t nf = all.frames();
  const size_t use = std::min<size_t>(nf, static_cast<size_t>(std::max(1, o.gr_frames)));
  for (size_t k = 0; k < use; ++k) {
    const size_t f = use > 1 ? k * (nf - 1) / (use - 1) : 0;
    analysis::Trajectory one = all;
    one.timesteps = {all.timesteps[f]};
    one.boxes = {all.boxes[f]};
    one.positions = {all.positions[f]};
    analysis::GrOptions go;
    go.r_max_A = o.gr_r_max_A;
    go.bin_A = o.gr_bin_A;
    go.max_frames = 0;
    const analysis::GrResult g = analysis::compute_gr(one, go);
    for (size_t p = 0; p < g.pairs.size(); ++p) {
      const auto [ta, tb] = g.pairs[p];
      const std::string label = ta == 0 ? "total"
                                        : analysis::species_label(ta, s.elements) + "_" +
                                              analysis::species_label(tb, s.elements);
      out[label].push_back(g.g[p]);
    }
  }
  return out;
}

// Per-atom w6hat by element from analysis/<stage>/order.csv.
std::map<std::string, std::vector<double>> w6_by_element(const std::string& run, const StageInfo& s) {
  std::map<std::string, std::vector<double>> out;
  const std::string path = rundir::RunLayout(run).analysis(s.dir).file(rundir::AnalysisFile::OrderCsv);
  if (!fs::exists(path)) return out;
  const analysis::CsvTable t = analysis::read_csv_table(path);
  const int ct = t.column("type"), cw = t.column("w6hat");
  for (const auto& r : t.rows) {
    const double w = r[static_cast<size_t>(cw)];
    if (std::isfinite(w)) out[analysis::species_label(static_cast<int>(r[static_cast<size_t>(ct)]), s.elements)]
        .push_back(w);
  }
  return out;
}

std::vector<double> string_ratio(const std::string& run, const StageInfo& s) {
  const std::string path = rundir::RunLayout(run).analysis(s.dir).file(rundir::AnalysisFile::StringsCsv);
  if (!fs::exists(path)) return {};
  const analysis::CsvTable t = analysis::read_csv_table(path);
  return t.values(t.column("ratio"));
}

}  // namespace

std::map<std::string, SpeciesD> diffusive_D(const std::string& path) {
  std::map<std::string, SpeciesD> out;
  const auto msd = rundir::read_msd_file(path);
  if (!msd) return out;
  for (const auto& [el, d] : msd->species)
    if (d.diffusive && std::isfinite(d.D_A2_per_ps)) out[el] = {d.D_A2_per_ps, d.D_error_A2_per_ps};
  return out;
}

RunSet open_run_set(const std::string& dir) {
  RunSet r;
  r.root = dir;
  if (rundir::ReplicaSetLayout::is_replica_set(dir)) {
    r.runs = rundir::ReplicaSetLayout(dir).replica_dirs();
    if (r.runs.empty())
      throw InputError(SourceLocation{dir + "/replicas.yaml", 0, 0}, "", "a replica set without replica-00/");
  } else if (fs::is_directory(fs::path(dir) / "stages")) {
    r.runs.push_back(dir);
  } else {
    throw InputError(SourceLocation{dir, 0, 0}, "",
                     "not a run directory (no stages/) nor a replica set (no replicas.yaml); see docs/run-directory.md");
  }
  r.engine = engine_of(r.runs[0]);
  return r;
}

std::vector<Comparison> compare_run_sets(const RunSet& A, const RunSet& B, const CompareOptions& o) {
  std::vector<Comparison> out;
  struct Side {
    std::vector<std::vector<StageInfo>> stages;
    std::vector<std::map<std::string, ThermoSeries>> thermo;
  };
  auto load = [](const RunSet& s) {
    Side x;
    for (const auto& r : s.runs) {
      x.stages.push_back(read_stages(r));
      x.thermo.push_back(read_thermo(r));
    }
    return x;
  };
  const Side sa = load(A), sb = load(B);
  auto find = [](const std::vector<StageInfo>& v, const std::string& dir) -> const StageInfo* {
    for (const auto& s : v)
      if (s.dir == dir) return &s;
    return nullptr;
  };
  uint64_t seed = o.seed;
  for (const StageInfo& st : sa.stages[0]) {
    // The stage must be complete in every run of both sets.
    bool everywhere = true;
    for (const auto& v : sa.stages) everywhere = everywhere && find(v, st.dir);
    for (const auto& v : sb.stages) everywhere = everywhere && find(v, st.dir);
    if (!everywhere) continue;
    const StageInfo& stb = *find(sb.stages[0], st.dir);
    if (st.elements != stb.elements)
      throw InputError(fmt::format("stage {}: run A has elements [{}] and run B [{}]; compare needs the same types",
                                   st.dir, fmt::join(st.elements, ","), fmt::join(stb.elements, ",")));

    // ---- thermo scalars
    auto thermo_est = [&](const Side& side, const RunSet& rs, const std::string& col, double scale) {
      std::vector<Estimate> per;
      for (size_t r = 0; r < rs.runs.size(); ++r) {
        const auto it = side.thermo[r].find(st.name);
        if (it == side.thermo[r].end() || !it->second.col.count(col)) continue;
        const ThermoSeries& t = it->second;
        const StageInfo& s = *find(side.stages[r], st.dir);
        std::vector<double> v;
        const size_t n = t.step.size();
        const bool quench = s.kind == "quench";
        const size_t skip = s.eq_steps > 0 && !quench ? 0 : static_cast<size_t>(std::ceil(n * o.skip_fraction));
        for (size_t i = 0; i < n; ++i) {
          const bool after_eq = s.eq_steps <= 0 || t.step[i] >= s.first_step + s.eq_steps;
          const bool tail = quench ? i + skip >= n : i >= skip;  // quench: its last part, near T_end
          if (after_eq && tail) v.push_back(t.col.at(col)[i] * scale);
        }
        per.push_back(block_estimate(v));
      }
      return pooled(per, col);
    };
    auto add_thermo = [&](const std::string& obs, const std::string& col, const std::string& units, bool per_atom) {
      if (!wanted(o, obs)) return;
      const double sa_scale = per_atom ? 1.0 / std::max(1, atoms_of(A.runs[0], st)) : 1.0;
      const double sb_scale = per_atom ? 1.0 / std::max(1, atoms_of(B.runs[0], stb)) : 1.0;
      out.push_back(scalar(st.dir, obs, units, thermo_est(sa, A, col, sa_scale), thermo_est(sb, B, col, sb_scale), o));
    };
    if (st.ensemble == "NPT") add_thermo("density_g_cm3", "density_g_cm3", "g/cm^3", false);
    add_thermo("potential_energy_eV_per_atom", "potential_energy_eV", "eV/atom", true);
    add_thermo("temperature_K", "temperature_K", "K", false);
    add_thermo("pressure_bar", "pressure_bar", "bar", false);

    // ---- D per species from msd.json
    auto d_est = [&](const RunSet& rs, const std::string& el, bool& any) {
      std::vector<Estimate> per;
      for (const auto& r : rs.runs) {
        const auto Ds = diffusive_D(rundir::RunLayout(r).analysis(st.dir).file(rundir::AnalysisFile::Msd));
        if (!Ds.count(el)) continue;
        Estimate e;
        e.value = Ds.at(el).D_A2_per_ps;
        e.se = Ds.at(el).error_A2_per_ps;
        e.how = "MSD fit";
        per.push_back(e);
      }
      any = !per.empty() && per.size() == rs.runs.size();
      return any ? pooled(per, "D") : Estimate{};
    };
    for (const std::string& el : st.elements) {
      const std::string obs = "D_" + el + "_A2_per_ps";
      if (!wanted(o, obs) || st.kind != "isothermal") continue;
      bool ia = false, ib = false;
      const Estimate ea = d_est(A, el, ia), eb = d_est(B, el, ib);
      if (!ia || !ib) continue;  // not diffusive (glass) or not analysed: nothing to compare
      out.push_back(scalar(st.dir, obs, "A^2/ps", ea, eb, o));
    }

    // ---- partial g(r)
    if (wanted(o, "gr_")) {
      std::map<std::string, std::vector<std::vector<double>>> ga, gb;
      for (size_t r = 0; r < A.runs.size(); ++r)
        for (auto& [k, v] : gr_frames(*find(sa.stages[r], st.dir), o)) ga[k].insert(ga[k].end(), v.begin(), v.end());
      for (size_t r = 0; r < B.runs.size(); ++r)
        for (auto& [k, v] : gr_frames(*find(sb.stages[r], st.dir), o)) gb[k].insert(gb[k].end(), v.begin(), v.end());
      for (const auto& [pair, ca] : ga) {
        if (pair == "total" || !gb.count(pair)) continue;
        const auto& cb = gb.at(pair);
        const BootstrapInterval bi = bootstrap_curve_rms(ca, cb, o.bootstrap, o.confidence, seed++);
        out.push_back(distance(st.dir, "gr_" + pair, "1", "RMS difference of mean partial g(r), frames bootstrapped",
                               bi.value, bi.lo, bi.hi,
                               fmt::format("RMS g(r) difference over {} + {} frames", ca.size(), cb.size()), ""));
      }
    }

    // ---- w6hat per species
    if (wanted(o, "w6hat_")) {
      std::map<std::string, std::vector<double>> wa, wb;
      for (const auto& r : A.runs)
        for (auto& [k, v] : w6_by_element(r, st)) wa[k].insert(wa[k].end(), v.begin(), v.end());
      for (const auto& r : B.runs)
        for (auto& [k, v] : w6_by_element(r, st)) wb[k].insert(wb[k].end(), v.begin(), v.end());
      for (const auto& [el, va] : wa) {
        if (!wb.count(el) || va.size() < 10 || wb.at(el).size() < 10) continue;
        const BootstrapInterval bi = bootstrap_wasserstein1(va, wb.at(el), o.bootstrap, o.confidence, seed++);
        out.push_back(distance(st.dir, "w6hat_" + el, "1", "Wasserstein-1 distance of per-atom w6hat, atoms bootstrapped",
                               bi.value, bi.lo, bi.hi,
                               fmt::format("W1 over {} + {} atoms", va.size(), wb.at(el).size()), ""));
      }
    }

    // ---- string ratio curve
    if (wanted(o, "string_ratio") && st.kind == "isothermal") {
      std::vector<std::vector<double>> ca, cb;
      for (const auto& r : A.runs)
        if (auto v = string_ratio(r, st); !v.empty()) ca.push_back(v);
      for (const auto& r : B.runs)
        if (auto v = string_ratio(r, st); !v.empty()) cb.push_back(v);
      if (ca.size() == A.runs.size() && cb.size() == B.runs.size() && !ca.empty()) {
        size_t len = ca[0].size();
        for (const auto& v : ca) len = std::min(len, v.size());
        for (const auto& v : cb) len = std::min(len, v.size());
        for (auto& v : ca) v.resize(len);
        for (auto& v : cb) v.resize(len);
        const BootstrapInterval bi = bootstrap_curve_rms(ca, cb, o.bootstrap, o.confidence, seed++);
        const std::string extra = (ca.size() < 2 || cb.size() < 2)
                                      ? "; one run per side gives no interval: run replicas (--replicas N) to decide"
                                      : "";
        out.push_back(distance(st.dir, "string_ratio", "1", "RMS difference of N_string/N_fast(t), replicas bootstrapped",
                               bi.value, bi.lo, bi.hi, "RMS string-ratio difference", extra));
      }
    }
  }
  // ---- activation energy of D per species (every run fitted on its own;
  // replicas give the spread).  Two rows per species:
  //   E_A_<El>_eV        over the Arrhenius range: the high-T window above the
  //                      crossover, the same rule and weighted fit as validate's
  //                      E_high (analysis/arrhenius_range.hpp), >= 4 temperatures
  //   E_A_all_T_<El>_eV  over every isothermal temperature, unweighted: below
  //                      T_A the liquid is super-Arrhenius, so this mixes the
  //                      two regimes (kept as a whole-curve comparison)
  // One D point per distinct isothermal temperature with a diffusive fit.
  auto d_points = [&](const RunSet& rs, const Side& side, size_t r, const std::string& el) {
    std::map<double, std::pair<double, double>> D_of_T;  // T -> (D, its error)
    for (const StageInfo& st : side.stages[r]) {
      if (st.kind != "isothermal") continue;
      const auto Ds = diffusive_D(rundir::RunLayout(rs.runs[r]).analysis(st.dir).file(rundir::AnalysisFile::Msd));
      if (Ds.count(el)) D_of_T[st.T_K] = {Ds.at(el).D_A2_per_ps, Ds.at(el).error_A2_per_ps};
    }
    return D_of_T;
  };
  const std::vector<std::string> species =
      sa.stages[0].empty() ? std::vector<std::string>{} : sa.stages[0][0].elements;
  {  // each row checks --only itself ("E_A_Cu" selects the windowed Cu row only)
    auto ea_range = [&](const RunSet& rs, const Side& side, const std::string& el) {
      std::vector<Estimate> per;
      for (size_t r = 0; r < rs.runs.size(); ++r) {
        const auto D_of_T = d_points(rs, side, r, el);
        if (D_of_T.size() < 4) return Estimate{};  // every run needs its own window (3 + 1 below)
        std::vector<double> T, D, sD;
        for (const auto& [t, d] : D_of_T) T.push_back(t), D.push_back(d.first), sD.push_back(d.second);
        const analysis::ArrheniusRangeEnergy w = analysis::arrhenius_range_energy(T, D, sD);
        Estimate e;
        e.value = w.energy.E_eV;
        e.se = w.energy.sigma_eV;
        e.dof = w.energy.dof;
        e.samples = w.energy.points;
        e.how = fmt::format("Arrhenius fit of D over the high-T window ({}; {})", w.energy.range,
                            w.crossover.found ? fmt::format("T_A = {:.0f} K", w.crossover.T_A_K)
                                              : std::string("no crossover in range"));
        per.push_back(e);
      }
      return per.empty() ? Estimate{} : pooled(per, "E_A over the Arrhenius range");
    };
    auto ea_all = [&](const RunSet& rs, const Side& side, const std::string& el) {
      std::vector<Estimate> per;
      for (size_t r = 0; r < rs.runs.size(); ++r) {
        const auto D_of_T = d_points(rs, side, r, el);
        if (D_of_T.size() < 3) return Estimate{};  // every run needs its own fit
        std::vector<double> T, D;
        for (const auto& [t, d] : D_of_T) T.push_back(t), D.push_back(d.first);
        const auto f = analysis::fit_arrhenius(T, D, {}, analysis::ArrheniusKind::kRate);
        Estimate e;
        e.value = f.activation_energy_eV.value;
        e.se = f.activation_energy_eV.sigma;
        e.dof = f.dof;
        e.samples = f.points;
        e.how = fmt::format("Arrhenius fit of D over all {} isothermal temperatures ({:g}-{:g} K)", f.points, T.front(),
                            T.back());
        per.push_back(e);
      }
      return per.empty() ? Estimate{} : pooled(per, "E_A over all isotherms");
    };
    for (const std::string& el : species) {
      if (wanted(o, "E_A_" + el + "_eV")) {
        const Estimate a = ea_range(A, sa, el), b = ea_range(B, sb, el);
        if (a.samples > 0 && b.samples > 0) out.push_back(scalar("isothermal stages", "E_A_" + el + "_eV", "eV", a, b, o));
      }
      if (wanted(o, "E_A_all_T_" + el + "_eV")) {
        const Estimate a = ea_all(A, sa, el), b = ea_all(B, sb, el);
        if (a.samples > 0 && b.samples > 0)
          out.push_back(scalar("isothermal stages", "E_A_all_T_" + el + "_eV", "eV", a, b, o));
      }
    }
  }
  // ---- Arrhenius crossover T_A of D per species (analysis/arrhenius_crossover.hpp,
  // >= 4 distinct isothermal temperatures; runs without a crossover in range
  // are left out and counted in `how`)
  if (wanted(o, "T_A_")) {
    auto ta = [&](const RunSet& rs, const Side& side, const std::string& el) {
      std::vector<double> v;
      int without = 0, too_few = 0;
      for (size_t r = 0; r < rs.runs.size(); ++r) {
        std::map<double, double> D_of_T;  // one point per temperature
        for (const StageInfo& st : side.stages[r]) {
          if (st.kind != "isothermal") continue;
          const auto Ds = diffusive_D(rundir::RunLayout(rs.runs[r]).analysis(st.dir).file(rundir::AnalysisFile::Msd));
          if (Ds.count(el)) D_of_T[st.T_K] = Ds.at(el).D_A2_per_ps;
        }
        if (D_of_T.size() < 4) {  // too few diffusive temperatures in this run: left out, counted
          ++too_few;
          continue;
        }
        std::vector<double> T, D;
        for (const auto& [t, d] : D_of_T) T.push_back(t), D.push_back(d);
        const auto c = analysis::find_arrhenius_crossover(T, D, analysis::ArrheniusKind::kRate);
        if (c.found) v.push_back(c.T_A_K);
        else ++without;
      }
      Estimate e = v.size() == 1 && rs.runs.size() == 1 ? Estimate{v[0], std::numeric_limits<double>::quiet_NaN(), 0, 1,
                                                                    "T_A of one run (no error without replicas)"}
                                                         : mean_estimate(v, "T_A per replica");
      if (without > 0) e.how += fmt::format("; {} run(s) without a crossover in range left out", without);
      if (too_few > 0) e.how += fmt::format("; {} run(s) with < 4 diffusive temperatures left out", too_few);
      return e;
    };
    for (const std::string& el : sa.stages[0].empty() ? std::vector<std::string>{} : sa.stages[0][0].elements) {
      const Estimate a = ta(A, sa, el), b = ta(B, sb, el);
      if (a.samples == 0 || b.samples == 0) continue;
      out.push_back(scalar("isothermal stages", "T_A_" + el + "_K", "K", a, b, o));
    }
  }
  // ---- thermal expansion alpha_V = -d ln(rho)/dT over the isothermal NPT
  // stages (production rows), per run; replicas give the spread
  if (wanted(o, "thermal_expansion_per_K")) {
    auto alpha = [&](const RunSet& rs, const Side& side) {
      std::vector<Estimate> per;
      for (size_t r = 0; r < rs.runs.size(); ++r) {
        std::map<double, analysis::DensityPoint> rho_of_T;
        for (const StageInfo& st : side.stages[r]) {
          if (st.kind != "isothermal" || st.ensemble != "NPT") continue;
          const auto it = side.thermo[r].find(st.name);
          if (it == side.thermo[r].end() || !it->second.col.count("density_g_cm3")) continue;
          std::vector<double> rows;  // production rows: after the stage's equilibration part
          for (size_t i = 0; i < it->second.step.size(); ++i)
            if (it->second.step[i] >= st.first_step + st.eq_steps) rows.push_back(it->second.col.at("density_g_cm3")[i]);
          if (rows.empty()) continue;
          // The stage's mean and block error as validate's density_trend takes them (validation/thermo_state.cpp).
          const auto [m, sem] = analysis::mean_and_block_error(rows, analysis::kThermoBlocks);
          rho_of_T[st.T_K] = {st.T_K, m, sem};
        }
        if (rho_of_T.size() < 3) return Estimate{};
        std::vector<analysis::DensityPoint> pts;
        for (const auto& [t, p] : rho_of_T) pts.push_back(p);
        const analysis::ThermalExpansion e = analysis::thermal_expansion(pts);  // one function with validate
        per.push_back(Estimate{e.alpha_per_K, e.sigma_per_K, e.dof, e.points,
                               fmt::format("-d ln(rho)/dT over {} isothermal NPT stages ({}, as validate)", e.points,
                                           e.weighted ? "weighted by block errors" : "unweighted")});
      }
      return per.empty() ? Estimate{} : pooled(per, "alpha_V");
    };
    const Estimate a = alpha(A, sa), b = alpha(B, sb);
    if (a.samples > 0 && b.samples > 0) out.push_back(scalar("isothermal stages", "thermal_expansion_per_K", "1/K", a, b, o));
  }
  return out;
}

// ------------------------------------------------------------------ outputs
std::string comparisons_table(const std::vector<Comparison>& cs) {
  std::string s = fmt::format("{:<24} {:<32} {:>13} {:>13} {:>24} {:>10}  {}\n", "stage", "observable", "A", "B",
                              "A-B / distance [interval]", "margin", "verdict");
  for (const auto& c : cs) {
    auto est = [](const Estimate& e) {
      return e.has_error() ? fmt::format("{:.5g}±{:.2g}", e.value, e.se) : fmt::format("{:.5g}", e.value);
    };
    s += fmt::format("{:<24} {:<32} {:>13} {:>13} {:>24} {:>10.3g}  {}\n", c.stage, c.observable,
                     c.is_distance ? "" : est(c.a), c.is_distance ? "" : est(c.b),
                     fmt::format("{:.3g} [{:.3g}, {:.3g}]", c.difference, c.lo, c.hi), c.margin,
                     verdict_name(c.verdict));
  }
  return s;
}

namespace {
nlohmann::json num(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }
nlohmann::json est_json(const Estimate& e) {
  return {{"value", num(e.value)}, {"error", num(e.se)}, {"dof", e.dof}, {"samples", e.samples}, {"how", e.how}};
}
}  // namespace

nlohmann::json comparisons_json(const std::vector<Comparison>& cs, const RunSet& a, const RunSet& b) {
  nlohmann::json j;
  j["provenance"] = {{"tool", glassbench_version_string()}, {"written_utc", utc_now_iso8601()}};
  j["run_a"] = {{"path", a.root}, {"engine", a.engine}, {"runs", a.runs.size()}};
  j["run_b"] = {{"path", b.root}, {"engine", b.engine}, {"runs", b.runs.size()}};
  j["comparisons"] = nlohmann::json::array();
  int counts[3] = {0, 0, 0};
  for (const auto& c : cs) {
    ++counts[static_cast<int>(c.verdict)];
    nlohmann::json x = {{"stage", c.stage},       {"observable", c.observable},
                        {"units", c.units},       {"method", c.method},
                        {"verdict", verdict_name(c.verdict)},
                        {"difference", num(c.difference)},
                        {"interval", {num(c.lo), num(c.hi)}},
                        {"margin", num(c.margin)},
                        {"reason", c.reason},     {"margin_reason", c.margin_reason},
                        {"kind", c.is_distance ? "distance" : "equivalence"}};
    if (!c.is_distance) {
      x["a"] = est_json(c.a);
      x["b"] = est_json(c.b);
    }
    j["comparisons"].push_back(x);
  }
  j["summary"] = {{"pass", counts[0]}, {"fail", counts[1]}, {"inconclusive", counts[2]}};
  return j;
}

std::string comparisons_junit(const std::vector<Comparison>& cs, const RunSet& a, const RunSet& b) {
  int fails = 0, skips = 0;
  for (const auto& c : cs) {
    fails += c.verdict == Verdict::Fail;
    skips += c.verdict == Verdict::Inconclusive;
  }
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += fmt::format("<!-- {} -->\n", xml_escape(provenance_line("glassbench compare JUnit")));
  s += fmt::format("<testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
                   xml_escape("compare " + a.root + " vs " + b.root), cs.size(), fails, skips);
  for (const auto& c : cs) {
    s += fmt::format("  <testcase classname=\"{}\" name=\"{}\">", xml_escape("compare." + c.stage),
                     xml_escape(c.observable));
    const std::string msg = xml_escape(c.reason + " (margin: " + c.margin_reason + ")");
    if (c.verdict == Verdict::Fail) s += fmt::format("<failure message=\"{}\"/>", msg);
    else if (c.verdict == Verdict::Inconclusive) s += fmt::format("<skipped message=\"{}\"/>", msg);
    else s += fmt::format("<system-out>{}</system-out>", msg);
    s += "</testcase>\n";
  }
  s += "</testsuite>\n";
  return s;
}

}  // namespace gb::compare
