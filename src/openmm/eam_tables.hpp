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
#include <string>
#include <vector>

#include "potential/eam_potential.hpp"

namespace gb {

/// How OpenMM interpolates the tables.
///  LammpsHermite (default): LAMMPS's own interval cubics as coefficient
///    tables (eam_hermite_tables.hpp) -- reproduces LAMMPS to rounding and
///    extrapolates F(rho) above the table exactly as LAMMPS does.
///  NaturalSpline: Continuous1DFunction (natural cubic spline) through
///    samples of LAMMPS's interpolant (the knobs below); kept for comparison
///    and benchmarks.  F is zero past its padded table: guard densities.
enum class EamInterpolation { LammpsHermite, NaturalSpline };

struct EamTableOptions {
  EamInterpolation interpolation = EamInterpolation::LammpsHermite;
  /// Knots per table handed to OpenMM.  The tables OpenMM splines are
  /// samples of the interpolant LAMMPS uses (gb::EamSpline: C1 Hermite
  /// cubics with 5-point slopes through the file's knots), so that the
  /// natural cubic spline OpenMM fits converges to what LAMMPS evaluates.
  ///   table_points > 0: exactly this many knots per table, over the file's
  ///                     range (fewer or more than the file has);
  ///   else:             (n-1)*upsample + 1 knots, the file's knots plus
  ///                     upsample-1 samples between each pair (1 = file grid).
  /// See default_table_options() for the per-platform choice.
  int table_points = 0;
  int upsample = 8;
  /// Older name of table_points (used when table_points is 0).
  int max_table_points = 0;
};

/// Table options that suit a platform: LammpsHermite everywhere (measured
/// most accurate on every platform, see eam_force.hpp).  The knob values
/// below only matter for NaturalSpline.  Reference/CPU: upsample 8 -- a
/// natural spline through the file's knots alone differs from LAMMPS's
/// Hermite cubics by up to ~1e-3 eV/A on coarse (Cu_u3.eam, dr = 0.01 A) or
/// noisy (10-digit CuZr_mm.eam.fs) tables; through 8x denser samples of
/// LAMMPS's interpolant the difference shrinks ~64x.  OpenCL/CUDA:
/// table_points 1500 -- their spline coefficients are float, so a spline's
/// derivative over a fine grid loses digits to cancellation and *fewer*
/// knots give better forces.  Measured numbers: tests/openmm and the README
/// of src/openmm (docs in eam_force.hpp).
EamTableOptions default_table_options(const std::string& platform_name);
/// default_table_options(platform_name).table_points (0 on Reference/CPU).
int default_table_points(const std::string& platform_name);

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
/// over the same range [0, (n-1)*h] by evaluating LAMMPS's interpolant
/// (gb::EamSpline) there.  m == n returns the table unchanged.
std::vector<double> resample_uniform_table(const std::vector<double>& y, int m);

/// Knots per table for a file table of n knots under `opt`.
int table_knots(int n, const EamTableOptions& opt);

}  // namespace gb
