#pragma once
// `glassbench analyze run DIR`: every registered observable
// (analysis/observables.def) for every stage of a run directory
// (docs/run-directory.md), written to DIR/analysis/<stage>/ (msd.csv/json,
// strings.csv/json, gr.csv, vanhove.csv, order.csv/json) and
// DIR/analysis/summary.json (one entry per complete stage; stages without a
// trajectory carry only what thermo rows give):
//   {"provenance": {...}, "run_dir": "...",
//    "stages": [{"name", "kind", "T_start_K", "T_end_K", "T_K" (= T_end_K, the stage's temperature),
//                "achieved": {"thermo_rows", "T_mean_K", "T_sd_K", "P_mean_bar", "P_sd_bar"} | null,
//                "frames", "atoms", "frame_interval_ps", "duration_ps", "elements",
//                "D_A2_per_ps": {"all": x, "<El>": x}, "D_error_A2_per_ps": {...},
//                "D_m2_per_s": {...}, "diffusive": {...}, "tau_string_ps", "string_peak_ratio",
//                "lindemann_ratio", "gr_first_peak_A", "order": {"mean_w6hat", "origins", "fast_samples"} | null}],
//    "fits": {"arrhenius_D_all": {...}, "arrhenius_tau_string": {...}}   (isothermal stages, >= 3)}
// Missing values are null.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/msd.hpp"
#include "analysis/string_atoms.hpp"

namespace gb::analysis {

/// The one g(r) frame budget of `analyze run` and `analyze msd` (frames
/// averaged, spread evenly): 50 frames give a smooth first peak for the
/// Lindemann ratio at a bounded cost.
constexpr int kGrFrameBudget = 50;

struct StageAnalysisOptions {
  MsdOptions msd;
  StringOptions strings;
  bool order = true;      // Voronoi + bond order sampled over origin frames (order_mobility.hpp)
  int order_origins = 10; // frames sampled for order (each one Voronoi tessellation)
  int max_frames = -1;    // cap frames read per stage (-1: all)
  int gr_frames = kGrFrameBudget;
  bool viscosity_scattering = true;  // observable scattering (S(q), F_s, tau_alpha; Maxwell needs it)
};

/// Analyse every complete stage of a run directory by walking the observable
/// registry (src/analysis/observables.def); returns summary.json's document
/// (also written).  Stage folders without stage.yaml (in progress) are
/// skipped; an invalid stage.yaml throws gb::InputError (file:line:field).
nlohmann::json analyze_run_directory(const std::string& run_dir, const StageAnalysisOptions& opt,
                                     const std::string& command);

}  // namespace gb::analysis
