#include "common/eam_agreement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>

#include "core/structure_builder.hpp"
#include "potential/eam_reader.hpp"

namespace gb::testing {
namespace {

const char* kPotentialDir = "/usr/share/lammps/potentials";

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string line_of(const std::string& path, int number) {
  std::ifstream in(path);
  std::string line;
  for (int k = 0; k < number && std::getline(in, line); ++k) {
  }
  return line;
}

// Volume per atom of the lattice named in a file header ("Z mass a lattice").
double atomic_volume_from_header(const std::string& header_line) {
  std::istringstream in(header_line);
  double z = 0, mass = 0, a = 0;
  std::string lattice;
  in >> z >> mass >> a >> lattice;
  std::transform(lattice.begin(), lattice.end(), lattice.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!(a > 1.0)) return 12.0;  // no usable lattice constant: a typical metal
  if (lattice == "bcc") return a * a * a / 2.0;
  if (lattice == "hcp") return std::sqrt(2.0) * a * a * a / 2.0;  // ideal c/a: same volume as fcc of equal nn
  return a * a * a / 4.0;                                         // fcc (and anything else)
}

}  // namespace

std::vector<std::string> shipped_eam_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(kPotentialDir, ec)) {
    const std::string name = e.path().filename().string();
    if (ends_with(name, ".eam") || ends_with(name, ".eam.alloy") || ends_with(name, ".eam.fs")) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string test_name_of(const std::string& file_name) {
  std::string s = file_name;
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

AgreementCase shipped_file_case(const std::string& file_name, uint64_t seed) {
  AgreementCase c;
  const std::string path = std::string(kPotentialDir) + "/" + file_name;
  c.label = file_name;
  c.pot = read_eam(path);
  const bool funcfl = ends_with(file_name, ".eam");
  // Header line of the first element: funcfl line 2, setfl/fs line 6.
  const double volume = atomic_volume_from_header(line_of(path, funcfl ? 2 : 6));
  const double a = std::cbrt(4.0 * volume);
  const int cells = std::max(6, static_cast<int>(std::ceil(2.05 * c.pot.cutoff / a)));
  std::vector<std::pair<std::string, double>> composition;
  for (const auto& e : c.pot.elements) composition.push_back({e, 1.0 / c.pot.nelements()});
  c.cfg = fcc_structure(composition, c.pot.masses, a, cells, cells, cells, seed);
  c.elements = c.pot.elements;
  std::mt19937_64 rng(seed);
  for (auto& x : c.cfg.positions) {
    x.x += 0.3 * (uniform01(rng()) - 0.5);
    x.y += 0.3 * (uniform01(rng()) - 0.5);
    x.z += 0.3 * (uniform01(rng()) - 0.5);
  }
  if (funcfl) {
    c.pair = {"eam", {"1 1 " + path}};
  } else {
    std::string coeff = "* * " + path;
    for (const auto& e : c.elements) coeff += " " + e;
    c.pair = {ends_with(file_name, ".fs") ? "eam/fs" : "eam/alloy", {coeff}};
  }
  return c;
}

void expect_lammps_agreement(const AgreementCase& c, const Engine& engine, const AgreementTolerance& tol) {
  if (!lammps_available()) GTEST_SKIP() << lammps_skip_message();
  EngineResult r;
  try {
    r = engine(c.cfg, c.pot, map_elements(c.pot, c.elements));
  } catch (const EngineUnavailable& u) {
    GTEST_SKIP() << u.why;
  }
  static std::map<std::string, LammpsResult> cache;  // one LAMMPS run per case and process
  const std::string key = c.label + "#" + std::to_string(c.cfg.size()) + "#" + std::to_string(c.cfg.positions[0].x);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, run_lammps_static(c.cfg, c.pair)).first;
  const LammpsResult& l = it->second;

  ASSERT_EQ(r.forces_eV_per_A.size(), l.forces_eV_per_A.size()) << c.label;
  const double energy_per_atom = std::fabs(r.energy_eV - l.energy_eV) / c.cfg.size();
  double max_force = 0, max_atom_energy = 0;
  for (size_t i = 0; i < c.cfg.size(); ++i) {
    const double d = (r.forces_eV_per_A[i] - l.forces_eV_per_A[i]).norm();
    max_force = std::isnan(d) ? INFINITY : std::max(max_force, d);
  }
  if (!r.per_atom_energy_eV.empty()) {
    ASSERT_EQ(r.per_atom_energy_eV.size(), l.per_atom_energy_eV.size());
    for (size_t i = 0; i < c.cfg.size(); ++i)
      max_atom_energy = std::max(max_atom_energy, std::fabs(r.per_atom_energy_eV[i] - l.per_atom_energy_eV[i]));
  }
  double stress_rel = 0;
  if (r.pressure_virial_bar) {
    double pmax = 0;
    for (double p : l.pressure_virial_bar) pmax = std::max(pmax, std::fabs(p));
    for (int k = 0; k < 6; ++k)
      stress_rel = std::max(stress_rel, std::fabs((*r.pressure_virial_bar)[k] - l.pressure_virial_bar[k]) / pmax);
  }
  std::cout << "[agreement] " << c.label << " N=" << c.cfg.size() << " " << r.description
            << ": |dE|/N = " << energy_per_atom << " eV, max|dF| = " << max_force << " eV/A";
  if (!r.per_atom_energy_eV.empty()) std::cout << ", max|dE_i| = " << max_atom_energy << " eV";
  if (r.pressure_virial_bar) std::cout << ", stress rel = " << stress_rel;
  std::cout << "\n";
  if (tol.energy_per_atom_eV >= 0) EXPECT_LE(energy_per_atom, tol.energy_per_atom_eV) << c.label;
  if (tol.max_force_eV_per_A >= 0) EXPECT_LE(max_force, tol.max_force_eV_per_A) << c.label;
  if (tol.max_per_atom_energy_eV >= 0 && !r.per_atom_energy_eV.empty())
    EXPECT_LE(max_atom_energy, tol.max_per_atom_energy_eV) << c.label;
  if (tol.max_stress_rel >= 0 && r.pressure_virial_bar) EXPECT_LE(stress_rel, tol.max_stress_rel) << c.label;
}

}  // namespace gb::testing
