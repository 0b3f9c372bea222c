#include "common/eam_test_files.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace gb::testing {

namespace {

void put_table(std::ostream& o, const std::vector<double>& v, int per_line) {
  char buf[40];
  for (size_t k = 0; k < v.size(); ++k) {
    std::snprintf(buf, sizeof buf, "%.17g", v[k]);
    o << buf << ((k + 1) % per_line == 0 || k + 1 == v.size() ? "\n" : " ");
  }
}

std::string num(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

}  // namespace

void write_setfl_file(const std::string& path, const EamPotential& pot, int per_line) {
  std::ofstream o(path);
  o << "glassbench test potential ("
    << (pot.style == EamStyle::FinnisSinclair ? "eam/fs" : "eam/alloy") << ")\nwritten by tests/common\n#\n";
  o << pot.nelements();
  for (const auto& e : pot.elements) o << " " << e;
  o << "\n" << pot.nrho << " " << num(pot.drho) << " " << pot.nr << " " << num(pot.dr) << " " << num(pot.cutoff) << "\n";
  for (int e = 0; e < pot.nelements(); ++e) {
    o << pot.atomic_numbers[e] << " " << num(pot.masses[e]) << " 0.0 none\n";
    put_table(o, pot.embedding[e], per_line);
    if (pot.style == EamStyle::FinnisSinclair) {
      for (int d = 0; d < pot.nelements(); ++d) put_table(o, pot.density_tab[e][d], per_line);
    } else {
      put_table(o, pot.density_tab[e][0], per_line);
    }
  }
  for (int a = 0; a < pot.nelements(); ++a)
    for (int b = 0; b <= a; ++b) put_table(o, pot.z2r_tab[a][b], per_line);
  if (!o) throw std::runtime_error("cannot write " + path);
}

void write_funcfl_file(const std::string& path, const FuncflTables& t, int per_line) {
  std::ofstream o(path);
  o << "glassbench test funcfl potential\n";
  o << t.atomic_number << " " << num(t.mass) << " 0.0 FCC\n";
  o << t.nrho << " " << num(t.drho) << " " << t.nr << " " << num(t.dr) << " " << num(t.cutoff) << "\n";
  put_table(o, t.frho, per_line);
  put_table(o, t.zr, per_line);
  put_table(o, t.rhor, per_line);
  if (!o) throw std::runtime_error("cannot write " + path);
}

EamPotential tabulate_eam(EamStyle style, const std::vector<std::string>& elements,
                          const std::vector<double>& masses, const std::vector<int>& atomic_numbers, int nrho,
                          double drho, int nr, double dr, double cutoff,
                          const std::function<double(int, double)>& F,
                          const std::function<double(int, int, double)>& density,
                          const std::function<double(int, int, double)>& phi) {
  EamPotential p;
  p.style = style;
  p.source = "analytic";
  p.elements = elements;
  p.masses = masses;
  p.atomic_numbers = atomic_numbers;
  p.nrho = nrho;
  p.drho = drho;
  p.nr = nr;
  p.dr = dr;
  p.cutoff = cutoff;
  p.rho_extrapolation_start = (nrho - 1) * drho;
  const int n = static_cast<int>(elements.size());
  p.embedding.assign(n, std::vector<double>(nrho));
  p.density_tab.assign(n, std::vector<std::vector<double>>(n, std::vector<double>(nr)));
  p.z2r_tab.assign(n, std::vector<std::vector<double>>(n, std::vector<double>(nr)));
  for (int e = 0; e < n; ++e)
    for (int k = 0; k < nrho; ++k) p.embedding[e][k] = F(e, k * drho);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b)
      for (int k = 0; k < nr; ++k) {
        const double r = k * dr;
        p.density_tab[a][b][k] = style == EamStyle::FinnisSinclair ? density(a, b, r) : density(a, a, r);
        p.z2r_tab[a][b][k] = r * phi(std::max(a, b), std::min(a, b), r);
      }
  return p;
}

EamPotential asymmetric_fs_potential() {
  const double rc = 6.0;
  // (rc - r)^3 switching: value, slope and curvature vanish at rc.
  auto sw = [rc](double r) { return r < rc ? std::pow((rc - r) / rc, 3) : 0.0; };
  // Density amplitudes/decays [src][dst]: Cu->Zr is 3x Zr->Cu and shorter-ranged.
  const double amp[2][2] = {{1.0, 3.0}, {1.0, 2.0}};
  const double decay[2][2] = {{0.9, 1.4}, {0.6, 0.8}};
  const double Fa[2] = {1.2, 2.0}, Fb[2] = {0.002, 0.001};
  const double D[2][2] = {{0.35, 0.0}, {0.45, 0.55}}, alpha[2][2] = {{1.4, 0.0}, {1.3, 1.2}},
               r0[2][2] = {{2.55, 0.0}, {2.85, 3.15}};
  return tabulate_eam(
      EamStyle::FinnisSinclair, {"Cu", "Zr"}, {63.546, 91.224}, {29, 40}, 5000, 0.04, 5000, rc / 4999.0, rc,
      [&](int e, double rho) { return -Fa[e] * std::sqrt(rho) + Fb[e] * rho * rho; },
      [&](int s, int d, double r) { return amp[s][d] * std::exp(-decay[s][d] * (r - 2.5)) * sw(r); },
      [&](int a, int b, double r) {
        // Morse pair term (a >= b), switched off smoothly at rc.
        const double x = std::exp(-alpha[a][b] * (r - r0[a][b]));
        return D[a][b] * (x * x - 2.0 * x) * sw(r);
      });
}

}  // namespace gb::testing
