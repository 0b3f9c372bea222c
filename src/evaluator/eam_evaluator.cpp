#include "evaluator/eam_evaluator.hpp"

#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "core/units.hpp"
#include "evaluator/neighbor_list.hpp"
#include "evaluator/parallel_for.hpp"

namespace gb {

std::array<double, 6> EamResult::pressure_virial_bar(double volume_A3) const {
  std::array<double, 6> p{};
  for (int k = 0; k < 6; ++k) p[k] = virial_eV[k] / volume_A3 * units::kBarPerEVPerAngstrom3;
  return p;
}

EamEvaluator::EamEvaluator(const EamPotential& pot, std::vector<int> element_of_type, int threads)
    : element_of_type_(std::move(element_of_type)),
      threads_(threads < 1 ? 1 : threads),
      cutoff_(pot.cutoff),
      rho_table_max_(pot.rho_max()),
      rho_extrapolation_start_(pot.rho_extrapolation_start > 0 ? pot.rho_extrapolation_start : pot.rho_max()) {
  const int ne = pot.nelements();
  if (element_of_type_.empty()) throw std::invalid_argument("EamEvaluator: no atom types mapped");
  for (int e : element_of_type_)
    if (e < 0 || e >= ne) throw std::invalid_argument("EamEvaluator: element index out of range");
  if (!(pot.cutoff > 0)) throw std::invalid_argument("EamEvaluator: potential has no cutoff");
  for (int e = 0; e < ne; ++e) embedding_.emplace_back(pot.embedding_of(e), pot.drho);
  density_.resize(ne);
  z2r_.resize(ne);
  for (int a = 0; a < ne; ++a)
    for (int b = 0; b < ne; ++b) {
      density_[a].emplace_back(pot.density(a, b), pot.dr);
      z2r_[a].emplace_back(pot.z2r(a, b), pot.dr);
    }
}

EamResult EamEvaluator::compute(const AtomConfig& cfg) const {
  const size_t n = cfg.size();
  std::vector<int> elem(n);
  for (size_t i = 0; i < n; ++i) {
    const int t = cfg.types[i];
    if (t < 1 || t > static_cast<int>(element_of_type_.size()))
      throw InputError("atom " + std::to_string(cfg.ids.empty() ? static_cast<long>(i + 1) : cfg.ids[i]) +
                       " has type " + std::to_string(t) + " but only " + std::to_string(element_of_type_.size()) +
                       " types are mapped to elements");
    elem[i] = element_of_type_[t - 1];
  }
  const NeighborList nl(cfg.box, cfg.positions, cutoff_, threads_);

  // Pass 1: host density of every atom.
  std::vector<double> rho(n, 0.0);
  parallel_for(n, threads_, [&](size_t b0, size_t b1, int) {
    for (size_t i = b0; i < b1; ++i) {
      const Vec3 xi = nl.image_position(static_cast<int>(i));
      double sum = 0;
      for (size_t k = nl.begin(i); k < nl.end(i); ++k) {
        const int q = nl.image(k);
        const double r = (xi - nl.image_position(q)).norm();
        sum += density_[elem[nl.image_owner(q)]][elem[i]].value(r);
      }
      rho[i] = sum;
    }
  });

  // Pass 2: embedding energy and its slope; linear continuation beyond the
  // table as LAMMPS does (conserves energy when atoms approach closely).
  EamResult res;
  res.per_atom_energy_eV.assign(n, 0.0);
  std::vector<double> fp(n);
  for (size_t i = 0; i < n; ++i) {
    const auto f = embedding_[elem[i]].eval(rho[i]);
    fp[i] = f.slope;
    double e = f.value;
    if (rho[i] > rho_extrapolation_start_) e += f.slope * (rho[i] - rho_extrapolation_start_);
    res.per_atom_energy_eV[i] = e;
    if (i == 0 || rho[i] > res.max_density) res.max_density = rho[i];
    if (rho[i] > rho_table_max_ || rho[i] < 0) res.density_out_of_range = true;
  }

  // Pass 3: pair energy, forces, virial (full list: each pair seen from both
  // atoms, so each side takes half of the pair energy and virial).
  res.forces_eV_per_A.assign(n, Vec3{});
  std::vector<std::array<double, 6>> atom_virial(n);
  parallel_for(n, threads_, [&](size_t b0, size_t b1, int) {
    for (size_t i = b0; i < b1; ++i) {
      const Vec3 xi = nl.image_position(static_cast<int>(i));
      const int ei = elem[i];
      Vec3 f;
      double epair = 0;
      std::array<double, 6> w{};
      for (size_t k = nl.begin(i); k < nl.end(i); ++k) {
        const int q = nl.image(k);
        const int j = nl.image_owner(q);
        const int ej = elem[j];
        const Vec3 d = xi - nl.image_position(q);
        const double r = d.norm();
        const double drho_i_from_j = density_[ej][ei].eval(r).slope;
        const double drho_j_from_i = density_[ei][ej].eval(r).slope;
        const auto z = z2r_[ei][ej].eval(r);
        const double inv_r = 1.0 / r;
        const double phi = z.value * inv_r;
        const double dphi = z.slope * inv_r - phi * inv_r;
        const double dE_dr = fp[i] * drho_i_from_j + fp[j] * drho_j_from_i + dphi;
        const double fpair = -dE_dr * inv_r;  // force on i = d * fpair
        f += d * fpair;
        epair += 0.5 * phi;
        w[0] += 0.5 * d.x * d.x * fpair;
        w[1] += 0.5 * d.y * d.y * fpair;
        w[2] += 0.5 * d.z * d.z * fpair;
        w[3] += 0.5 * d.x * d.y * fpair;
        w[4] += 0.5 * d.x * d.z * fpair;
        w[5] += 0.5 * d.y * d.z * fpair;
      }
      res.forces_eV_per_A[i] = f;
      res.per_atom_energy_eV[i] += epair;
      atom_virial[i] = w;
    }
  });

  // Reductions in atom order: identical for any thread count.
  for (size_t i = 0; i < n; ++i) {
    res.energy_eV += res.per_atom_energy_eV[i];
    for (int c = 0; c < 6; ++c) res.virial_eV[c] += atom_virial[i][c];
  }
  return res;
}

}  // namespace gb
