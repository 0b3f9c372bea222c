#include "common/lammps_oracle.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "core/text_parse.hpp"

namespace gb::testing {

namespace {

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string tail(const std::string& s, size_t n) { return s.size() <= n ? s : s.substr(s.size() - n); }

}  // namespace

std::string lammps_executable() {
  const char* e = std::getenv("GLASSBENCH_LMP");
  return (e && *e) ? e : "lmp";
}

bool lammps_available() {
  static const bool ok = [] {
    const std::string cmd = shell_quote(lammps_executable()) + " -h > /dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
  }();
  return ok;
}

std::string lammps_skip_message() {
  return "LAMMPS executable '" + lammps_executable() +
         "' not runnable (install Debian package lammps or set GLASSBENCH_LMP); oracle comparison skipped";
}

LammpsResult run_lammps_static(const AtomConfig& cfg, const LammpsPair& pair) {
  TempDir dir("glassbench-lmp");
  write_lammps_data(dir.file("config.data"), cfg, "glassbench test configuration");
  std::ostringstream in;
  in << "units metal\natom_style atomic\nboundary p p p\natom_modify map yes\n"
     << "read_data config.data\n"
     << "pair_style " << pair.style << "\n";
  for (const auto& c : pair.coeffs) in << "pair_coeff " << c << "\n";
  in << "compute peatom all pe/atom\n"
     << "compute pv all pressure NULL virial\n"
     << "thermo_style custom step pe press c_pv[1] c_pv[2] c_pv[3] c_pv[4] c_pv[5] c_pv[6]\n"
     << "thermo_modify format float %.17g\n"
     << "dump d all custom 1 forces.dump id fx fy fz c_peatom\n"
     << "dump_modify d format float %.17g sort id\n"
     << "run 0\n"
     << "print \"energy $(pe:%.17g)\" file result.txt\n";
  for (int k = 1; k <= 6; ++k) in << "print \"p" << k << " $(c_pv[" << k << "]:%.17g)\" append result.txt\n";
  in << "print \"press $(press:%.17g)\" append result.txt\n";
  dir.write("in.lmp", in.str());

  const std::string cmd = "cd " + shell_quote(dir.path()) + " && " + shell_quote(lammps_executable()) +
                          " -in in.lmp -log log.lammps -echo none -screen none > stdout.txt 2>&1";
  const int rc = std::system(cmd.c_str());
  const std::string log = read_all(dir.file("log.lammps")) + read_all(dir.file("stdout.txt"));
  if (rc != 0) throw std::runtime_error("LAMMPS failed (rc " + std::to_string(rc) + "):\n" + tail(log, 3000));

  LammpsResult res;
  // Scalars.
  std::map<std::string, double> scalars;
  {
    std::istringstream r(read_all(dir.file("result.txt")));
    std::string key;
    double v;
    while (r >> key >> v) scalars[key] = v;
    if (scalars.size() != 8) throw std::runtime_error("LAMMPS result.txt incomplete:\n" + tail(log, 3000));
  }
  res.energy_eV = scalars["energy"];
  for (int k = 0; k < 6; ++k) res.pressure_virial_bar[k] = scalars["p" + std::to_string(k + 1)];
  res.pressure_bar = scalars["press"];

  // Per-atom: the dump is sorted by id; map back to the config's order.
  std::map<long, size_t> index_of_id;
  for (size_t i = 0; i < cfg.size(); ++i) index_of_id[cfg.ids.empty() ? static_cast<long>(i + 1) : cfg.ids[i]] = i;
  res.per_atom_energy_eV.assign(cfg.size(), NAN);
  res.forces_eV_per_A.assign(cfg.size(), Vec3{NAN, NAN, NAN});
  std::ifstream d(dir.file("forces.dump"));
  std::string line;
  size_t seen = 0;
  bool in_atoms = false;
  for (int ln = 1; std::getline(d, line); ++ln) {
    if (line.rfind("ITEM: ATOMS", 0) == 0) {
      in_atoms = true;
      continue;
    }
    if (!in_atoms) continue;
    LineTokens t(dir.file("forces.dump"), ln, line);
    if (t.size() == 0) continue;
    const long id = t.integer(0, "id");
    auto it = index_of_id.find(id);
    if (it == index_of_id.end()) throw std::runtime_error("LAMMPS dump has unknown atom id " + std::to_string(id));
    res.forces_eV_per_A[it->second] = {t.real(1, "fx"), t.real(2, "fy"), t.real(3, "fz")};
    res.per_atom_energy_eV[it->second] = t.real(4, "c_peatom");
    ++seen;
  }
  if (seen != cfg.size())
    throw std::runtime_error("LAMMPS dump has " + std::to_string(seen) + " atoms, expected " +
                             std::to_string(cfg.size()) + "\n" + tail(log, 2000));
  return res;
}

std::string Agreement::str() const {
  char buf[256];
  std::snprintf(buf, sizeof buf, "|dE|/N = %.3e eV/atom, max|dE_i| = %.3e eV, max|dF| = %.3e eV/A, stress rel = %.3e",
                energy_per_atom_eV, max_per_atom_energy_eV, max_force_eV_per_A, max_stress_rel);
  return buf;
}

Agreement compare_to_lammps(const LammpsResult& lmp, double energy_eV, const std::vector<double>& per_atom_energy_eV,
                            const std::vector<Vec3>& forces_eV_per_A, const std::array<double, 6>& pressure_bar) {
  Agreement a;
  const size_t n = lmp.forces_eV_per_A.size();
  if (forces_eV_per_A.size() != n || per_atom_energy_eV.size() != n)
    throw std::invalid_argument("compare_to_lammps: atom counts differ");
  a.energy_per_atom_eV = std::fabs(energy_eV - lmp.energy_eV) / static_cast<double>(std::max<size_t>(n, 1));
  // NaN anywhere (a missing value) must fail comparisons, not vanish in max().
  auto worst = [](double& acc, double d) { acc = std::isnan(d) ? INFINITY : std::max(acc, d); };
  for (size_t i = 0; i < n; ++i) {
    worst(a.max_per_atom_energy_eV, std::fabs(per_atom_energy_eV[i] - lmp.per_atom_energy_eV[i]));
    worst(a.max_force_eV_per_A, (forces_eV_per_A[i] - lmp.forces_eV_per_A[i]).norm());
  }
  // Relative to the largest LAMMPS component, so near-zero off-diagonal
  // components are not judged by their own tiny magnitude.
  double scale = 0;
  for (double p : lmp.pressure_virial_bar) scale = std::max(scale, std::fabs(p));
  for (int k = 0; k < 6; ++k) worst(a.max_stress_rel, std::fabs(pressure_bar[k] - lmp.pressure_virial_bar[k]) / scale);
  if (std::isnan(a.energy_per_atom_eV)) a.energy_per_atom_eV = INFINITY;
  return a;
}

}  // namespace gb::testing
