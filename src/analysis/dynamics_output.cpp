#include "analysis/dynamics_output.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "analysis/internal/output_provenance.hpp"
#include "core/atomic_file.hpp"
#include "rundir/analysis_files.hpp"

namespace gb::analysis {

std::string csv_number(double v) {
  if (std::isnan(v)) return "nan";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void write_json(const std::string& path, nlohmann::json doc, const OutputContext& ctx) {
  doc["provenance"] = provenance_json(ctx.command, ctx.input);
  write_file_atomically(path, doc.dump(2) + "\n");
}

nlohmann::json msd_json(const MsdResult& r, const Trajectory& traj, const LindemannResult* lindemann) {
  nlohmann::json j;
  j["schema_version"] = rundir::kAnalysisSchemaVersion;
  j["units"] = {{"time", "ps"}, {"length", "Angstrom"}, {"D", "A^2/ps and m^2/s"}};
  j["frames"] = traj.frames();
  j["atoms"] = traj.atoms();
  j["frame_interval_ps"] = traj.frame_interval_ps;
  j["unwrapped_in_file"] = traj.unwrapped_in_file;
  j["definition"] = "MSD(t) = <|r_j(t0+t) - r_j(t0)|^2> over atoms and time origins t0; D = slope/6 of a "
                    "least-squares line MSD = 6 D t + c over the fit range (default: the last decade of lags keeping "
                    ">= half the frames as origins, [duration/20, duration/2]); error = standard error of D over "
                    "interleaved atom subsets; diffusive = |log-log slope - 1| < 0.15 over >= 1 decade and MSD at "
                    "the window end >= the cage bound";
  nlohmann::json sp = nlohmann::json::object();
  for (size_t g = 0; g < r.labels.size(); ++g) {
    const auto& f = r.fits[g];
    sp[r.labels[g]] = {{"type", r.label_types[g]},
                       {"D_A2_per_ps", f.D_A2_per_ps},
                       {"D_error_A2_per_ps", f.D_error_A2_per_ps},
                       {"D_m2_per_s", f.D_A2_per_ps * DiffusionFit::kA2PerPsToM2PerS},
                       {"D_error_m2_per_s", f.D_error_A2_per_ps * DiffusionFit::kA2PerPsToM2PerS},
                       {"fit_from_ps", f.fit_from_ps},
                       {"fit_to_ps", f.fit_to_ps},
                       {"fit_points", f.fit_points},
                       {"intercept_A2", f.intercept_A2},
                       {"loglog_slope", f.loglog_slope},
                       {"window_decades", f.window_decades},
                       {"msd_end_A2", f.msd_end_A2},
                       {"diffusive", f.diffusive},
                       {"diffusive_reason", f.diffusive_reason},
                       {"atom_subsets", f.block_D_A2_per_ps.size()},
                       {"subset_D_A2_per_ps", f.block_D_A2_per_ps}};
  }
  j["species"] = sp;
  j["origins_per_lag"] = r.origins;
  if (lindemann) {
    nlohmann::json per = nlohmann::json::object();
    for (size_t k = 0; k < lindemann->types.size(); ++k)
      per[std::to_string(lindemann->types[k])] = lindemann->ratio_per_type[k];
    j["lindemann"] = {{"ratio", lindemann->ratio},
                      {"rms_fluctuation_A", lindemann->rms_fluctuation_A},
                      {"nn_distance_A", lindemann->nn_distance_A},
                      {"ratio_per_type", per},
                      {"definition", "sqrt(<|r_i(t) - <r_i>_t|^2>) over atoms and frames (COM drift removed) "
                                     "divided by the first-peak position of the total g(r)"}};
  }
  return j;
}

void write_msd_csv(const std::string& path, const MsdResult& r, const OutputContext& ctx) {
  std::ostringstream s;
  s << provenance_csv_line(ctx.command, ctx.input);
  s << "lag_ps";
  for (size_t g = 0; g < r.labels.size(); ++g) s << (g == 0 ? ",msd_A2" : ",msd_" + r.labels[g] + "_A2");
  s << "\n";
  for (size_t l = 0; l < r.lag_ps.size(); ++l) {
    s << csv_number(r.lag_ps[l]);
    for (size_t g = 0; g < r.labels.size(); ++g) s << "," << csv_number(r.msd_A2[g][l]);
    s << "\n";
  }
  write_file_atomically(path, s.str());
}

nlohmann::json strings_json(const StringRatioResult& r, const StringOptions& opt, const Trajectory& traj) {
  nlohmann::json j;
  j["schema_version"] = rundir::kAnalysisSchemaVersion;
  j["definition"] = "fast: |r_j(t)-r_j(0)| > fast_threshold_A; string-like: fast and |r_j(t)-r_k(0)| < "
                    "string_threshold_A for some other atom k (minimum image); ratio = sum N_string / sum N_fast "
                    "over time origins; tau_string = t of the maximum ratio among lags with mean N_fast >= "
                    "min_fast_per_origin";
  j["fast_threshold_A"] = opt.fast_threshold_A;
  j["string_threshold_A"] = opt.string_threshold_A;
  j["min_fast_per_origin"] = opt.min_fast_per_origin;
  j["max_origins_per_lag"] = opt.max_origins;
  j["frames"] = traj.frames();
  j["atoms"] = traj.atoms();
  j["frame_interval_ps"] = traj.frame_interval_ps;
  j["peak_found"] = r.peak_index >= 0;
  if (r.peak_index < 0) j["no_peak_reason"] = r.no_peak_reason;
  j["tau_string_ps"] = r.peak_index >= 0 ? nlohmann::json(r.tau_string_ps) : nlohmann::json(nullptr);
  j["peak_ratio"] = r.peak_index >= 0 ? nlohmann::json(r.peak_ratio) : nlohmann::json(nullptr);
  if (r.peak_index >= 0) {
    j["peak_n_fast"] = r.n_fast[r.peak_index];
    j["peak_n_string"] = r.n_string[r.peak_index];
    j["peak_at_last_lag"] = r.peak_index + 1 == static_cast<int>(r.t_ps.size());
    // A maximum at either end of the lag range is not a peak inside the trajectory.
    const size_t k = static_cast<size_t>(r.peak_index), n = r.t_ps.size();
    const bool edge = k == 0 || k + 1 == n || !(r.t_ps[k] > 0);
    j["peak_at_edge"] = edge;
    // The peak is known to one lag spacing in ln t: sigma = spacing / sqrt(12).
    j["tau_string_sigma_ln"] =
        edge ? nlohmann::json(nullptr) : nlohmann::json(0.5 * (std::log(r.t_ps[k + 1]) - std::log(r.t_ps[k - 1])) / std::sqrt(12.0));
    // Binomial error of a fraction out of n_fast atoms (one origin: conservative).
    const double h = r.peak_ratio, nf = r.n_fast[k];
    j["peak_ratio_sigma"] = nf > 0 ? nlohmann::json(std::sqrt(std::max(h * (1 - h), 0.25 / nf) / nf)) : nlohmann::json(nullptr);
  }
  j["origins_per_lag"] = r.origins;
  return j;
}

void write_strings_csv(const std::string& path, const StringRatioResult& r, const OutputContext& ctx) {
  std::ostringstream s;
  s << provenance_csv_line(ctx.command, ctx.input);
  s << "t_ps,n_fast,n_string,ratio\n";
  for (size_t l = 0; l < r.t_ps.size(); ++l)
    s << csv_number(r.t_ps[l]) << "," << csv_number(r.n_fast[l]) << "," << csv_number(r.n_string[l]) << ","
      << csv_number(r.ratio[l]) << "\n";
  write_file_atomically(path, s.str());
}

void write_gr_csv(const std::string& path, const GrResult& r, const std::vector<std::string>& names,
                  const OutputContext& ctx) {
  std::ostringstream s;
  s << provenance_csv_line(ctx.command, ctx.input);
  s << "# partial g_ab(r), dimensionless; r in Angstrom (bin centres); frames averaged: " << r.frames_used << "\n";
  s << "r_A";
  for (const auto& p : r.pairs)
    s << (p.first == 0 ? std::string(",g_total")
                       : ",g_" + species_label(p.first, names) + "_" + species_label(p.second, names));
  s << "\n";
  for (size_t b = 0; b < r.r_A.size(); ++b) {
    s << csv_number(r.r_A[b]);
    for (size_t p = 0; p < r.pairs.size(); ++p) s << "," << csv_number(r.g[p][b]);
    s << "\n";
  }
  write_file_atomically(path, s.str());
}

void write_vanhove_csv(const std::string& path, const VanHoveResult& r, const OutputContext& ctx) {
  std::ostringstream s;
  s << provenance_csv_line(ctx.command, ctx.input);
  s << "# self van Hove as displacement-length density p(u,t), integral over u = 1 (minus the fraction beyond "
       "the last bin)\n";
  s << "t_ps,u_A";
  for (const auto& l : r.labels) s << ",p_" << l << "_per_A";
  s << "\n";
  for (size_t t = 0; t < r.t_ps.size(); ++t)
    for (size_t b = 0; b < r.u_A.size(); ++b) {
      s << csv_number(r.t_ps[t]) << "," << csv_number(r.u_A[b]);
      for (size_t l = 0; l < r.labels.size(); ++l) s << "," << csv_number(r.p[t][l][b]);
      s << "\n";
    }
  write_file_atomically(path, s.str());
}

}  // namespace gb::analysis
