#include "CpuEamKernels.h"

#include <algorithm>
#include <sstream>
#include <thread>

#include "internal/EamTablesAsPotential.h"
#include "openmm/Context.h"
#include "openmm/internal/ContextImpl.h"
#include "openmm/reference/ReferencePlatform.h"

namespace EamPlugin {
namespace {

bool same_cell(const gb::Cell& a, const gb::Cell& b) {
  auto eq = [](const gb::Vec3& u, const gb::Vec3& v) { return u.x == v.x && u.y == v.y && u.z == v.z; };
  return a.periodic == b.periodic && eq(a.a, b.a) && eq(a.b, b.b) && eq(a.c, b.c);
}

}  // namespace

void CpuCalcEamForceKernel::initialize(const OpenMM::System& system, const EamForce& force) {
  std::vector<int> element(force.getNumParticles());
  for (int i = 0; i < force.getNumParticles(); ++i) element[i] = force.getParticleElement(i);
  kernel_ = std::make_unique<gb::EamCpuKernel>(asPotential(force.getTables()), std::move(element),
                                               force.getNeighborSkin());
  periodic_ = force.usesPeriodicBoundaryConditions();
}

void CpuCalcEamForceKernel::copyParametersToContext(OpenMM::ContextImpl&, const EamForce& force) {
  std::vector<int> element(force.getNumParticles());
  for (int i = 0; i < force.getNumParticles(); ++i) element[i] = force.getParticleElement(i);
  kernel_->set_elements(std::move(element));
  cache_valid_ = false;  // new parameters: the cached result is stale
}

int CpuCalcEamForceKernel::threads(OpenMM::ContextImpl& context) {
  if (threads_ > 0) return threads_;
  int t = 0;
  try {
    std::istringstream(context.getPlatform().getPropertyValue(context.getOwner(), "Threads")) >> t;
  } catch (...) {
  }
  if (t <= 0) t = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return threads_ = t;
}

double CpuCalcEamForceKernel::execute(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy) {
  auto* data = reinterpret_cast<OpenMM::ReferencePlatform::PlatformData*>(context.getPlatformData());
  const std::vector<OpenMM::Vec3>& pos = *data->positions;
  const size_t n = pos.size();
  x_.resize(n);
  for (size_t i = 0; i < n; ++i) x_[i] = {pos[i][0], pos[i][1], pos[i][2]};
  gb::Cell cell;
  cell.periodic = periodic_;
  if (periodic_) {
    const OpenMM::Vec3* b = data->periodicBoxVectors;
    cell.a = {b[0][0], b[0][1], b[0][2]};
    cell.b = {b[1][0], b[1][1], b[1][2]};
    cell.c = {b[2][0], b[2][1], b[2][2]};
  }
  // OpenMM 7.7's NoseHooverIntegrator evaluates the forces twice per step at
  // the same positions (once inside its velocity-Verlet kernel, once at the
  // start of the next step): measured 2.0 CpuCalcEamForceKernel::execute calls
  // per step through `glassbench run`.  A call whose positions, box and
  // parameters equal the previous call's reuses its result, which is
  // bit-identical to recomputing (the force depends on nothing else).
  const bool same_state = cache_valid_ && (cache_has_forces_ || !includeForces) && same_cell(cell, cached_cell_) &&
                          x_.size() == cached_x_.size() &&
                          std::equal(x_.begin(), x_.end(), cached_x_.begin(),
                                     [](const gb::Vec3& a, const gb::Vec3& b) { return a.x == b.x && a.y == b.y && a.z == b.z; });
  if (!same_state) {
    kernel_->compute(x_, cell, threads(context), includeForces, false, out_);
    cached_x_ = x_;
    cached_cell_ = cell;
    cache_valid_ = true;
    cache_has_forces_ = includeForces;
  }
  if (includeForces) {
    std::vector<OpenMM::Vec3>& f = *data->forces;
    for (size_t i = 0; i < n; ++i) f[i] += OpenMM::Vec3(out_.forces[i].x, out_.forces[i].y, out_.forces[i].z);
  }
  return includeEnergy ? out_.energy : 0.0;
}

}  // namespace EamPlugin
