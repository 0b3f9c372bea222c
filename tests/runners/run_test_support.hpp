#pragma once
// Helpers shared by the runner tests: source paths, small case texts, reading
// thermo.csv rows and OpenMM XML states.
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace gbtest {

inline std::string source(const std::string& rel) {
  const char* d = std::getenv("GLASSBENCH_SOURCE_DIR");
  return std::string(d && *d ? d : GB_SOURCE_DIR) + "/" + rel;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Data rows of thermo.csv as column-name -> text maps (comment and header skipped).
inline std::vector<std::map<std::string, std::string>> thermo_rows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> cols;
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, ',')) f.push_back(x);
    if (cols.empty()) {
      cols = f;
      continue;
    }
    std::map<std::string, std::string> r;
    for (size_t i = 0; i < f.size() && i < cols.size(); ++i) r[cols[i]] = f[i];
    rows.push_back(r);
  }
  return rows;
}

}  // namespace gbtest
