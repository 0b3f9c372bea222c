#include "analysis/run_directory_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "analysis/arrhenius_fit.hpp"
#include "analysis/dynamics_output.hpp"
#include "analysis/lindemann.hpp"
#include "analysis/order_analysis.hpp"
#include "analysis/order_histogram.hpp"
#include "analysis/order_output.hpp"
#include "analysis/output_provenance.hpp"
#include "analysis/pair_distribution.hpp"
#include "analysis/van_hove.hpp"
#include "analysis/viscosity_analysis.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "rundir/run_directory.hpp"

namespace fs = std::filesystem;

namespace gb::analysis {

namespace {

nlohmann::json num_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json fit_json(const ArrheniusFit& f) {
  return {{"activation_energy_eV", f.activation_energy_eV.value},
          {"activation_energy_sigma_eV", f.activation_energy_eV.sigma},
          {"activation_energy_ci_eV", {f.activation_energy_eV.ci_low, f.activation_energy_eV.ci_high}},
          {"ln_prefactor", f.ln_prefactor.value},
          {"ln_prefactor_sigma", f.ln_prefactor.sigma},
          {"prefactor", f.prefactor},
          {"points", f.points},
          {"confidence", f.confidence}};
}

}  // namespace

nlohmann::json analyze_trajectory_to_dir(const std::string& dump_path, double md_timestep_ps,
                                         double frame_interval_ps, const std::vector<std::string>& elements,
                                         const std::string& out_dir, const StageAnalysisOptions& opt,
                                         const std::string& command) {
  fs::create_directories(out_dir);
  LoadOptions lo;
  lo.max_frames = opt.max_frames;
  const Trajectory traj = load_trajectory(dump_path, {md_timestep_ps, frame_interval_ps}, lo);
  const OutputContext ctx{command, dump_path};
  nlohmann::json s;
  s["frames"] = traj.frames();
  s["atoms"] = traj.atoms();
  s["frame_interval_ps"] = traj.frame_interval_ps;
  s["duration_ps"] = (traj.frames() - 1) * traj.frame_interval_ps;
  s["elements"] = elements;

  GrOptions gro;
  const GrResult gr = compute_gr(traj, gro);
  write_gr_csv(out_dir + "/gr.csv", gr, elements, ctx);
  s["gr_first_peak_A"] = num_or_null(gr.first_peak_A > 0 ? gr.first_peak_A : NAN);

  const MsdResult msd = compute_msd(traj, opt.msd, elements);
  LindemannResult lind;
  const bool have_lind = gr.first_peak_A > 0;
  if (have_lind) lind = lindemann_ratio(traj, gr.first_peak_A);
  write_msd_csv(out_dir + "/msd.csv", msd, ctx);
  write_json(out_dir + "/msd.json", msd_json(msd, traj, have_lind ? &lind : nullptr), ctx);
  nlohmann::json D, De, Dm, diff;
  for (size_t g = 0; g < msd.labels.size(); ++g) {
    D[msd.labels[g]] = num_or_null(msd.fits[g].D_A2_per_ps);
    De[msd.labels[g]] = num_or_null(msd.fits[g].D_error_A2_per_ps);
    Dm[msd.labels[g]] = num_or_null(msd.fits[g].D_A2_per_ps * DiffusionFit::kA2PerPsToM2PerS);
    diff[msd.labels[g]] = msd.fits[g].diffusive;
  }
  s["D_A2_per_ps"] = D;
  s["D_error_A2_per_ps"] = De;
  s["D_m2_per_s"] = Dm;
  s["diffusive"] = diff;
  s["lindemann_ratio"] = have_lind ? num_or_null(lind.ratio) : nlohmann::json(nullptr);

  const StringRatioResult str = compute_string_ratio(traj, opt.strings);
  write_strings_csv(out_dir + "/strings.csv", str, ctx);
  write_json(out_dir + "/strings.json", strings_json(str, opt.strings, traj), ctx);
  s["tau_string_ps"] = str.peak_index >= 0 ? nlohmann::json(str.tau_string_ps) : nlohmann::json(nullptr);
  s["string_peak_ratio"] = str.peak_index >= 0 ? nlohmann::json(str.peak_ratio) : nlohmann::json(nullptr);

  const VanHoveResult vh = compute_van_hove(traj, VanHoveOptions{}, elements);
  write_vanhove_csv(out_dir + "/vanhove.csv", vh, ctx);

  s["order"] = nullptr;
  if (opt.order) {
    // Structure of the first frame; mobility classes from the displacement
    // over tau_string (or the whole stage when no peak was found).
    OrderOptions oo;
    const OrderResult order = compute_order(traj.boxes[0], traj.positions[0], oo);
    const int lag = str.peak_index >= 0 ? str.lag_frames[str.peak_index] : static_cast<int>(traj.frames()) - 1;
    std::vector<double> disp(traj.atoms());
    for (size_t a = 0; a < traj.atoms(); ++a) disp[a] = (traj.positions[lag][a] - traj.positions[0][a]).norm();
    const auto fast = fast_atoms(disp, opt.strings.fast_threshold_A);
    const auto groups = order_histograms(order, traj.types, elements, fast);
    write_order_csv(out_dir + "/order.csv", traj.ids, traj.types, order,
                    {"input: " + dump_path + " frame 0", "command: " + command});
    const nlohmann::json source = {{"input", dump_path},
                                   {"frame", 0},
                                   {"mobility", "fast = displacement > " + std::to_string(opt.strings.fast_threshold_A) +
                                                    " A over " + std::to_string(lag * traj.frame_interval_ps) +
                                                    " ps from frame 0"}};
    write_order_json(out_dir + "/order.json", order, groups, source);
    double w6 = 0, q6 = 0;
    size_t nw = 0;
    for (size_t i = 0; i < order.size(); ++i) {
      const double w = order.w_hat(6, i), q = order.q(6, i);
      if (std::isfinite(w) && std::isfinite(q)) w6 += w, q6 += q, ++nw;
    }
    s["order"] = {{"mean_w6hat", nw ? num_or_null(w6 / nw) : nlohmann::json(nullptr)},
                  {"mean_q6", nw ? num_or_null(q6 / nw) : nlohmann::json(nullptr)},
                  {"fast_atoms", std::count(fast.begin(), fast.end(), 1)}};
  }
  return s;
}

nlohmann::json analyze_run_directory(const std::string& run_dir, const StageAnalysisOptions& opt,
                                     const std::string& command) {
  const rundir::RunLayout layout(run_dir);
  if (!fs::is_directory(layout.stages_dir()))
    throw InputError({run_dir, 0, 0}, "stages", "not a glassbench run directory (no stages/ folder)");
  const rundir::RunDirectory run = rundir::RunDirectory::load(run_dir);
  nlohmann::json summary;
  summary["schema_version"] = rundir::kSchemaVersion;
  summary["run_dir"] = run_dir;
  summary["stages"] = nlohmann::json::array();
  std::vector<double> iso_T, iso_D, iso_tau_T, iso_tau;
  for (const rundir::Stage& st : run.stages()) {
    if (!st.complete) continue;  // a stage in progress (no stage.yaml yet)
    const std::string dump = st.trajectory_path();
    if (dump.empty()) continue;  // stage without a trajectory (dump_interval 0)
    nlohmann::json s = analyze_trajectory_to_dir(dump, st.timestep_ps, 0.0, st.elements, st.analysis.dir(), opt, command);
    s["name"] = st.dir_name;
    s["kind"] = st.kind_name;
    s["T_start_K"] = num_or_null(st.T_start_K);
    s["T_end_K"] = num_or_null(st.T_end_K);
    s["T_K"] = num_or_null(st.temperature_K());  // the stage's temperature: its final set point
    if (st.achieved.samples > 0)
      s["achieved"] = {{"thermo_rows", st.achieved.samples}, {"T_mean_K", st.achieved.T_mean_K},
                       {"T_sd_K", st.achieved.T_sd_K},       {"P_mean_bar", st.achieved.P_mean_bar},
                       {"P_sd_bar", st.achieved.P_sd_bar}};
    else
      s["achieved"] = nullptr;
    if (st.is(StageKind::Isothermal)) {
      const double T1 = st.temperature_K();
      const auto& D = s["D_A2_per_ps"]["all"];
      if (D.is_number() && D.get<double>() > 0 && s["diffusive"]["all"].get<bool>())
        iso_T.push_back(T1), iso_D.push_back(D.get<double>());
      if (s["tau_string_ps"].is_number()) iso_tau_T.push_back(T1), iso_tau.push_back(s["tau_string_ps"].get<double>());
    }
    summary["stages"].push_back(s);
  }
  // MD-DMA over the shear stages; Green-Kubo/Maxwell over isothermal stages with a stress series (issue 11).
  std::vector<TemperatureModuli> dma;
  double dma_GHz = NAN;
  std::vector<nlohmann::json> visc;
  for (const rundir::Stage& st : run.stages()) {
    if (!st.complete) continue;
    const std::string stress = st.files.samples("stress.csv");
    if (!fs::exists(stress)) continue;
    if (st.is(StageKind::Shear)) {
      ShearStageSpec sp;
      sp.T_K = st.temperature_K();
      sp.frequency_per_ps = st.parameters.at("frequency_GHz") * 1e-3;
      sp.strain_amplitude = st.parameters.at("strain_amplitude");
      const ShearStageResult r = analyze_shear_stage(st.files.dir(), sp);
      write_shear_stage(st.analysis.dir(), r, command);
      dma.push_back(r.moduli);
      dma_GHz = st.parameters.at("frequency_GHz");
    } else if (st.is(StageKind::Isothermal)) {
      ViscosityStageOptions vo;
      vo.scattering = opt.viscosity_scattering;
      vo.max_frames = opt.max_frames;
      visc.push_back(analyze_viscosity_stage(st.files.dir(), st.temperature_K(), st.timestep_ps, st.analysis.dir(), vo,
                                             command));
    }
  }
  if (!dma.empty()) summary["md_dma"] = write_md_dma(layout.analysis_dir(), dma, dma_GHz, command);
  if (!visc.empty()) summary["viscosity"] = write_viscosity_summary(layout.analysis_dir(), visc, command);

  nlohmann::json fits = nlohmann::json::object();
  if (iso_T.size() >= 3) fits["arrhenius_D_all"] = fit_json(fit_arrhenius(iso_T, iso_D, {}, ArrheniusKind::kRate));
  if (iso_tau_T.size() >= 3)
    fits["arrhenius_tau_string"] = fit_json(fit_arrhenius(iso_tau_T, iso_tau, {}, ArrheniusKind::kTime));
  summary["fits"] = fits;
  summary["fits_note"] = "Arrhenius fits over isothermal stages (D: only stages whose MSD is diffusive); "
                         "present when >= 3 stages qualify";
  summary["order_included"] = opt.order;
  fs::create_directories(layout.analysis_dir());
  summary["provenance"] = provenance_json(command, run_dir);
  write_file_atomically(layout.summary_json(), summary.dump(2) + "\n");
  return summary;
}

}  // namespace gb::analysis
