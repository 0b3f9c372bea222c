#include "analysis/viscosity_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "analysis/csv_table.hpp"
#include "analysis/dynamics_output.hpp"
#include "analysis/internal/output_provenance.hpp"
#include "analysis/internal/scattering.hpp"
#include "analysis/stress_series.hpp"
#include "analysis/trajectory.hpp"
#include "analysis/internal/viscosity_estimates.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace fs = std::filesystem;

namespace gb::analysis {

namespace {
constexpr double kGPaPerBar = 1e-4;

nlohmann::json num(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
}  // namespace

ShearStageResult analyze_shear_stage(const std::string& stage_dir, const ShearStageSpec& spec) {
  const std::string file = stage_dir + "/stress.csv";
  const CsvTable t = read_csv_table(file);
  const auto rep = t.values(t.column("replica"));
  const auto ts = t.values(t.column("t_shear_ps"));
  const auto pxy = t.values(t.column("pxy_bar"));
  std::map<long, std::pair<std::vector<double>, std::vector<double>>> by;
  for (size_t i = 0; i < rep.size(); ++i) {
    if (rep[i] < 0) continue;  // not shearing (decorrelation segment)
    auto& [tt, sg] = by[std::lround(rep[i])];
    tt.push_back(ts[i]);
    sg.push_back(-pxy[i] * kGPaPerBar);  // sigma_xy = -p_xy
  }
  if (by.empty()) throw InputError({file, 0, 0}, "replica", "no shearing rows (replica >= 0)");
  ShearStageResult r;
  for (const auto& [k, v] : by) {
    SinusoidFit fit;
    try {
      fit = fit_sinusoid(v.first, v.second, spec.frequency_per_ps);
    } catch (const InputError& e) {
      throw InputError({file, 0, 0}, "t_shear_ps", fmt::format("replica {}: {}", k, e.what()));
    }
    r.fits.push_back(fit);
    r.replicas.push_back(dynamic_moduli(fit, spec.strain_amplitude));
  }
  r.moduli = average_replicas(spec.T_K, r.replicas);
  return r;
}

void write_shear_stage(const std::string& out_dir, const ShearStageResult& r, const std::string& command) {
  fs::create_directories(out_dir);
  std::ostringstream o;
  o << provenance_csv_line(command, out_dir) << "\n"
    << "# sigma_xy = -pxy fitted as sigma0 + a sin(2 pi f t) + b cos(2 pi f t); E' = a/eps_A, E'' = b/eps_A\n"
    << "replica,storage_modulus_GPa,loss_modulus_GPa,phase_rad,sigma0_GPa,rms_residual_GPa,cycles\n";
  for (size_t i = 0; i < r.fits.size(); ++i)
    o << i << "," << csv_number(r.replicas[i].storage) << "," << csv_number(r.replicas[i].loss) << ","
      << csv_number(r.replicas[i].phase_rad) << "," << csv_number(r.fits[i].sigma0) << ","
      << csv_number(r.fits[i].rms_residual) << "," << csv_number(r.fits[i].cycles) << "\n";
  write_file_atomically(out_dir + "/md_dma_replicas.csv", o.str());
}

nlohmann::json write_md_dma(const std::string& analysis_dir, std::vector<TemperatureModuli> temps, double frequency_GHz,
                            const std::string& command) {
  fs::create_directories(analysis_dir);
  std::sort(temps.begin(), temps.end(), [](const auto& a, const auto& b) { return a.T_K < b.T_K; });
  std::ostringstream o;
  o << provenance_csv_line(command, analysis_dir) << "\n"
    << "# replica mean and standard error of the mean (SD/sqrt(n); nan for one replica)\n"
    << "T_K,replicas,storage_modulus_GPa,storage_modulus_error_GPa,loss_modulus_GPa,loss_modulus_error_GPa,"
       "phase_rad,phase_error_rad\n";
  std::vector<double> T, E, S;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& t : temps) {
    o << csv_number(t.T_K) << "," << t.replicas << "," << csv_number(t.storage) << "," << csv_number(t.storage_se) << ","
      << csv_number(t.loss) << "," << csv_number(t.loss_se) << "," << csv_number(t.phase_rad) << ","
      << csv_number(t.phase_se) << "\n";
    T.push_back(t.T_K);
    E.push_back(t.loss);
    S.push_back(std::isfinite(t.loss_se) ? t.loss_se : 0.0);
    rows.push_back({{"T_K", t.T_K}, {"replicas", t.replicas}, {"storage_modulus_GPa", num(t.storage)},
                    {"storage_modulus_error_GPa", num(t.storage_se)}, {"loss_modulus_GPa", num(t.loss)},
                    {"loss_modulus_error_GPa", num(t.loss_se)}, {"phase_rad", num(t.phase_rad)},
                    {"phase_error_rad", num(t.phase_se)}});
  }
  write_file_atomically(analysis_dir + "/md_dma.csv", o.str());
  nlohmann::json peaks = nlohmann::json::array();
  for (const auto& p : find_loss_peaks(T, E, S))
    peaks.push_back({{"T_K", p.T_K}, {"sigma_T_K", p.sigma_T_K}, {"grid_T_K", p.grid_T_K},
                     {"loss_modulus_GPa", p.height}, {"prominence_se", num(p.prominence_se)},
                     {"persistence", p.persistence}});
  nlohmann::json doc{{"temperatures", rows}, {"loss_peaks", peaks}, {"peak_method", loss_peak_method()},
                     {"frequency_GHz", frequency_GHz},
                     {"units", {{"moduli", "GPa"}, {"phase", "rad"}, {"T", "K"}}}};
  write_json(analysis_dir + "/md_dma.json", doc, {command, analysis_dir});
  return doc;
}

nlohmann::json green_kubo_record(const std::string& stress_csv, double T_K, const std::string& out_dir,
                                 const GreenKuboOptions& opt, const std::string& command, GreenKuboResult* result) {
  fs::create_directories(out_dir);
  const StressSeries s = read_stress_csv(stress_csv);
  GreenKuboOptions gko = opt;
  gko.temperature_K = T_K;
  const GreenKuboResult gk = green_kubo({s}, gko);
  {
    std::ostringstream o;
    o << provenance_csv_line(command, stress_csv) << "\n# " << green_kubo_method(opt) << "\n"
      << "lag_ps,acf_bar2,acf_error_bar2,running_eta_mPa_s,running_eta_error_mPa_s\n";
    for (size_t j = 0; j < gk.lag_ps.size(); ++j)
      o << csv_number(gk.lag_ps[j]) << "," << csv_number(gk.acf_bar2[j]) << "," << csv_number(gk.acf_se_bar2[j]) << ","
        << csv_number(gk.running_eta_Pa_s[j] * 1e3) << "," << csv_number(gk.running_eta_se_Pa_s[j] * 1e3) << "\n";
    write_file_atomically(out_dir + "/stress_acf.csv", o.str());
  }
  nlohmann::json rec;
  rec["T_K"] = T_K;
  rec["stage"] = fs::path(stress_csv).parent_path().filename().string();
  rec["green_kubo"] = {{"eta_Pa_s", gk.eta_Pa_s},
                       {"eta_error_Pa_s", gk.eta_se_Pa_s},
                       {"cutoff_ps", gk.cutoff_ps},
                       {"cutoff_found", gk.cutoff_found},
                       {"blocks", gk.blocks},
                       {"block_length_ps", gk.block_length_ps},
                       {"length_ps", gk.total_length_ps},
                       {"interval_ps", gk.interval_ps},
                       {"ps_for_10pct_error", num(gk.length_for_relative_error_ps(0.1))},
                       {"mean_temperature_K", gk.temperature_K},
                       {"mean_volume_A3", gk.volume_A3},
                       {"method", green_kubo_method(opt)}};
  rec["G_inf_GPa"] = gk.G_inf_GPa;
  rec["G_inf_error_GPa"] = gk.G_inf_se_GPa;
  rec["G_inf_method"] = "V/(k_B T) <P^2> over the five traceless components (Zwanzig-Mountain; = G(t=0) of Green-Kubo)";
  rec["maxwell"] = nullptr;
  if (result) *result = gk;
  return rec;
}

nlohmann::json scattering_record(const Trajectory& traj, const std::string& out_dir, const std::string& command,
                                 const std::string& source) {
  fs::create_directories(out_dir);
  const StructureFactor sq = compute_structure_factor(traj);
  {
    std::ostringstream o;
    o << provenance_csv_line(command, source) << "\nq_per_A,S,vectors\n";
    for (size_t i = 0; i < sq.q.size(); ++i) o << csv_number(sq.q[i]) << "," << csv_number(sq.S[i]) << "," << sq.vectors[i] << "\n";
    write_file_atomically(out_dir + "/sq.csv", o.str());
  }
  nlohmann::json sc{{"q1_per_A", num(sq.q1)}, {"S_q1", num(sq.S_q1)}, {"tau_alpha_ps", nullptr},
                    {"tau_alpha_error_ps", nullptr}};
  if (std::isfinite(sq.q1)) {
    const SelfScattering fsr = compute_self_scattering(traj, sq.q1);
    std::ostringstream o;
    o << provenance_csv_line(command, source) << "\n# F_s(q1,t) = <sin(q r)/(q r)>, q1 = " << sq.q1 << " 1/A\nt_ps,Fs\n";
    for (size_t i = 0; i < fsr.t_ps.size(); ++i) o << csv_number(fsr.t_ps[i]) << "," << csv_number(fsr.Fs[i]) << "\n";
    write_file_atomically(out_dir + "/fs.csv", o.str());
    sc["tau_alpha_ps"] = num(fsr.tau_alpha_ps);
    sc["tau_alpha_error_ps"] = num(fsr.tau_alpha_se_ps);
    sc["note"] = fsr.note;
  }
  sc["method"] = "S(q) over the box's wave vectors, q1 = its maximum in 1.5-4.5 1/A; tau_alpha: F_s(q1, tau_alpha) = 1/e, "
                 "error: SE over 5 trajectory segments";
  return sc;
}

nlohmann::json maxwell_record(double G_inf_GPa, double G_inf_error_GPa, const nlohmann::json& scattering) {
  nlohmann::json mx = scattering;
  auto number = [&](const char* k) {
    return scattering.contains(k) && scattering[k].is_number() ? scattering[k].get<double>() : double(NAN);
  };
  const double tau = number("tau_alpha_ps"), tau_se = number("tau_alpha_error_ps");
  if (std::isfinite(tau) && std::isfinite(G_inf_GPa)) {
    const auto eta = maxwell_viscosity({G_inf_GPa, std::isfinite(G_inf_error_GPa) ? G_inf_error_GPa : 0},
                                       {tau, std::isfinite(tau_se) ? tau_se : 0});
    mx["eta_Pa_s"] = eta.value;
    mx["eta_error_Pa_s"] = std::isfinite(tau_se) ? nlohmann::json(eta.sigma) : nlohmann::json(nullptr);
  }
  mx["method"] = "eta = G_inf tau_alpha; tau_alpha: F_s(q1, tau_alpha) = 1/e at the first peak q1 of S(q); "
                 "errors: G_inf block SE and tau_alpha SE over 5 trajectory segments, in quadrature";
  return mx;
}

nlohmann::json analyze_viscosity_stage(const std::string& stage_dir, double T_K, double md_timestep_ps,
                                       const std::string& out_dir, const ViscosityStageOptions& opt,
                                       const std::string& command) {
  const std::string stress = stage_dir + "/stress.csv";
  GreenKuboResult gk;
  nlohmann::json rec = green_kubo_record(stress, T_K, out_dir, opt.gk, command, &gk);
  std::string dump = stage_dir + "/trajectory.dump";
  if (!fs::exists(dump)) dump += ".gz";
  if (opt.scattering && fs::exists(dump)) {
    LoadOptions lo;
    lo.max_frames = opt.max_frames;
    const Trajectory traj = load_trajectory(dump, {md_timestep_ps, 0.0}, lo);
    rec["maxwell"] = maxwell_record(gk.G_inf_GPa, gk.G_inf_se_GPa, scattering_record(traj, out_dir, command, dump));
  }
  write_json(out_dir + "/viscosity.json", rec, {command, stress});
  return rec;
}

nlohmann::json write_viscosity_summary(const std::string& analysis_dir, const std::vector<nlohmann::json>& records,
                                       const std::string& command) {
  fs::create_directories(analysis_dir);
  std::vector<nlohmann::json> recs = records;
  std::sort(recs.begin(), recs.end(), [](const auto& a, const auto& b) { return a["T_K"].template get<double>() < b["T_K"].template get<double>(); });
  auto get = [](const nlohmann::json& j, const char* a, const char* b = nullptr) {
    const nlohmann::json* p = &j;
    if (!p->contains(a) || (*p)[a].is_null()) return double(NAN);
    p = &(*p)[a];
    if (b) {
      if (!p->is_object() || !p->contains(b) || (*p)[b].is_null()) return double(NAN);
      p = &(*p)[b];
    }
    return p->is_number() ? p->get<double>() : double(NAN);
  };
  std::ostringstream o;
  o << provenance_csv_line(command, analysis_dir) << "\n"
    << "T_K,eta_gk_Pa_s,eta_gk_error_Pa_s,G_inf_GPa,G_inf_error_GPa,q1_per_A,tau_alpha_ps,tau_alpha_error_ps,"
       "eta_maxwell_Pa_s,eta_maxwell_error_Pa_s,gk_cutoff_ps,gk_length_ps,gk_ps_for_10pct\n";
  std::vector<double> T, eta, se;
  for (const auto& r : recs) {
    const double v[] = {get(r, "T_K"), get(r, "green_kubo", "eta_Pa_s"), get(r, "green_kubo", "eta_error_Pa_s"),
                        get(r, "G_inf_GPa"), get(r, "G_inf_error_GPa"), get(r, "maxwell", "q1_per_A"),
                        get(r, "maxwell", "tau_alpha_ps"), get(r, "maxwell", "tau_alpha_error_ps"),
                        get(r, "maxwell", "eta_Pa_s"), get(r, "maxwell", "eta_error_Pa_s"),
                        get(r, "green_kubo", "cutoff_ps"), get(r, "green_kubo", "length_ps"),
                        get(r, "green_kubo", "ps_for_10pct_error")};
    for (size_t k = 0; k < std::size(v); ++k) o << (k ? "," : "") << csv_number(v[k]);
    o << "\n";
    if (v[1] > 0 && v[2] > 0) T.push_back(v[0]), eta.push_back(v[1]), se.push_back(v[2]);
  }
  write_file_atomically(analysis_dir + "/viscosity.csv", o.str());
  nlohmann::json doc{{"stages", recs}, {"inheritance", nullptr}};
  std::vector<double> distinct = T;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() >= 3) {
    const auto inh = inheritance_from_viscosity(T, eta, se, 293);
    doc["inheritance"] = {{"T_eval_K", inh.T_eval_K},
                          {"log10_eta_Pa_s", inh.log10_eta_Pa_s},
                          {"sigma_log10", inh.sigma_log10},
                          {"ci95_log10", {inh.ci_low_log10, inh.ci_high_log10}},
                          {"activation_energy_eV", inh.activation_energy_eV},
                          {"activation_energy_sigma_eV", inh.activation_energy_sigma_eV},
                          {"how", inh.how}};
  } else {
    doc["inheritance_note"] = fmt::format("needs Green-Kubo viscosities at >= 3 temperatures, have {}", distinct.size());
  }
  write_json(analysis_dir + "/viscosity.json", doc, {command, analysis_dir});
  return doc;
}

}  // namespace gb::analysis
