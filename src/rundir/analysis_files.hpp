#pragma once
// Typed readers of the analysis outputs (analysis/<stage>/msd.json,
// strings.json, order.json): validation and reports read fields by name
// through these, never by searching a JSON tree.  The writers are the
// analysis observables (src/analysis/dynamics_output.cpp, order_output.cpp);
// each document carries "schema_version" (absent: 1).  A missing required
// field is a gb::InputError naming the file and the field.
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gb::rundir {

/// Version of the analysis JSON documents written by this build.
constexpr int kAnalysisSchemaVersion = 2;

struct DiffusionRecord {
  double D_A2_per_ps = 0;
  double D_error_A2_per_ps = 0;  // standard error over independent time blocks (NaN if unknown)
  double fit_from_ps = 0, fit_to_ps = 0;
  bool diffusive = false;
};

struct MsdFile {
  int schema_version = 1;
  long frames = 0, atoms = 0;
  double frame_interval_ps = 0;
  std::map<std::string, DiffusionRecord> species;  // "all" and one per element
  std::optional<double> lindemann_ratio;
};

struct StringsFile {
  int schema_version = 1;
  double fast_threshold_A = 0, string_threshold_A = 0, min_fast_per_origin = 0;
  long frames = 0, atoms = 0;
  double frame_interval_ps = 0;
  /// The peak the analysis picked (its min_fast_per_origin rule); nullopt: none.
  bool peak_found = false;
  std::optional<double> tau_string_ps, peak_ratio;
  double peak_n_fast = 0;
  bool peak_at_edge = false;        // maximum at the first or last lag: not a peak inside the trajectory
  double tau_string_sigma_ln = NAN; // lag-grid resolution in ln t at the peak (spacing / sqrt 12)
  double peak_ratio_sigma = NAN;    // binomial error of the ratio out of peak_n_fast atoms
  /// A peak that a claim may use: found and not at an edge of the lag range.
  bool usable_peak() const { return peak_found && !peak_at_edge && tau_string_ps && *tau_string_ps > 0; }
};

struct OrderHistogramRecord {
  double lo = 0, hi = 0, bin_width = 0;
  std::vector<double> counts;
  long finite = 0;
  std::optional<double> mean, stddev;
};

struct OrderGroupRecord {
  std::string species, mobility;
  long atoms = 0;                                          // samples (atoms x origins when sampled over origins)
  std::map<std::string, OrderHistogramRecord> histograms;  // "w6hat", "volume_A3", ...
  // Sampled over many origin frames (analysis/order_mobility.hpp); empty for a one-frame file.
  std::map<std::string, std::vector<double>> origin_means;  // per quantity, one mean per origin (NaN: none)
  std::map<std::string, double> sem;                        // standard error over origin means (NaN: < 2 origins)
  std::vector<std::vector<double>> w6hat_origin_counts;     // per-origin w6hat histograms on the pooled grid
};

struct OrderFile {
  int schema_version = 1;
  long atoms = 0;
  bool skipped_first_half = false;  // source: only the stage's second half was sampled (equilibration left out)
  std::vector<OrderGroupRecord> groups;
  /// The group of `species` ("all" or an element) and `mobility` ("all", "fast", "slow"), or nullptr.
  const OrderGroupRecord* group(const std::string& species, const std::string& mobility) const;
};

MsdFile msd_file_from_json(const nlohmann::json& j, const std::string& path);
StringsFile strings_file_from_json(const nlohmann::json& j, const std::string& path);
OrderFile order_file_from_json(const nlohmann::json& j, const std::string& path);

/// Read and parse; nullopt if the file does not exist.
std::optional<MsdFile> read_msd_file(const std::string& path);
std::optional<StringsFile> read_strings_file(const std::string& path);
std::optional<OrderFile> read_order_file(const std::string& path);

}  // namespace gb::rundir
