#pragma once
// Per-stage dynamical results read from analysis/<stage>/ for the probes:
// self-diffusion coefficients (msd.json) and the string-ratio peaks the
// analysis picked (strings.json), read through the typed readers of
// rundir/analysis_files.hpp.  Absent or unusable stages are listed in
// `notes` so a skip verdict can say why.
#include <string>
#include <vector>

#include "validation/run_directory.hpp"

namespace gb::validation {

struct DiffusionPoint {
  std::string stage;
  double T_K = 0;
  double D_A2_per_ps = 0;
  double sigma = 0;  // NaN if not given
};

struct StringPeak {
  std::string stage;
  double T_K = 0;
  double t_ps = 0;
  double sigma_ln_t = 0;  // from the lag grid spacing around the peak
  double height = 0;
  double sigma_height = 0;
};

/// D of `label` ("all" or an element) in every non-quench stage with msd.json,
/// skipping fits flagged non-diffusive or D <= 0; one point per distinct
/// temperature (an isotherm wins over an equilibrate/relax stage at its T).
std::vector<DiffusionPoint> diffusion_points(const RunDirectory& run, const std::string& label,
                                             std::vector<std::string>& notes);

/// The string-ratio peak of every isothermal stage with strings data.  A
/// maximum that does not stand out of the curve's noise (prominence below 2
/// binomial SE, from strings.csv) is no peak either and is left out with a note.
/// A maximum at the first or last lag is not a peak (rising/falling edge) and is
/// left out with a note, and so is a ratio that is zero at every lag (no
/// peak); one peak per distinct temperature.
std::vector<StringPeak> string_peaks(const RunDirectory& run, std::vector<std::string>& notes);

/// A numeric CSV read with the one CSV reader (core/csv_reader.hpp; "nan" =
/// undefined), as column name -> values.  Throws gb::InputError
/// (file:line:column) for a non-numeric cell or a short row.
std::vector<std::pair<std::string, std::vector<double>>> read_numeric_csv(const std::string& path);

}  // namespace gb::validation
