// pair_style eam (DYNAMO funcfl) files and their LAMMPS-style mixing.
#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/input_limits.hpp"
#include "potential/eam_reader.hpp"
#include "potential/internal/potential_file_scanner.hpp"
#include "potential/potential_locator.hpp"

namespace gb {

std::string element_symbol(int z) {
  static const char* const kSymbols[] = {
      "",   "H",  "He", "Li", "Be", "B",  "C",  "N",  "O",  "F",  "Ne", "Na", "Mg", "Al", "Si", "P",  "S",
      "Cl", "Ar", "K",  "Ca", "Sc", "Ti", "V",  "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As",
      "Se", "Br", "Kr", "Rb", "Sr", "Y",  "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
      "Sb", "Te", "I",  "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho",
      "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W",  "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po",
      "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U",  "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md",
      "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"};
  if (z < 1 || z > 118) return "";
  return kSymbols[z];
}

namespace {

/// One funcfl file as written (its own grids).
struct FuncflFile {
  std::string path;
  int atomic_number = 0;
  double mass = 0;
  int nrho = 0, nr = 0;
  double drho = 0, dr = 0, cut = 0;
  int element_line = 0;  // line of 'Z mass ...'
  std::vector<double> frho, zr, rhor;
};

FuncflFile read_funcfl_file(const std::string& path) {
  PotentialFileScanner in(path);
  FuncflFile f;
  f.path = path;
  in.skip_line("comment line 1");
  const LineTokens h = in.next_line("element line 'Z mass [a0 lattice]'");
  const long z = h.integer(0, "atomic number");
  if (z < 0 || z > limits::kMaxAtomicNumber) h.fail(0, "atomic number", "expected an integer in 0..1000");
  f.atomic_number = static_cast<int>(z);
  f.element_line = h.line();
  f.mass = header_mass(h, 1, "mass");
  const LineTokens g = in.next_line("grid line 'Nrho drho Nr dr cutoff'");
  if (g.size() != 5)
    g.fail(g.size() > 5 ? 5 : g.size() - 1, "grid",
           "expected 5 values 'Nrho drho Nr dr cutoff', found " + std::to_string(g.size()));
  // LAMMPS drops the last knot when resampling; the spline needs 5 left.
  f.nrho = static_cast<int>(header_table_points(g, 0, "Nrho", 6));
  f.drho = header_spacing(g, 1, "drho", f.nrho);
  f.nr = static_cast<int>(header_table_points(g, 2, "Nr", 6));
  f.dr = header_spacing(g, 3, "dr", f.nr);
  f.cut = header_cutoff(g, 4, f.nr, f.dr);
  require_values_fit(in, g, static_cast<long>(f.nrho) + 2L * f.nr);
  f.frho = in.table(f.nrho, "F(rho)");
  f.zr = in.table(f.nr, "Z(r)");
  f.rhor = in.table(f.nr, "rho(r)");
  in.expect_end("the rho(r) table");
  return f;
}

/// Value at x of a table y (spacing h) by 4-point Lagrange interpolation on
/// the knots around x, with the stencil kept inside the table and the local
/// coordinate capped, as LAMMPS does when it resamples funcfl tables.
double lagrange4(const std::vector<double>& y, double h, double x) {
  const int n = static_cast<int>(y.size());
  double t = x / h + 1.0;  // 1-based position, same arithmetic as LAMMPS
  int k = static_cast<int>(t);
  k = std::max(2, std::min(k, n - 2));
  t -= k;
  t = std::min(t, 2.0);
  // Knots (1-based) k-1, k, k+1, k+2 sit at local coordinates -1, 0, 1, 2.
  const double w_m1 = -(1.0 / 6.0) * t * (t - 1.0) * (t - 2.0);
  const double w_0 = 0.5 * (t * t - 1.0) * (t - 2.0);
  const double w_p1 = -0.5 * t * (t + 1.0) * (t - 2.0);
  const double w_p2 = (1.0 / 6.0) * t * (t * t - 1.0);
  const int i = k - 1;  // 0-based index of knot k
  return w_m1 * y[i - 1] + w_0 * y[i] + w_p1 * y[i + 1] + w_p2 * y[i + 2];
}

/// Hartree * Bohr in eV*Angstrom as LAMMPS writes it (27.2 * 0.529).
constexpr double kHartreeBohr = 27.2 * 0.529;

}  // namespace

EamPotential read_funcfl_mixture(const std::vector<std::string>& files) {
  if (files.empty()) throw InputError("eam (funcfl): no potential files given");
  std::vector<FuncflFile> in;
  for (const auto& name : files) {
    const std::string path = locate_potential(name);
    bool seen = false;
    for (const auto& f : in) seen = seen || f.path == path;
    if (!seen) in.push_back(read_funcfl_file(path));
  }

  EamPotential pot;
  pot.style = EamStyle::Funcfl;
  // Common grid: coarsest spacing, largest extent (LAMMPS file2array).
  double rmax = 0, rhomax = 0;
  for (const auto& f : in) {
    pot.dr = std::max(pot.dr, f.dr);
    pot.drho = std::max(pot.drho, f.drho);
    rmax = std::max(rmax, (f.nr - 1) * f.dr);
    rhomax = std::max(rhomax, (f.nrho - 1) * f.drho);
    pot.cutoff = std::max(pot.cutoff, f.cut);
  }
  // LAMMPS: n = int(extent/spacing + 0.5) knots at k*spacing, k = 0..n-1,
  // so the resampled table stops one step short of the largest extent.
  pot.nr = static_cast<int>(rmax / pot.dr + 0.5);
  pot.nrho = static_cast<int>(rhomax / pot.drho + 0.5);
  pot.rho_extrapolation_start = rhomax;
  if (pot.nr < 5 || pot.nrho < 5)
    throw InputError({in.front().path, 3, 0}, "grid", "combined funcfl grid has fewer than 5 points");

  const int n = static_cast<int>(in.size());
  for (const auto& f : in) {
    std::string sym = element_symbol(f.atomic_number);
    if (sym.empty()) sym = "Z" + std::to_string(f.atomic_number);
    pot.elements.push_back(sym);
    pot.masses.push_back(f.mass);
    pot.atomic_numbers.push_back(f.atomic_number);
    pot.source += (pot.source.empty() ? "" : ";") + f.path;
  }
  pot.elements_where = {in.front().path, in.front().element_line, 1};
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < a; ++b)
      if (pot.elements[a] == pot.elements[b])
        throw InputError({in[a].path, 2, 1}, "atomic number",
                         "two funcfl files describe the same element " + pot.elements[a] + " (" + in[b].path + ")");

  std::vector<std::vector<double>> zr(n, std::vector<double>(pot.nr));
  pot.embedding.assign(n, std::vector<double>(pot.nrho));
  pot.density_tab.assign(n, std::vector<std::vector<double>>(n));
  for (int e = 0; e < n; ++e) {
    const FuncflFile& f = in[e];
    for (int k = 0; k < pot.nrho; ++k) pot.embedding[e][k] = lagrange4(f.frho, f.drho, k * pot.drho);
    std::vector<double> rho(pot.nr);
    for (int k = 0; k < pot.nr; ++k) {
      rho[k] = lagrange4(f.rhor, f.dr, k * pot.dr);
      zr[e][k] = lagrange4(f.zr, f.dr, k * pot.dr);
    }
    for (int d = 0; d < n; ++d) pot.density_tab[e][d] = rho;  // density depends on the source only
  }
  pot.z2r_tab.assign(n, std::vector<std::vector<double>>(n, std::vector<double>(pot.nr)));
  for (int a = 0; a < n; ++a)
    for (int b = 0; b <= a; ++b) {
      for (int k = 0; k < pot.nr; ++k) pot.z2r_tab[a][b][k] = kHartreeBohr * zr[a][k] * zr[b][k];
      pot.z2r_tab[b][a] = pot.z2r_tab[a][b];
    }
  return pot;
}

}  // namespace gb
