#pragma once
// Files of the dynamical analysis (docs/run-directory.md), all written
// atomically with a '#' provenance line first in CSVs and a "provenance"
// object in JSONs.  Units are in every column name.
//   msd.csv      lag_ps,msd_A2[,msd_<El>_A2...]
//   msd.json     D per species (A^2/ps and m^2/s) with error, fit range, slope
//   strings.csv  t_ps,n_fast,n_string,ratio  (counts are means per origin)
//   strings.json peak (tau_string_ps, peak_ratio), thresholds
//   gr.csv       r_A,g_total,g_<A>_<B>...
//   vanhove.csv  t_ps,u_A,p_all_per_A,p_<El>_per_A...
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/lindemann.hpp"
#include "analysis/msd.hpp"
#include "analysis/pair_distribution.hpp"
#include "analysis/string_atoms.hpp"
#include "analysis/van_hove.hpp"

namespace gb::analysis {

/// Where the numbers came from: command line and input file.
struct OutputContext {
  std::string command;
  std::string input;
};

nlohmann::json msd_json(const MsdResult& r, const Trajectory& traj, const LindemannResult* lindemann);
void write_msd_csv(const std::string& path, const MsdResult& r, const OutputContext& ctx);

nlohmann::json strings_json(const StringRatioResult& r, const StringOptions& opt, const Trajectory& traj);
void write_strings_csv(const std::string& path, const StringRatioResult& r, const OutputContext& ctx);

void write_gr_csv(const std::string& path, const GrResult& r, const std::vector<std::string>& element_names,
                  const OutputContext& ctx);
void write_vanhove_csv(const std::string& path, const VanHoveResult& r, const OutputContext& ctx);

/// Adds {"provenance": ...} and writes pretty JSON atomically.
void write_json(const std::string& path, nlohmann::json doc, const OutputContext& ctx);

/// "%.10g" formatting for CSV cells (NaN -> "nan").
std::string csv_number(double v);

}  // namespace gb::analysis
