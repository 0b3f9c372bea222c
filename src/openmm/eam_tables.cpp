#include "openmm/eam_tables.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/units.hpp"

namespace gb {
namespace {

// Slope (per knot) of a uniform table at knot k by finite differences:
// 4th-order central where 2 neighbours exist on each side, else lower order.
double knot_slope(const std::vector<double>& y, int k) {
  const int n = static_cast<int>(y.size());
  if (k >= 2 && k + 2 < n) return (8.0 * (y[k + 1] - y[k - 1]) - (y[k + 2] - y[k - 2])) / 12.0;
  if (k >= 1 && k + 1 < n) return 0.5 * (y[k + 1] - y[k - 1]);
  if (k == 0) return y[1] - y[0];
  return y[n - 1] - y[n - 2];
}

// Append one block: kPadKnots leading knots continuing the table linearly
// to the left, the table, then kPadKnots trailing knots continuing it with
// its last value (r tables: as LAMMPS, which clamps r past the last knot) or
// linearly (embedding: LAMMPS extrapolates F linearly above rho_max).
void append_block(std::vector<double>& out, const std::vector<double>& block, bool linear_end) {
  const size_t n = block.size();
  const double lead_slope = block[1] - block[0];
  for (int p = EamTables::kPadKnots; p >= 1; --p) out.push_back(block[0] - lead_slope * p);
  out.insert(out.end(), block.begin(), block.end());
  const double slope = linear_end ? block[n - 1] - block[n - 2] : 0.0;
  for (int p = 1; p <= EamTables::kPadKnots; ++p) out.push_back(block[n - 1] + slope * p);
}

}  // namespace

std::vector<double> resample_uniform_table(const std::vector<double>& y, int m) {
  const int n = static_cast<int>(y.size());
  if (n < 2) throw std::invalid_argument("resample_uniform_table: table needs at least 2 knots");
  if (m >= n || m <= 0) return y;
  if (m < 2) throw std::invalid_argument("resample_uniform_table: need at least 2 knots");
  std::vector<double> out(m);
  const double step = static_cast<double>(n - 1) / (m - 1);  // old knots per new knot
  for (int j = 0; j < m; ++j) {
    const double x = j * step;
    int k = std::min(static_cast<int>(std::floor(x)), n - 2);
    const double t = x - k;
    const double y0 = y[k], y1 = y[k + 1], m0 = knot_slope(y, k), m1 = knot_slope(y, k + 1);
    const double t2 = t * t, t3 = t2 * t;
    out[j] = (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * m1;
  }
  out.back() = y.back();
  return out;
}

EamTables::EamTables(const EamPotential& pot, const EamTableOptions& opt) {
  ne_ = pot.nelements();
  if (ne_ <= 0 || pot.nr < 4 || pot.nrho < 4 || !(pot.dr > 0) || !(pot.drho > 0))
    throw std::invalid_argument("EamTables: potential '" + pot.source + "' has empty or degenerate tables");
  const int mr = (opt.max_table_points > 0 && opt.max_table_points < pot.nr) ? opt.max_table_points : pot.nr;
  const int mrho = (opt.max_table_points > 0 && opt.max_table_points < pot.nrho) ? opt.max_table_points : pot.nrho;
  r_knots_ = mr;
  rho_knots_ = mrho;
  const double r_range_nm = (pot.nr - 1) * pot.dr * units::kNmPerAngstrom;
  const double rho_range = (pot.nrho - 1) * pot.drho;
  const double hr = r_range_nm / (mr - 1), hrho = rho_range / (mrho - 1);
  cutoff_nm_ = pot.cutoff * units::kNmPerAngstrom;
  // Pairs up to the cutoff must stay inside their own block (table + pad).
  if (!(cutoff_nm_ > 0) || cutoff_nm_ > r_range_nm + (kPadKnots - 2) * hr)
    throw std::invalid_argument("EamTables: cutoff of '" + pot.source + "' lies beyond its r tables");
  rho_max_ = rho_range;

  density_.h = z2r_.h = hr;
  density_.span = z2r_.span = (mr + 2 * kPadKnots) * hr;
  density_.start = z2r_.start = kPadKnots * hr;
  embed_.h = hrho;
  embed_.span = (mrho + 2 * kPadKnots) * hrho;
  embed_.start = kPadKnots * hrho;

  // r*phi: eV*Angstrom -> kJ/mol*nm.
  const double z2r_scale = units::kKJPerMolPerEV * units::kNmPerAngstrom;
  for (int a = 0; a < ne_; ++a)
    for (int b = 0; b < ne_; ++b) {
      append_block(density_.values, resample_uniform_table(pot.density(a, b), mr), false);
      std::vector<double> z = resample_uniform_table(pot.z2r(a, b), mr);
      for (double& v : z) v *= z2r_scale;
      append_block(z2r_.values, z, false);
    }
  for (int e = 0; e < ne_; ++e) {
    std::vector<double> f = resample_uniform_table(pot.embedding_of(e), mrho);
    for (double& v : f) v *= units::kKJPerMolPerEV;
    append_block(embed_.values, f, true);
  }
}

}  // namespace gb
