#pragma once
// Compare two run directories of the same case: every dump frame, every
// thermo row, and the final positions.  "Equal" means byte-equal text for
// dumps and thermo rows (%.17g / fixed formats: equal text = equal doubles)
// and bit-equal doubles in final_state.xml: the Reference platform is
// deterministic, so an honest resume or rerun leaves no difference at all.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_process.hpp"

namespace gb::testing {

/// thermo.csv without its first line (a provenance comment with a time stamp).
inline std::vector<std::string> thermo_rows(const std::string& run_dir) {
  std::ifstream in(run_dir + "/thermo.csv");
  std::vector<std::string> rows;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') rows.push_back(line);
  return rows;
}

/// Files under stages/ that must match: dumps and final_state.xml.
inline std::vector<std::string> compared_files(const std::string& run_dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(run_dir + "/stages")) {
    const std::string name = e.path().filename().string();
    if (name.find(".dump") != std::string::npos || name == "final_state.xml")
      out.push_back(std::filesystem::relative(e.path(), run_dir).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// final_state.xml minus lines that carry time stamps or provenance.
inline std::string state_body(const std::string& path) {
  std::ifstream in(path);
  std::string s, line;
  while (std::getline(in, line))
    if (line.find("<!--") == std::string::npos) s += line + "\n";
  return s;
}

inline void expect_same_run_outputs(const std::string& a, const std::string& b) {
  EXPECT_EQ(thermo_rows(a), thermo_rows(b)) << a << " vs " << b;
  const auto fa = compared_files(a), fb = compared_files(b);
  EXPECT_EQ(fa, fb);
  for (const auto& f : fa) {
    if (f.find("final_state.xml") != std::string::npos)
      EXPECT_EQ(state_body(a + "/" + f), state_body(b + "/" + f)) << f;
    else
      EXPECT_EQ(slurp_file(a + "/" + f), slurp_file(b + "/" + f)) << f;
  }
}

}  // namespace gb::testing
