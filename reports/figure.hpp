#pragma once
// One figure of a report: an inline SVG made by gnuplot, or a note saying
// why it was left out (data absent, gnuplot missing).
#include <string>

namespace gb::reports {

struct Figure {
  std::string id;       // html id, e.g. "fig-relaxation-map"
  std::string title;
  std::string caption;  // what is plotted, units, fits
  std::string svg;      // inline <svg>...</svg>; empty when skipped
  std::string note;     // why skipped (or remarks)
  bool rendered() const { return !svg.empty(); }
};

}  // namespace gb::reports
