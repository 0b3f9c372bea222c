#include "openmm/eam_tables.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "core/units.hpp"
#include "potential/eam_spline.hpp"

namespace gb {
namespace {

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
  if (m == n) return y;
  if (m < 2) throw std::invalid_argument("resample_uniform_table: need at least 2 knots");
  const EamSpline spline(y, 1.0);  // x in units of the file's grid step
  std::vector<double> out(m);
  const double step = static_cast<double>(n - 1) / (m - 1);
  for (int j = 0; j < m; ++j) out[j] = spline.value(j * step);
  out.front() = y.front();
  out.back() = y.back();
  return out;
}

int table_knots(int n, const EamTableOptions& opt) {
  if (opt.table_points > 0) return opt.table_points;
  if (opt.max_table_points > 0) return opt.max_table_points;
  return (n - 1) * std::max(1, opt.upsample) + 1;
}

EamTableOptions default_table_options(const std::string& platform_name) {
  std::string n = platform_name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  EamTableOptions o;
  if (n == "opencl" || n == "cuda" || n == "hip" || n == "metal") o.table_points = 1500;
  return o;  // otherwise upsample 8 (the struct's default)
}

int default_table_points(const std::string& platform_name) {
  return default_table_options(platform_name).table_points;
}

EamTables::EamTables(const EamPotential& pot, const EamTableOptions& opt) {
  ne_ = pot.nelements();
  if (ne_ <= 0 || pot.nr < 4 || pot.nrho < 4 || !(pot.dr > 0) || !(pot.drho > 0))
    throw std::invalid_argument("EamTables: potential '" + pot.source + "' has empty or degenerate tables");
  const int mr = table_knots(pot.nr, opt), mrho = table_knots(pot.nrho, opt);
  if (mr < 5 || mrho < 5) throw std::invalid_argument("EamTables: need at least 5 knots per table");
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
