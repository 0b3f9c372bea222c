#include "analysis/run_directory_analysis.hpp"

#include <filesystem>

#include "analysis/arrhenius_fit.hpp"
#include "analysis/internal/observable.hpp"
#include "analysis/internal/output_provenance.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "rundir/run_directory.hpp"
#include "rundir/thermo_log.hpp"

namespace fs = std::filesystem;

namespace gb::analysis {

namespace {

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

// Every registered observable whose needs the stage meets.
nlohmann::json analyze_stage(const rundir::Stage& st, const std::vector<rundir::ThermoLogRow>& thermo,
                             const StageAnalysisOptions& opt, const std::string& command) {
  const std::string dump = st.trajectory_path();
  unsigned wanted = 0;
  for (const Observable* o : observables())
    if (o->applies_to(st)) wanted |= o->needs();
  std::optional<Trajectory> traj;
  if (!dump.empty() && (wanted & kNeedPositions)) {
    LoadOptions lo;
    lo.max_frames = opt.max_frames;
    traj = load_trajectory(dump, {st.timestep_ps, 0.0}, lo);
  }
  StageData in{st, traj ? &*traj : nullptr, st.files.existing_velocities(), {}, "", st.analysis.dir(),
               OutputContext{command, dump}, opt, st.elements};
  for (const auto& r : thermo)
    if (r.stage == st.name) in.thermo.push_back(r);
  if (fs::exists(st.files.samples("stress.csv"))) in.stress_path = st.files.samples("stress.csv");
  StageResults out;
  nlohmann::json& s = out.summary;
  s["name"] = st.dir_name;
  s["kind"] = st.kind_name;
  s["T_start_K"] = num_or_null(st.T_start_K);
  s["T_end_K"] = num_or_null(st.T_end_K);
  s["T_K"] = num_or_null(st.temperature_K());  // the stage's temperature: its final set point
  s["achieved"] = nullptr;
  if (traj) {
    s["frames"] = traj->frames();
    s["atoms"] = traj->atoms();
    s["frame_interval_ps"] = traj->frame_interval_ps;
    s["duration_ps"] = (traj->frames() - 1) * traj->frame_interval_ps;
  }
  s["elements"] = st.elements;
  fs::create_directories(in.out_dir);
  nlohmann::json ran = nlohmann::json::array();
  for (const Observable* o : observables()) {
    if ((o->needs() & in.available()) != o->needs() || !o->applies_to(st)) continue;
    o->compute(in, out);
    ran.push_back(o->name());
  }
  s["observables"] = ran;
  return s;
}

}  // namespace

nlohmann::json analyze_run_directory(const std::string& run_dir, const StageAnalysisOptions& opt,
                                     const std::string& command) {
  const rundir::RunLayout layout(run_dir);
  if (!fs::is_directory(layout.stages_dir()))
    throw InputError({run_dir, 0, 0}, "stages", "not a glassbench run directory (no stages/ folder)");
  const rundir::RunDirectory run = rundir::RunDirectory::load(run_dir);
  const std::vector<rundir::ThermoLogRow> thermo =
      fs::exists(layout.thermo_csv()) ? rundir::read_thermo_log(layout.thermo_csv()) : std::vector<rundir::ThermoLogRow>{};
  nlohmann::json summary;
  summary["schema_version"] = rundir::kSchemaVersion;
  summary["run_dir"] = run_dir;
  summary["stages"] = nlohmann::json::array();
  std::vector<double> iso_T, iso_D, iso_tau_T, iso_tau;
  for (const rundir::Stage& st : run.stages()) {
    if (!st.complete) continue;  // a stage in progress (no stage.yaml yet)
    nlohmann::json s = analyze_stage(st, thermo, opt, command);
    if (st.is(StageKind::Isothermal)) {
      const double T1 = st.temperature_K();
      if (s.contains("D_A2_per_ps")) {
        const auto& D = s["D_A2_per_ps"]["all"];
        if (D.is_number() && D.get<double>() > 0 && s["diffusive"]["all"].get<bool>())
          iso_T.push_back(T1), iso_D.push_back(D.get<double>());
      }
      if (s.contains("tau_string_ps") && s["tau_string_ps"].is_number())
        iso_tau_T.push_back(T1), iso_tau.push_back(s["tau_string_ps"].get<double>());
    }
    summary["stages"].push_back(s);
  }
  // Run-level files of the observables (md_dma.csv across shear stages, viscosity.csv, ...).
  for (const Observable* o : observables()) o->summarize_run({layout.analysis_dir(), summary["stages"], command}, summary);

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
