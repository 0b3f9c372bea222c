#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "reports/internal/figures.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::reports {

std::string gp_quote(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '_') o += "\\\\";  // enhanced text: literal underscore
    o += c;
  }
  return o + "\"";
}

std::string csv_as_table(const std::string& path, std::vector<std::string>& columns) {
  columns.clear();
  if (!std::filesystem::exists(path)) return "";
  const auto cols = validation::read_numeric_csv(path);
  std::string t;
  if (cols.empty()) return t;
  for (auto& c : cols) columns.push_back(c.first);
  for (size_t i = 0; i < cols[0].second.size(); ++i) {
    for (size_t k = 0; k < cols.size(); ++k) {
      const double v = cols[k].second[i];
      t += (k ? " " : "") + (std::isfinite(v) ? fmt::format("{:.10g}", v) : std::string("NaN"));
    }
    t += "\n";
  }
  return t;
}

Figure render(Figure f, GnuplotRunner& gp, const std::string& script, int w, int h) {
  try {
    f.svg = gp.render_svg(script, w, h);
  } catch (const std::exception& e) {
    f.svg.clear();
    f.note = std::string("figure not drawn: ") + e.what();
  }
  return f;
}

}  // namespace gb::reports
