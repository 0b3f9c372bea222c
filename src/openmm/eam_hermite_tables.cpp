#include "openmm/eam_hermite_tables.hpp"

#include <stdexcept>

#include "core/units.hpp"
#include "potential/eam_spline.hpp"

namespace gb {
namespace {

// Append the interval cubics of LAMMPS's interpolant of `y` (in grid-step
// units u), scaled by `scale`.  EamSpline gives value and slope at each
// knot; the Hermite cubic through two knots' values and slopes is exactly
// LAMMPS's interval polynomial.
void append_block(CoefficientTable& t, const std::vector<double>& y, double scale) {
  const int n = static_cast<int>(y.size());
  const EamSpline s(y, 1.0);  // x in grid steps: slope per step
  std::vector<double> v(n), d(n);
  for (int k = 0; k < n; ++k) {
    const auto vs = s.eval(static_cast<double>(k));
    v[k] = vs.value;
    d[k] = vs.slope;
  }
  for (int k = 0; k < n - 1; ++k) {
    const double dy = v[k + 1] - v[k];
    t.c[0].push_back(scale * v[k]);
    t.c[1].push_back(scale * d[k]);
    t.c[2].push_back(scale * (3.0 * dy - 2.0 * d[k] - d[k + 1]));
    t.c[3].push_back(scale * (d[k] + d[k + 1] - 2.0 * dy));
  }
}

}  // namespace

EamHermiteTables::EamHermiteTables(const EamPotential& pot) {
  ne_ = pot.nelements();
  if (ne_ <= 0 || pot.nr < 5 || pot.nrho < 5 || !(pot.dr > 0) || !(pot.drho > 0))
    throw std::invalid_argument("EamHermiteTables: potential '" + pot.source + "' has empty or degenerate tables");
  cutoff_nm_ = pot.cutoff * units::kNmPerAngstrom;
  rho_max_ = pot.rho_max();
  rho_extrap_ = pot.rho_extrapolation_start > 0 ? pot.rho_extrapolation_start : pot.rho_max();
  density_.segments = z2r_.segments = pot.nr - 1;
  density_.inv_h = z2r_.inv_h = 1.0 / (pot.dr * units::kNmPerAngstrom);
  embed_.segments = pot.nrho - 1;
  embed_.inv_h = 1.0 / pot.drho;
  const double z2r_scale = units::kKJPerMolPerEV * units::kNmPerAngstrom;  // eV*A -> kJ/mol*nm
  for (int a = 0; a < ne_; ++a)
    for (int b = 0; b < ne_; ++b) {
      append_block(density_, pot.density(a, b), 1.0);
      append_block(z2r_, pot.z2r(a, b), z2r_scale);
    }
  for (int e = 0; e < ne_; ++e) append_block(embed_, pot.embedding_of(e), units::kKJPerMolPerEV);
}

}  // namespace gb
