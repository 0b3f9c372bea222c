#pragma once
// Tabulated EAM potential, as read from the standard LAMMPS files, in
// LAMMPS metal units (Angstrom, eV).  One representation for all three
// formats (eam/funcfl, eam/alloy/setfl, eam/fs), mirroring what LAMMPS's
// pair_style eam* builds internally:
//
//   E = sum_i F_{e(i)}(rho_i) + 1/2 sum_{i!=j} phi_{e(i)e(j)}(r_ij)
//   rho_i = sum_{j!=i} rho_{e(j) -> e(i)}(r_ij)
//
// density(src, dst) is the density an atom of element `dst` receives from a
// neighbour of element `src`: eam/fs file block of element src, column dst
// (Finnis-Sinclair convention).  For eam/alloy density(src, dst) = rho_src
// for every dst.  z2r(a, b) = r * phi_ab(r) (symmetric), as in setfl files.
#include <string>

#include "core/error.hpp"
#include <vector>

namespace gb {

enum class EamStyle { Funcfl, Setfl, FinnisSinclair };
const char* eam_style_name(EamStyle s);  // "eam", "eam/alloy", "eam/fs"

struct EamPotential {
  EamStyle style = EamStyle::Setfl;
  std::string source;                    // file path(s) read, for provenance
  /// The line naming the elements (setfl/fs element line; funcfl: the
  /// 'Z mass' line of the first file), for "element X is not here" errors.
  SourceLocation elements_where;
  std::vector<std::string> elements;     // element names, in file order
  std::vector<double> masses;            // amu, per element
  std::vector<int> atomic_numbers;       // per element (0 if unknown)

  // Uniform grids.  Table value k sits at rho = k*drho and r = k*dr (k = 0..n-1).
  int nrho = 0;
  double drho = 0;
  int nr = 0;
  double dr = 0;
  double cutoff = 0;  // Angstrom
  /// LAMMPS adds F'(rho_end)*(rho - this) to F beyond it (linear
  /// extrapolation of the embedding energy).  Equals rho_max() for setfl/fs;
  /// for funcfl it is the largest (nrho-1)*drho of the files, which lies one
  /// grid step past the end of the resampled table (LAMMPS quirk, mirrored).
  double rho_extrapolation_start = 0;

  std::vector<std::vector<double>> embedding;               // [elem][nrho]  F(rho), eV
  std::vector<std::vector<std::vector<double>>> density_tab; // [src][dst][nr] rho(r)
  std::vector<std::vector<std::vector<double>>> z2r_tab;     // [a][b][nr]    r*phi(r), eV*Angstrom

  int nelements() const { return static_cast<int>(elements.size()); }
  int element_index(const std::string& name) const;  // -1 if absent
  const std::vector<double>& embedding_of(int e) const { return embedding[e]; }
  const std::vector<double>& density(int src, int dst) const { return density_tab[src][dst]; }
  const std::vector<double>& z2r(int a, int b) const { return z2r_tab[a][b]; }
  double rho_max() const { return (nrho - 1) * drho; }
};

}  // namespace gb
