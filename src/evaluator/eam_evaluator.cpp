#include "evaluator/eam_evaluator.hpp"

#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "core/units.hpp"

namespace gb {

std::array<double, 6> EamResult::pressure_virial_bar(double volume_A3) const {
  std::array<double, 6> p{};
  for (int k = 0; k < 6; ++k) p[k] = virial_eV[k] / volume_A3 * units::kBarPerEVPerAngstrom3;
  return p;
}

EamEvaluator::EamEvaluator(const EamPotential& pot, std::vector<int> element_of_type, int threads)
    : element_of_type_(std::move(element_of_type)), threads_(threads < 1 ? 1 : threads), cutoff_(pot.cutoff) {
  const int ne = pot.nelements();
  if (element_of_type_.empty()) throw std::invalid_argument("EamEvaluator: no atom types mapped");
  for (int e : element_of_type_)
    if (e < 0 || e >= ne) throw std::invalid_argument("EamEvaluator: element index out of range");
  if (!(pot.cutoff > 0)) throw std::invalid_argument("EamEvaluator: potential has no cutoff");
  kernel_ = std::make_unique<EamCpuKernel>(pot, std::vector<int>{}, 0.0);  // one-shot: no skin
}

EamEvaluator::~EamEvaluator() = default;

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
  const Box& b = cfg.box;
  if (!(b.lx > 0) || !(b.ly > 0) || !(b.lz > 0)) throw std::invalid_argument("EamEvaluator: degenerate box");
  Cell cell;
  cell.a = b.a();
  cell.b = b.b();
  cell.c = b.c();
  std::vector<Vec3> x(n);
  for (size_t i = 0; i < n; ++i) x[i] = cfg.positions[i] - b.lo;
  kernel_->set_elements(std::move(elem));
  EamKernelOutput o;
  kernel_->compute(x, cell, threads_, true, true, o);
  EamResult res;
  res.energy_eV = o.energy;
  res.per_atom_energy_eV = std::move(o.atom_energy);
  res.forces_eV_per_A = std::move(o.forces);
  res.virial_eV = o.virial;
  res.max_density = o.max_density;
  res.density_out_of_range = o.density_out_of_range;
  return res;
}

}  // namespace gb
