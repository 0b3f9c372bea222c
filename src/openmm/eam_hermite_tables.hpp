#pragma once
// LAMMPS's own piecewise-cubic interpolation of the EAM tables, laid out for
// OpenMM as coefficient tables.  Every interval k of a table is the cubic
//   f(u) = c0 + c1 u + c2 u^2 + c3 u^3,   u = x/h - k in [0, 1]
// that pair_style eam* evaluates (gb::EamSpline: Hermite cubics with 5-point
// slopes).  OpenMM gets each coefficient as one long Discrete1DFunction
// (all blocks of a kind back to back, block b at index b*(n-1)), and the
// force expression computes k = floor(x/h) + block offset and the cubic
// itself.  floor() and Discrete1DFunction have zero derivative, so OpenMM's
// analytic derivative of the expression is exactly LAMMPS's
// (c1 + 2 c2 u + 3 c3 u^2)/h: energies AND forces follow LAMMPS's
// interpolant to rounding, which a natural cubic spline through the same
// knots (Continuous1DFunction) cannot (0.17 eV/A off for AlCu.eam.alloy's
// coarse F table).  Storing c1 directly also avoids the cancellation that
// float spline coefficients suffer on OpenCL/CUDA with fine tables.
//
// Units: r in nm (h in nm), r*phi in kJ/mol*nm, F in kJ/mol.
#include <array>
#include <vector>

#include "potential/eam_potential.hpp"

namespace gb {

struct CoefficientTable {
  std::array<std::vector<double>, 4> c;  // c0..c3, all blocks back to back
  int segments = 0;                      // intervals per block (n - 1)
  double inv_h = 0;                      // 1 / grid step (1/nm or 1/density unit)
};

class EamHermiteTables {
 public:
  explicit EamHermiteTables(const EamPotential& pot);

  int nelements() const { return ne_; }
  /// density(src -> dst): block src*ne + dst.  z2r(a, b): block a*ne + b.
  const CoefficientTable& density() const { return density_; }
  const CoefficientTable& z2r() const { return z2r_; }  // kJ/mol*nm
  const CoefficientTable& embedding() const { return embed_; }  // kJ/mol, block = element
  double cutoff_nm() const { return cutoff_nm_; }
  double rho_max() const { return rho_max_; }
  /// Where LAMMPS starts extrapolating F linearly (EamPotential::rho_extrapolation_start).
  double rho_extrapolation_start() const { return rho_extrap_; }

 private:
  int ne_ = 0;
  CoefficientTable density_, z2r_, embed_;
  double cutoff_nm_ = 0, rho_max_ = 0, rho_extrap_ = 0;
};

}  // namespace gb
