#ifndef GLASSBENCH_EAMTABLESASPOTENTIAL_H_
#define GLASSBENCH_EAMTABLESASPOTENTIAL_H_
// EamForce's tables as a gb::EamPotential in OpenMM units (nm, kJ/mol), the
// input of gb::EamCpuKernel and gb::EamSpline (both unit-agnostic).
#include "EamForce.h"
#include "potential/eam_potential.hpp"

namespace EamPlugin {

inline gb::EamPotential asPotential(const EamTables& t) {
  gb::EamPotential p;
  const int ne = t.numElements();
  p.source = "EamForce";
  p.elements = t.elements;
  p.masses.assign(ne, 0.0);
  p.atomic_numbers.assign(ne, 0);
  p.nrho = t.nrho;
  p.drho = t.drho;
  p.nr = t.nr;
  p.dr = t.dr;
  p.cutoff = t.cutoff;
  p.rho_extrapolation_start = t.rhoExtrapolationStart;
  p.embedding = t.embedding;
  p.density_tab.assign(ne, std::vector<std::vector<double>>(ne));
  p.z2r_tab.assign(ne, std::vector<std::vector<double>>(ne));
  for (int a = 0; a < ne; ++a)
    for (int b = 0; b < ne; ++b) {
      p.density_tab[a][b] = t.density[a * ne + b];
      p.z2r_tab[a][b] = t.z2r[a * ne + b];
    }
  return p;
}

}  // namespace EamPlugin

#endif
