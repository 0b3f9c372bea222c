#include "synthetic_run.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "glassbench/version_info.hpp"

namespace gb::testing {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr double kB = 8.617333262e-5;  // eV/K

void put(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

std::string stage_yaml(const std::string& name, const std::string& kind, const std::string& ens, double T0, double T1,
                       long steps, const SyntheticRunSpec& s) {
  return fmt::format(
      "name: {}\nkind: {}\nensemble: {}\nT_start_K: {}\nT_end_K: {}\npressure_bar: {}\ntimestep_ps: 0.002\nsteps: {}\n"
      "dump_interval_steps: 1000\nframes: 2\nelements: [{}, {}]\nstarted_from: null\n"
      "thermostat: {{kind: nose-hoover, time_constant_ps: 0.2}}\n",
      name, kind, ens, T0, T1, ens == "NPT" ? "0" : "null", steps, s.small, s.large);
}

/// Two-frame dump: atoms on a cubic grid, then displaced by Gaussian steps of
/// the given RMS per species (3D RMS).
std::string dump(const SyntheticRunSpec& s, double rms_small, double rms_large, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0.0, 1.0);
  const int n = s.n_small + s.n_large;
  const double L = 30.0;
  std::vector<double> x(3 * n), y(3 * n);
  const int side = static_cast<int>(std::ceil(std::cbrt(n)));
  for (int i = 0; i < n; ++i) {
    x[3 * i] = (i % side) * L / side;
    x[3 * i + 1] = ((i / side) % side) * L / side;
    x[3 * i + 2] = (i / (side * side)) * L / side;
    const double r = (i < s.n_small ? rms_small : rms_large) / std::sqrt(3.0);
    for (int k = 0; k < 3; ++k) y[3 * i + k] = x[3 * i + k] + r * g(rng);
    if (i >= s.n_small && i - s.n_small < s.large_jumpers && rms_large < 1.0) y[3 * i] += 3.0;
  }
  std::string out;
  for (int f = 0; f < 2; ++f) {
    const auto& p = f == 0 ? x : y;
    out += fmt::format("ITEM: TIMESTEP\n{}\nITEM: NUMBER OF ATOMS\n{}\nITEM: BOX BOUNDS pp pp pp\n0 {}\n0 {}\n0 {}\n"
                       "ITEM: ATOMS id type xu yu zu\n", f * s.dump_span_steps, n, L, L, L);
    for (int i = 0; i < n; ++i)
      out += fmt::format("{} {} {:.6f} {:.6f} {:.6f}\n", i + 1, i < s.n_small ? 1 : 2, p[3 * i], p[3 * i + 1], p[3 * i + 2]);
  }
  return out;
}

std::string data_file(const SyntheticRunSpec& s) {
  const int n = s.n_small + s.n_large;
  std::string out = fmt::format("synthetic run (glassbench tests)\n\n{} atoms\n2 atom types\n\n0 30 xlo xhi\n0 30 ylo yhi\n0 30 zlo zhi\n\nMasses\n\n1 63.546\n2 91.224\n\nAtoms # atomic\n\n", n);
  const int side = static_cast<int>(std::ceil(std::cbrt(n)));
  for (int i = 0; i < n; ++i)
    out += fmt::format("{} {} {} {} {}\n", i + 1, i < s.n_small ? 1 : 2, (i % side) * 30.0 / side,
                       ((i / side) % side) * 30.0 / side, (i / (side * side)) * 30.0 / side);
  return out;
}

std::vector<long> gaussian_counts(double mean, double sd, long n, double lo, double hi, int bins) {
  std::vector<long> c(bins);
  for (int b = 0; b < bins; ++b) {
    const double x = lo + (b + 0.5) * (hi - lo) / bins;
    c[b] = std::lround(n * (hi - lo) / bins * std::exp(-0.5 * std::pow((x - mean) / sd, 2)) / (sd * std::sqrt(2 * M_PI)));
  }
  return c;
}

json histogram(double mean, double sd, long n) {
  // Gaussian counts on the order analysis's default w6hat grid.
  const double lo = -0.25, hi = 0.25;
  const int bins = 100;
  return {{"lo", lo}, {"hi", hi}, {"bin_width", (hi - lo) / bins}, {"counts", gaussian_counts(mean, sd, n, lo, hi, bins)},
          {"below", 0}, {"above", 0}, {"undefined", 0}, {"finite", n}, {"mean", mean}, {"stddev", sd}};
}

// order.json as `glassbench analyze` writes it: pooled histogram, and per
// origin (`origins` of them) the mean and histogram; origin means scatter by
// sd / sqrt(n / origins) around `mean` (independent atoms), sem from them.
json order_doc(const std::vector<std::tuple<std::string, std::string, double, double, long>>& groups, int origins,
               bool skipped_first_half = false, double v_fast = 16.0, double v_slow = 16.0) {
  std::mt19937_64 rng(99);
  std::normal_distribution<double> g(0.0, 1.0);
  json gs = json::array();
  for (auto& [sp, mob, mean, sd, n] : groups) {
    const long per = std::max(1L, n / origins);
    std::vector<double> means;
    json counts = json::array();
    double m = 0;
    for (int k = 0; k < origins; ++k) {
      means.push_back(mean + sd / std::sqrt(static_cast<double>(per)) * g(rng));
      m += means.back() / origins;
      counts.push_back(gaussian_counts(means.back(), sd, per, -0.25, 0.25, 100));
    }
    double ss = 0;
    for (double x : means) ss += (x - m) * (x - m);
    const json sem = origins > 1 ? json(std::sqrt(ss / (origins - 1) / origins)) : json(nullptr);
    // Voronoi volume: mean by mobility, spread 1.5 A^3, sem of independent atoms.
    const double vm = mob == "fast" ? v_fast : v_slow;
    json vol = {{"lo", 10.0}, {"hi", 22.0}, {"bin_width", 0.12}, {"finite", n}, {"mean", vm}, {"stddev", 1.5}};
    const double vsem = 1.5 / std::sqrt(static_cast<double>(n));
    gs.push_back({{"species", sp}, {"mobility", mob}, {"atoms", n},
                  {"histograms", {{"w6hat", histogram(mean, sd, n)}, {"volume_A3", vol}}},
                  {"origin_means", {{"w6hat", means}}}, {"sem", {{"w6hat", sem}, {"volume_A3", vsem}}},
                  {"origin_counts", {{"w6hat", counts}}}});
  }
  long atoms = 0;
  for (auto& grp : groups)
    if (std::get<1>(grp) == "all") atoms = std::get<4>(grp);
  return {{"analysis", "order"}, {"schema_version", 2}, {"atoms", atoms}, {"groups", gs},
          {"source", {{"skipped_first_half", skipped_first_half}}}};
}

// msd.json as `glassbench analyze` writes it (species -> fit), D in A^2/ps.
json msd_doc(const SyntheticRunSpec& s, double D) {
  return {{"analysis", "msd"},
          {"schema_version", 2},
          {"frames", 2},
          {"atoms", s.n_small + s.n_large},
          {"frame_interval_ps", 200.0},
          {"species",
           {{"all",
             {{"D_A2_per_ps", D}, {"D_error_A2_per_ps", s.D_rel_error * D}, {"fit_from_ps", 1.0},
              {"fit_to_ps", 100.0}, {"diffusive", true}}}}}};
}

}  // namespace

std::string source_dir() {
  const char* e = std::getenv("GLASSBENCH_SOURCE_DIR");
  return e && *e ? e : gb::build::kSourceDir;
}

std::string make_temp_dir(const std::string& tag) {
  std::string templ = (fs::temp_directory_path() / ("gb-" + tag + "-XXXXXX")).string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  return templ;
}

void write_synthetic_run(const std::string& dir, const SyntheticRunSpec& s) {
  const fs::path run(dir);
  fs::create_directories(run);
  put(run / "provenance.yaml", "glassbench_version: synthetic\ngit_commit: test\nplatform: none\nseed: 1\n");
  put(run / "case.yaml", fmt::format("name: synthetic-{}{}\n{}{}", s.small, s.large, s.paper_protocol ? "protocol: chang2022\n" : "",
                                      s.purpose.empty() ? "" : "purpose: " + s.purpose + "\n"));
  std::string thermo = "stage,step,time_ps,temperature_K,pressure_bar,target_temperature_K\n";
  long thermo_step = 0;
  // 20 rows per stage, alternating +-noise around the stage's P, T = set + offset (+-2 K).
  auto thermo_rows = [&](const std::string& name, double T, double P) {
    for (int i = 0; i < 20; ++i, thermo_step += 100) {
      const double sgn = i % 2 ? 1.0 : -1.0;
      thermo += fmt::format("{},{},{},{},{},{}\n", name, thermo_step, thermo_step * 0.002, T + s.thermo_T_offset_K + 2 * sgn,
                            P + s.noise_bar * sgn, T);
    }
  };
  if (!s.thermo) put(run / "thermo.csv", "stage,step,time_ps,temperature_K\n");
  int k = 1;
  auto dirname = [&](const std::string& name) { return fmt::format("{:02d}-{}", k++, name); };
  {
    const std::string d = dirname("equilibrate");
    put(run / "stages" / d / "stage.yaml", stage_yaml("equilibrate", "equilibrate", "NVT", 2000, 2000, 1000000, s));
    thermo_rows("equilibrate", 2000, s.isotherm_P_bar);
    put(run / "stages" / d / "final.data", data_file(s));
    if (s.equilibrate_D) {
      const double D = s.D0_A2_ps * std::exp(-s.E_D_eV / (kB * 2000.0));
      put(run / "analysis" / d / "msd.json", msd_doc(s, D).dump(1));
    }
    if (s.equilibrate_w6)  // order of the equilibrate stage's first frame only (the energy-minimised start)
      put(run / "analysis" / d / "order.json",
          order_doc({{s.small, "all", *s.equilibrate_w6, s.w6_sd, s.n_fast + s.n_slow}}, 1).dump(1));
  }
  {
    const std::string d = dirname("quench");
    put(run / "stages" / d / "stage.yaml", stage_yaml("quench", "quench", "NPT", 2000, 100, 950000, s));
  }
  {
    const std::string d = dirname("relax");
    put(run / "stages" / d / "stage.yaml", stage_yaml("relax", "relax", "NPT", 100, 100, 1000000, s));
    thermo_rows("relax", 100, s.npt_P_bar);
  }
  const double T_glass = *std::min_element(s.isothermal_K.begin(), s.isothermal_K.end());
  const double T_hot = *std::max_element(s.isothermal_K.begin(), s.isothermal_K.end());
  unsigned seed = 7;
  std::vector<std::string> viscosity_rows;
  for (double T : s.isothermal_K) {
    const std::string name = fmt::format("isothermal-{:04d}K", static_cast<int>(T));
    const std::string d = dirname(name);
    put(run / "stages" / d / "stage.yaml",
        stage_yaml(name, "isothermal", "NVT", T, T, 100000, s) + "volume: " + s.isotherm_volume + "\n");
    thermo_rows(name, T, s.isotherm_P_bar);
    // Glass stage: the requested RMS; liquid stages: both species well mobile.
    const double rs = T == T_glass ? s.rms_small_A : 3.5, rl = T == T_glass ? s.rms_large_A : 2.5;
    put(run / "stages" / d / "trajectory.dump", dump(s, rs, rl, seed++));
    const fs::path a = run / "analysis" / d;
    const double D = s.D0_A2_ps * std::exp(-s.E_D_eV / (kB * T));
    put(a / "msd.json", msd_doc(s, D).dump(1));
    std::string mcsv = fmt::format("lag_ps,msd_A2,msd_{}_A2,msd_{}_A2\n", s.small, s.large);
    for (int i = 0; i <= 40; ++i) {
      const double t = 0.01 * std::pow(10.0, i / 10.0);
      const double ballistic = 0.3 * (1 - std::exp(-t / 0.1));
      mcsv += fmt::format("{:.6g},{:.6g},{:.6g},{:.6g}\n", t, ballistic + 6 * D * t, ballistic + 7 * D * t,
                          0.8 * ballistic + 4 * D * t);
    }
    put(a / "msd.csv", mcsv);
    // String ratio: log-normal bump centred on tau(T), height h(T).
    const double tau = s.tau0_ps * std::exp(s.E_string_eV / (kB * T));
    const double h = s.h0 + s.h1 * 1000.0 / T;
    std::string scsv = "# synthetic\nt_ps,n_fast,n_string,ratio\n";
    for (int i = 0; i <= 8 * s.lags_per_decade; ++i) {
      const double t = 0.01 * std::pow(10.0, static_cast<double>(i) / s.lags_per_decade);
      const double r = h * std::exp(-0.5 * std::pow(std::log(t / tau) / 1.5, 2));
      const double nf = 400.0;
      scsv += fmt::format("{:.8g},{:.6g},{:.6g},{:.8g}\n", t, nf, r * nf, r);
    }
    put(a / "strings.csv", scsv);
    // The peak as `glassbench analyze` records it in strings.json (the lag with
    // the largest ratio; its grid resolution and binomial height error).
    int best = 0;
    const int nlag = 8 * s.lags_per_decade + 1;
    auto lag_t = [&](int i) { return 0.01 * std::pow(10.0, static_cast<double>(i) / s.lags_per_decade); };
    auto lag_r = [&](int i) { return h * std::exp(-0.5 * std::pow(std::log(lag_t(i) / tau) / 1.5, 2)); };
    for (int i = 1; i < nlag; ++i)
      if (lag_r(i) > lag_r(best)) best = i;
    const bool edge = best == 0 || best == nlag - 1;
    const double nf = 400.0, hb = lag_r(best);
    json strings = {{"analysis", "strings"}, {"schema_version", 2}, {"fast_threshold_A", s.fast_threshold_A},
                    {"string_threshold_A", 0.3}, {"min_fast_per_origin", 1.0}, {"frames", 2},
                    {"atoms", s.n_small + s.n_large}, {"frame_interval_ps", 200.0}, {"peak_found", true},
                    {"tau_string_ps", lag_t(best)}, {"peak_ratio", hb}, {"peak_n_fast", nf},
                    {"peak_at_edge", edge},
                    {"tau_string_sigma_ln", edge ? json(nullptr) : json(std::log(10.0) / s.lags_per_decade / std::sqrt(12.0))},
                    {"peak_ratio_sigma", std::sqrt(std::max(hb * (1 - hb), 0.25 / nf) / nf)}};
    put(a / "strings.json", strings.dump(1));
    if (T == T_glass)
      put(a / "order.json", order_doc({{s.small, "fast", s.w6_fast, s.w6_sd, s.n_fast},
                                       {s.small, "slow", s.w6_slow, s.w6_sd, s.n_slow},
                                       {s.small, "all", (s.w6_fast * s.n_fast + s.w6_slow * s.n_slow) / (s.n_fast + s.n_slow), s.w6_sd, s.n_fast + s.n_slow}},
                                      s.order_origins, false, s.volume_fast_A3, s.volume_slow_A3)
                                 .dump(1));
    if (T == T_hot)
      put(a / "order.json",
          order_doc({{s.small, "all", s.w6_liquid, s.w6_sd, s.n_fast + s.n_slow}}, s.order_origins).dump(1));
    std::string gr = "r_A,g_all\n";
    for (int i = 1; i <= 120; ++i) {
      const double r = 0.05 * i;
      gr += fmt::format("{:.3f},{:.5f}\n", r, r < 2.2 ? 0.0 : 1 + 1.5 * std::exp(-(r - 2.7) * 1.2) * std::cos(2 * M_PI * (r - 2.7) / 2.3));
    }
    put(a / "gr.csv", gr);
    // Long format as `glassbench analyze` writes it: t_ps,u_A,p_<label>_per_A.
    std::string vh = fmt::format("t_ps,u_A,p_all_per_A,p_{}_per_A\n", s.small);
    for (double tt : {1.0, 100.0})
      for (int i = 0; i <= 120; ++i) {
        const double u = 0.05 * i;
        const double p = tt < 10 ? u * u * std::exp(-u * u / 0.1)
                                 : u * u * std::exp(-u * u / 0.2) + 0.05 * std::exp(-std::pow(u - s.hop_peak_A, 2) / 0.05);
        vh += fmt::format("{},{:.3f},{:.6f},{:.6f}\n", tt, u, p, p);
      }
    put(a / "vanhove.csv", vh);
    if (s.viscosity && T >= 1000) {
      const double eta = s.eta0_Pa_s * std::exp(s.E_eta_eV / (kB * T));
      const double tau_ps = eta / (s.G_inf_GPa * 1e9) * 1e12;
      std::string acf = "# synthetic\nlag_ps,acf_bar2,acf_error_bar2,running_eta_mPa_s,running_eta_error_mPa_s\n";
      for (int i = 0; i <= 100; ++i) {
        const double t = 0.05 * tau_ps * i;
        acf += fmt::format("{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}\n", t, 1e7 * std::exp(-t / tau_ps), 1e5,
                           1e3 * eta * (1 - std::exp(-t / tau_ps)), 1e3 * s.eta_rel_error * eta * std::sqrt(0.05 * i));
      }
      put(a / "stress_acf.csv", acf);
      viscosity_rows.push_back(fmt::format("{},{:.8g},{:.8g},{},{},2.7,{:.8g},{:.8g},{:.8g},{:.8g},{:.6g},1000,100", T,
                                           eta, s.eta_rel_error * eta, s.G_inf_GPa, 0.02 * s.G_inf_GPa, tau_ps,
                                           0.03 * tau_ps, s.maxwell_over_gk * eta, 0.036 * s.maxwell_over_gk * eta,
                                           s.gk_cutoff_over_tau * tau_ps));
    }
  }
  if (s.viscosity) {
    std::string v = "T_K,eta_gk_Pa_s,eta_gk_error_Pa_s,G_inf_GPa,G_inf_error_GPa,q1_per_A,tau_alpha_ps,"
                    "tau_alpha_error_ps,eta_maxwell_Pa_s,eta_maxwell_error_Pa_s,gk_cutoff_ps,gk_length_ps,gk_ps_for_10pct\n";
    for (const auto& r : viscosity_rows) v += r + "\n";
    put(run / "analysis" / "viscosity.csv", v);
  }
  if (s.md_dma) {
    std::string dma = "T_K,loss_modulus_GPa\n";
    for (int T = 300; T <= 800; T += 25)
      dma += fmt::format("{},{:.5f}\n", T, 0.5 * std::exp(-std::pow((T - 528) / 40.0, 2)) + 1.0 * std::exp(-std::pow((T - 665) / 40.0, 2)) + 0.05);
    put(run / "analysis" / "md_dma.csv", dma);
  }
  if (s.thermo) put(run / "thermo.csv", thermo);
  put(run / "analysis" / "summary.json", json{{"analysis", "summary"}, {"synthetic", true}}.dump(1));
}

void write_liquid_dynamics_run(const std::string& dir, const LiquidRunSpec& s) {
  const fs::path run(dir);
  fs::create_directories(run);
  SyntheticRunSpec base;  // composition: 640 Cu + 360 Zr (Cu64Zr36)
  put(run / "provenance.yaml", "glassbench_version: synthetic\ngit_commit: test\nplatform: none\nseed: 1\n");
  put(run / "case.yaml", "name: synthetic-liquid-dynamics\n");
  std::mt19937_64 rng(s.seed);
  std::normal_distribution<double> g(0.0, 1.0);
  std::string thermo = "stage,step,time_ps,temperature_K,pressure_bar,density_g_cm3,target_temperature_K\n";
  long step = 0;
  auto rho_at = [&](double T) {
    return s.rho0_g_cm3 * (1 - s.alpha_per_K * (T - 1500.0)) + (T == s.rho_bump_T_K ? s.rho_bump_g_cm3 : 0.0);
  };
  auto rows = [&](const std::string& name, double T) {
    for (int i = 0; i < 40; ++i, step += 50)
      thermo += fmt::format("{},{},{},{},{},{:.6f},{}\n", name, step, step * 0.002, T + g(rng), 100 * g(rng),
                            rho_at(T) + s.rho_noise_g_cm3 * g(rng), T);
  };
  auto lnD = [&](double T, double E, double D0) {
    const double x = 1000.0 / T - 1000.0 / s.super_T_A_K;
    return std::log(D0) - E / (kB * T) - (s.super_c > 0 && T < s.super_T_A_K ? s.super_c * x * x : 0.0);
  };
  int k = 1;
  {
    const std::string d = fmt::format("{:02d}-liquid", k++);
    put(run / "stages" / d / "stage.yaml", stage_yaml("liquid", "equilibrate", "NPT", 2000, 2000, 10000, base));
    put(run / "stages" / d / "final.data", data_file(base));
    rows("liquid", 2000);
  }
  for (double T : s.isothermal_K) {
    const std::string name = fmt::format("isothermal-{}K", static_cast<int>(T));
    const std::string d = fmt::format("{:02d}-{}", k++, name);
    put(run / "stages" / d / "stage.yaml",
        stage_yaml(name, "isothermal", "NPT", T, T, 10000, base));
    put(run / "stages" / d / "final.data", data_file(base));
    rows(name, T);
    const double Dc = std::exp(lnD(T, s.E_Cu_eV, s.D0_Cu)), Dz = std::exp(lnD(T, s.E_Zr_eV, s.D0_Zr));
    const double Da = 0.64 * Dc + 0.36 * Dz;
    auto fit = [&](double D) {
      return json{{"D_A2_per_ps", D}, {"D_error_A2_per_ps", s.D_rel_error * D}, {"fit_from_ps", 2.0},
                  {"fit_to_ps", 20.0}, {"diffusive", true}};
    };
    put(run / "analysis" / d / "msd.json",
        json{{"analysis", "msd"}, {"schema_version", 2}, {"frames", 40}, {"atoms", 1000}, {"frame_interval_ps", 0.5},
             {"species", {{"all", fit(Da)}, {"Cu", fit(Dc)}, {"Zr", fit(Dz)}}}}
            .dump(1));
  }
  put(run / "thermo.csv", thermo);
  put(run / "analysis" / "summary.json", json{{"analysis", "summary"}, {"synthetic", true}}.dump(1));
}

void write_replica_set(const std::string& dir, int replicas, const std::function<void(const std::string&, int)>& write) {
  fs::create_directories(dir);
  std::string seeds, dirs;
  for (int r = 0; r < replicas; ++r) {
    seeds += (r ? ", " : "") + std::to_string(100 + r);
    dirs += fmt::format("  - replica-{:02d}\n", r);
    write(fmt::format("{}/replica-{:02d}", dir, r), r);
  }
  put(fs::path(dir) / "replicas.yaml", fmt::format("case: synthetic\ncase_name: synthetic\nengine: synthetic\nreplicas: {}\n"
                                                   "seeds: [{}]\ndirectories:\n{}", replicas, seeds, dirs));
}

}  // namespace gb::testing
