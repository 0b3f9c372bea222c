#include "lammps/internal/lammps_log.hpp"

#include <cstdlib>
#include <sstream>

#include "core/error.hpp"

namespace gb::lammps {

namespace {

std::vector<std::string> words(const std::string& line) {
  std::istringstream ss(line);
  std::vector<std::string> w;
  std::string x;
  while (ss >> x) w.push_back(x);
  return w;
}

bool parse_numbers(const std::vector<std::string>& w, std::vector<double>& out) {
  out.clear();
  for (const auto& s : w) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0') return false;
    out.push_back(v);
  }
  return true;
}

}  // namespace

int ThermoBlock::column(const std::string& name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

std::vector<ThermoBlock> parse_thermo_blocks(const std::string& text, const std::string& source) {
  std::vector<ThermoBlock> blocks;
  std::istringstream in(text);
  std::string line;
  int lineno = 0;
  bool inside = false;
  std::vector<double> nums;
  while (std::getline(in, line)) {
    ++lineno;
    const auto w = words(line);
    if (w.empty()) continue;
    if (!inside) {
      if (w[0] == "Step" && w.size() >= 2) {
        ThermoBlock b;
        b.columns = w;
        b.header_line = lineno;
        blocks.push_back(std::move(b));
        inside = true;
      }
      continue;
    }
    ThermoBlock& b = blocks.back();
    if (w[0] == "Loop" && w.size() > 1 && w[1] == "time") {
      b.complete = true;
      inside = false;
      continue;
    }
    if (w.size() != b.columns.size() || !parse_numbers(w, nums)) continue;  // WARNING lines and the like
    b.rows.push_back(nums);
  }
  (void)source;
  return blocks;
}

std::string lammps_version_from_text(const std::string& text) {
  const auto p = text.find("LAMMPS (");
  if (p == std::string::npos) return "";
  const auto q = text.find(')', p);
  if (q == std::string::npos) return "";
  return text.substr(p + 8, q - p - 8);
}

std::string lammps_error_from_text(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (!out.empty()) {
      if (line.rfind("Last command:", 0) == 0) out += " (" + line + ")";
      return out;
    }
    if (line.rfind("ERROR", 0) == 0) out = line;
  }
  return out;
}

}  // namespace gb::lammps
