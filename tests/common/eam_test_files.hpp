#pragma once
// EAM potential files written by tests from analytic functions (independent
// of the readers under test): setfl / eam/fs from a tabulated
// gb::EamPotential, funcfl from its own raw tables, plus the asymmetric
// two-element eam/fs potential used to catch a swapped density index.
#include <functional>
#include <string>
#include <vector>

#include "potential/eam_potential.hpp"

namespace gb::testing {

/// Write pot as eam/alloy (style Setfl; uses density(e, 0) as rho_e) or
/// eam/fs text, `per_line` values per line, %.17g.  Three comment lines.
void write_setfl_file(const std::string& path, const EamPotential& pot, int per_line = 5);

/// Raw funcfl file contents.
struct FuncflTables {
  int atomic_number = 29;
  double mass = 63.55;
  int nrho = 0, nr = 0;
  double drho = 0, dr = 0, cutoff = 0;
  std::vector<double> frho, zr, rhor;
};
void write_funcfl_file(const std::string& path, const FuncflTables& t, int per_line = 5);

/// Tabulate analytic functions on uniform grids: F(e, rho), density(src,
/// dst, r) (what dst receives from src), phi(a, b, r) (symmetric).
EamPotential tabulate_eam(EamStyle style, const std::vector<std::string>& elements,
                          const std::vector<double>& masses, const std::vector<int>& atomic_numbers, int nrho,
                          double drho, int nr, double dr, double cutoff,
                          const std::function<double(int, double)>& F,
                          const std::function<double(int, int, double)>& density,
                          const std::function<double(int, int, double)>& phi);

/// Two-element (Cu, Zr) eam/fs potential with strongly asymmetric cross
/// densities: rho_{Cu->Zr}(r) and rho_{Zr->Cu}(r) differ in amplitude and
/// range, so a transposed density index changes energies by percent.
/// Cutoff 6.0 A; smooth (value and slope vanish at the cutoff).
EamPotential asymmetric_fs_potential();

}  // namespace gb::testing
