#pragma once
// Run `glassbench eval ...` (path baked in by CMake as GB_GLASSBENCH_EXE)
// and parse its `key value` output and forces file.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/vec3.hpp"

namespace gb::testing {

struct CliRun {
  int exit_code = -1;
  std::string out, err;
  std::map<std::string, std::string> values;  // parsed `key value` lines
  double num(const std::string& k) const { return std::stod(values.at(k)); }
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// args: everything after `glassbench`; `scratch`: a directory for stdout/stderr files.
inline CliRun run_glassbench(const std::string& args, const std::string& scratch) {
  const std::string o = scratch + "/cli.out", e = scratch + "/cli.err";
  const std::string cmd = std::string("'") + GB_GLASSBENCH_EXE + "' " + args + " > '" + o + "' 2> '" + e + "'";
  const int rc = std::system(cmd.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = slurp(o);
  r.err = slurp(e);
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    const auto sp = line.find(' ');
    if (sp != std::string::npos) r.values[line.substr(0, sp)] = line.substr(sp + 1);
  }
  return r;
}

/// Forces file rows (id type fx fy fz) in file order, plus the header lines.
struct ForcesFile {
  std::vector<std::string> header;
  std::vector<long> ids;
  std::vector<int> types;
  std::vector<Vec3> forces;
};

inline ForcesFile read_forces_file(const std::string& path) {
  ForcesFile f;
  std::ifstream in(path);
  std::string line;
  bool atoms = false;
  while (std::getline(in, line)) {
    if (!atoms) {
      f.header.push_back(line);
      if (line.rfind("ITEM: ATOMS", 0) == 0) atoms = true;
      continue;
    }
    std::istringstream ls(line);
    long id;
    int t;
    double x, y, z;
    if (ls >> id >> t >> x >> y >> z) {
      f.ids.push_back(id);
      f.types.push_back(t);
      f.forces.emplace_back(x, y, z);
    }
  }
  return f;
}

}  // namespace gb::testing
