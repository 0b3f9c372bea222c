#pragma once
// `glassbench report`: one self-contained HTML file (inline CSS, inline SVG
// figures from gnuplot, no external fetches) plus a Markdown summary beside
// it: verdict table, claims at a glance, provenance of every run, figures.
#include <string>
#include <vector>

#include "reports/figure.hpp"
#include "validation/check_result.hpp"

namespace gb::reports {

struct ReportOptions {
  std::vector<std::string> runs;   // run directories
  std::string references_dir;      // references/*.yaml
  std::string title = "glassbench validation report";
  std::string compare_with;        // run or replica set compared with runs[0] (cross-engine section); "" = none
};

struct Report {
  std::vector<validation::CheckResult> results;
  std::vector<Figure> figures;
  std::string html, markdown;
};

/// Shows the verdicts `glassbench validate` recorded in each run's validation.json
/// (validating in-process, and saying so, where a run has none) and draws the figures.  Throws
/// gb::InputError for a directory that is not a run or bad references.
Report build_report(const ReportOptions& opt);

/// Writes `html_path` and the Markdown summary next to it (same name, .md),
/// both atomically.  Returns the Markdown path.
std::string write_report(const Report& r, const std::string& html_path);

}  // namespace gb::reports
