#pragma once
// `glassbench analyze run DIR`: every observable for every stage of a run
// directory (docs/run-directory.md), written to DIR/analysis/<stage>/
// (msd.csv/json, strings.csv/json, gr.csv, vanhove.csv, order.csv/json) and
// DIR/analysis/summary.json:
//   {"provenance": {...}, "run_dir": "...",
//    "stages": [{"name", "kind", "T_start_K", "T_end_K", "T_K" (= T_end_K, the stage's temperature),
//                "achieved": {"thermo_rows", "T_mean_K", "T_sd_K", "P_mean_bar", "P_sd_bar"} | null,
//                "frames", "atoms", "frame_interval_ps", "duration_ps", "elements",
//                "D_A2_per_ps": {"all": x, "<El>": x}, "D_error_A2_per_ps": {...},
//                "D_m2_per_s": {...}, "diffusive": {...}, "tau_string_ps", "string_peak_ratio",
//                "lindemann_ratio", "gr_first_peak_A", "order": {"mean_w6hat": ..., ...} | null}],
//    "fits": {"arrhenius_D_all": {...}, "arrhenius_tau_string": {...}}   (isothermal stages, >= 3)}
// Missing values are null.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/msd.hpp"
#include "analysis/string_atoms.hpp"

namespace gb::analysis {

struct StageAnalysisOptions {
  MsdOptions msd;
  StringOptions strings;
  bool order = true;      // Voronoi + bond order on the stage's first frame
  int max_frames = -1;    // cap frames read per stage (-1: all)
  bool viscosity_scattering = true;  // S(q), F_s, tau_alpha, Maxwell for isothermal stages with stress.csv
};

/// Analyse one trajectory into out_dir (created); returns the stage's summary entry.
nlohmann::json analyze_trajectory_to_dir(const std::string& dump_path, double md_timestep_ps,
                                         double frame_interval_ps, const std::vector<std::string>& elements,
                                         const std::string& out_dir, const StageAnalysisOptions& opt,
                                         const std::string& command);

/// Analyse every stage of a run directory; returns summary.json's document
/// (also written).  Stage folders without stage.yaml (in progress) are
/// skipped; an invalid stage.yaml throws gb::InputError (file:line:field).
nlohmann::json analyze_run_directory(const std::string& run_dir, const StageAnalysisOptions& opt,
                                     const std::string& command);

}  // namespace gb::analysis
