#pragma once
// Validation reads runs through the run-directory model (src/rundir); this
// header keeps validation's names for it and the formula helpers.
#include <map>
#include <string>

#include "rundir/run_directory.hpp"

namespace gb::validation {

using rundir::AnalysisFile;
using rundir::RunDirectory;
using StageRecord = rundir::Stage;

/// Parse "Al90La10", "Y68.9Co31.1", "La10Al90" -> element -> fraction (sums to 1).
/// Throws gb::InputError on text that is not a formula.
std::map<std::string, double> parse_formula(const std::string& formula);
/// Same elements and every fraction within `tol` (default 0.02 = 2 at.%).
bool same_system(const std::map<std::string, double>& a, const std::map<std::string, double>& b, double tol = 0.02);

}  // namespace gb::validation
