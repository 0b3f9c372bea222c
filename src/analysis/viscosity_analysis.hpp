#pragma once
// Run-directory observables of issue 11 (MD-DMA and viscosity), written by
// `glassbench analyze run DIR` (docs/run-directory.md):
//
//  shear stages (stages/<stage>/stress.csv with columns replica, t_shear_ps
//  (time since that replica's shearing began), strain_xy, pxx_bar..pyz_bar;
//  rows with replica < 0 are the unsheared decorrelation segments):
//    analysis/<stage>/md_dma_replicas.csv  replica,storage_modulus_GPa,loss_modulus_GPa,phase_rad,
//                                          sigma0_GPa,rms_residual_GPa,cycles
//    analysis/md_dma.csv   T_K,replicas,storage_modulus_GPa,storage_modulus_error_GPa,
//                          loss_modulus_GPa,loss_modulus_error_GPa,phase_rad,phase_error_rad
//    analysis/md_dma.json  the same plus the loss peaks (T, error, prominence) and the method
//  isothermal stages with stages/<stage>/stress.csv:
//    analysis/<stage>/stress_acf.csv  lag_ps,acf_bar2,acf_error_bar2,running_eta_mPa_s,
//                                     running_eta_error_mPa_s (Green-Kubo)
//    analysis/<stage>/viscosity.json  Green-Kubo, G_inf, S(q) first peak, F_s(q1,t) tau_alpha,
//                                     Maxwell eta (when a trajectory exists)
//    analysis/<stage>/fs.csv          t_ps,Fs (at q1);  sq.csv  q_per_A,S
//    analysis/viscosity.csv  T_K,eta_gk_Pa_s,eta_gk_error_Pa_s,G_inf_GPa,G_inf_error_GPa,
//                            q1_per_A,tau_alpha_ps,tau_alpha_error_ps,eta_maxwell_Pa_s,
//                            eta_maxwell_error_Pa_s,gk_cutoff_ps,gk_length_ps,gk_ps_for_10pct
//    analysis/viscosity.json  per-stage records + the inheritance estimate at 293 K (>= 3 T)
// The shear stress is sigma_xy = -p_xy (p: LAMMPS pressure tensor), converted
// bar -> GPa (1e-4); time in the stress file counts from the start of the
// replica's shearing, so the applied strain is eps_A sin(2 pi f t).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/green_kubo.hpp"
#include "analysis/md_dma.hpp"
#include "analysis/trajectory.hpp"

namespace gb::analysis {

struct ShearStageSpec {
  double T_K = 0;
  double frequency_per_ps = 1e-3;   // 1 GHz
  double strain_amplitude = 0.01;
  int replicas = 0;
};

struct ShearStageResult {
  TemperatureModuli moduli;
  std::vector<SinusoidFit> fits;       // per replica
  std::vector<DynamicModuli> replicas; // per replica, GPa
};

/// Fits every replica of stage_dir/stress.csv; throws gb::InputError if the file is bad or has no shearing rows.
ShearStageResult analyze_shear_stage(const std::string& stage_dir, const ShearStageSpec& spec);

/// Writes md_dma_replicas.csv into out_dir.
void write_shear_stage(const std::string& out_dir, const ShearStageResult& r, const std::string& command);

/// md_dma.csv + md_dma.json for a set of temperatures (any order).
/// frequency_GHz is recorded (md_dma.json) for the relaxation time 1/(2 pi f) of a peak.
nlohmann::json write_md_dma(const std::string& analysis_dir, std::vector<TemperatureModuli> temps, double frequency_GHz,
                            const std::string& command);

struct ViscosityStageOptions {
  GreenKuboOptions gk;
  bool scattering = true;   // S(q), F_s, tau_alpha, Maxwell from the trajectory when present
  int max_frames = -1;
};

/// The pieces `glassbench analyze run` runs as observables (observable_green_kubo,
/// observable_scattering, observable_maxwell):
/// Green-Kubo of one stress.csv: writes out_dir/stress_acf.csv; returns the
/// stage's viscosity record ("maxwell": null) and, if asked, the full result.
nlohmann::json green_kubo_record(const std::string& stress_csv, double T_K, const std::string& out_dir,
                                 const GreenKuboOptions& opt, const std::string& command,
                                 GreenKuboResult* result = nullptr);
/// S(q) and F_s(q1, t) of a trajectory: writes out_dir/sq.csv and fs.csv;
/// returns {q1_per_A, S_q1, tau_alpha_ps, tau_alpha_error_ps, note, method}.
nlohmann::json scattering_record(const Trajectory& traj, const std::string& out_dir, const std::string& command,
                                 const std::string& source);
/// The scattering record plus eta = G_inf tau_alpha (eta_Pa_s, eta_error_Pa_s) when both exist.
nlohmann::json maxwell_record(double G_inf_GPa, double G_inf_error_GPa, const nlohmann::json& scattering);

/// Green-Kubo (and Maxwell when the stage has a trajectory) for one isothermal
/// stage whose stress.csv exists; writes its files into out_dir and returns
/// the stage's viscosity record (also viscosity.json).
nlohmann::json analyze_viscosity_stage(const std::string& stage_dir, double T_K, double md_timestep_ps,
                                       const std::string& out_dir, const ViscosityStageOptions& opt,
                                       const std::string& command);

/// viscosity.csv + viscosity.json (with the inheritance estimate) from the stage records.
nlohmann::json write_viscosity_summary(const std::string& analysis_dir, const std::vector<nlohmann::json>& records,
                                       const std::string& command);

}  // namespace gb::analysis
