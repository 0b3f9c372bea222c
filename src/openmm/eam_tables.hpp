#pragma once
// The EAM tables of a potential laid out for OpenMM: every table of a kind
// (density, r*phi, embedding) concatenated into ONE long uniform grid, each
// block reached through a per-particle offset added to the argument.  One
// long Continuous1DFunction with offsets was measured 2.4x faster on the CPU
// platform (1.3x on OpenCL) than one function per element pair chosen with
// nested select(), at the same accuracy.
//
// Layout of one kind: block k starts at x = k*span and holds kPadKnots
// leading pad knots, the n table knots (table knot j at x = k*span + start +
// j*h) and kPadKnots trailing pad knots.  The pads continue the table (see
// append_block in the .cpp).  Why pads: the natural cubic spline through the
// whole concatenation is global, and the jump from one block's end to the
// next block's start (e.g. from ~0 to r*phi(0) = 1e12 in CuZr_mm.eam.fs)
// rings into both neighbours, decaying only by ~0.27 per knot.  With 64 pad
// knots on each side the ringing reaching a table is < 0.27^64 ~ 1e-36 of
// the jump.  (With 24 trailing knots only, a pair at r = 7.59998 A, inside
// the cutoff but past the last knot, felt a 6.8 eV/A spurious force.)
//
// Units are OpenMM's: r in nm, energies kJ/mol; density is dimensionless.
#include <vector>

#include "potential/eam_potential.hpp"

namespace gb {

struct EamTableOptions {
  /// Knots per table.  0 keeps the file's own grid (its knots used exactly).
  /// A positive value smaller than the file's count resamples every table on
  /// a coarser uniform grid over the same range (cubic Hermite interpolation
  /// of the file's table with 4th-order finite-difference slopes).  OpenCL and
  /// CUDA store spline coefficients in float even in double precision, and
  /// a spline's derivative over a fine grid then loses digits to cancellation:
  /// coarser tables give better forces there (see default_table_points()).
  int max_table_points = 0;
};

/// One concatenated kind of table.
struct ConcatenatedTable {
  std::vector<double> values;  // all knots, blocks back to back
  double h = 0;                // knot spacing (nm for r tables, 1 for density units)
  double span = 0;             // distance between block starts
  double start = 0;            // offset of a block's first table knot from the block start
  double x_max() const { return (values.size() - 1) * h; }
};

class EamTables {
 public:
  static constexpr int kPadKnots = 64;

  EamTables(const EamPotential& pot, const EamTableOptions& opt);

  int nelements() const { return ne_; }
  /// density(src -> dst) block index src*ne + dst; r*phi(a, b) block a*ne + b.
  const ConcatenatedTable& density() const { return density_; }
  const ConcatenatedTable& z2r() const { return z2r_; }      // r*phi in kJ/mol*nm
  const ConcatenatedTable& embedding() const { return embed_; }  // F in kJ/mol, block = element
  double cutoff_nm() const { return cutoff_nm_; }
  /// Largest density the embedding tables cover (file's (nrho-1)*drho).
  double rho_max() const { return rho_max_; }
  int r_knots() const { return r_knots_; }
  int rho_knots() const { return rho_knots_; }

 private:
  int ne_ = 0;
  ConcatenatedTable density_, z2r_, embed_;
  double cutoff_nm_ = 0, rho_max_ = 0;
  int r_knots_ = 0, rho_knots_ = 0;
};

/// Resample a uniform table (knots at k*h, k = 0..n-1) onto m uniform knots
/// over the same range [0, (n-1)*h].  Cubic Hermite interpolation with
/// 4th-order central-difference slopes (lower order near the ends).
/// m >= n returns the table unchanged.
std::vector<double> resample_uniform_table(const std::vector<double>& y, int m);

}  // namespace gb
