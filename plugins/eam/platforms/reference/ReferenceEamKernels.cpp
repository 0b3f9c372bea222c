#include "ReferenceEamKernels.h"

#include <cmath>

#include "openmm/OpenMMException.h"
#include "openmm/internal/ContextImpl.h"
#include "openmm/reference/ReferencePlatform.h"

using OpenMM::Vec3;

namespace EamPlugin {
namespace {

struct Pair {
  int i, j;
  Vec3 d;  // x_i - x_j (the image in range)
  double r;
};

}  // namespace

void ReferenceCalcEamForceKernel::initialize(const OpenMM::System& system, const EamForce& force) {
  const EamTables& t = force.getTables();
  ne_ = t.numElements();
  cutoff_ = t.cutoff;
  rhoMax_ = (t.nrho - 1) * t.drho;
  rhoExtrap_ = t.rhoExtrapolationStart > 0 ? t.rhoExtrapolationStart : rhoMax_;
  periodic_ = force.usesPeriodicBoundaryConditions();
  for (const auto& f : t.embedding) embedding_.emplace_back(f, t.drho);
  for (const auto& d : t.density) density_.emplace_back(d, t.dr);
  for (const auto& z : t.z2r) z2r_.emplace_back(z, t.dr);
  setElements(force);
}

void ReferenceCalcEamForceKernel::copyParametersToContext(OpenMM::ContextImpl&, const EamForce& force) {
  setElements(force);
}

void ReferenceCalcEamForceKernel::setElements(const EamForce& force) {
  element_.resize(force.getNumParticles());
  for (int i = 0; i < force.getNumParticles(); ++i) element_[i] = force.getParticleElement(i);
}

double ReferenceCalcEamForceKernel::execute(OpenMM::ContextImpl& context, bool includeForces, bool includeEnergy) {
  auto* data = reinterpret_cast<OpenMM::ReferencePlatform::PlatformData*>(context.getPlatformData());
  const std::vector<Vec3>& x = *data->positions;
  std::vector<Vec3>& force = *data->forces;
  const Vec3* box = data->periodicBoxVectors;
  const int n = static_cast<int>(x.size());
  const double rc2 = cutoff_ * cutoff_;

  // Every pair (i < j) and every image of j within the cutoff.
  std::vector<Pair> pairs;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      Vec3 d = x[i] - x[j];
      if (!periodic_) {
        const double r2 = d.dot(d);
        if (r2 < rc2) pairs.push_back({i, j, d, std::sqrt(r2)});
        continue;
      }
      d -= box[2] * std::round(d[2] / box[2][2]);
      d -= box[1] * std::round(d[1] / box[1][1]);
      d -= box[0] * std::round(d[0] / box[0][0]);
      for (int a = -1; a <= 1; ++a)
        for (int b = -1; b <= 1; ++b)
          for (int c = -1; c <= 1; ++c) {
            const Vec3 e = d + box[0] * a + box[1] * b + box[2] * c;
            const double r2 = e.dot(e);
            if (r2 < rc2) pairs.push_back({i, j, e, std::sqrt(r2)});
          }
    }

  std::vector<double> rho(n, 0.0), fp(n, 0.0);
  for (const Pair& p : pairs) {
    const int ei = element_[p.i], ej = element_[p.j];
    rho[p.i] += density_[ej * ne_ + ei].value(p.r);
    rho[p.j] += density_[ei * ne_ + ej].value(p.r);
  }
  double energy = 0;
  for (int i = 0; i < n; ++i) {
    const auto f = embedding_[element_[i]].eval(rho[i]);
    fp[i] = f.slope;
    double e = f.value;
    if (rho[i] > rhoExtrap_) e += f.slope * (rho[i] - rhoExtrap_);
    energy += e;
  }
  virial_ = {};
  for (const Pair& p : pairs) {
    const int ei = element_[p.i], ej = element_[p.j];
    const double rhojp = density_[ej * ne_ + ei].eval(p.r).slope;
    const double rhoip = density_[ei * ne_ + ej].eval(p.r).slope;
    const auto z = z2r_[ei * ne_ + ej].eval(p.r);
    const double recip = 1.0 / p.r;
    const double phi = z.value * recip;
    const double phip = z.slope * recip - phi * recip;
    const double psip = fp[p.i] * rhojp + fp[p.j] * rhoip + phip;
    const double fpair = -psip * recip;
    energy += phi;
    if (includeForces) {
      force[p.i] += p.d * fpair;
      force[p.j] -= p.d * fpair;
    }
    virial_[0] += p.d[0] * p.d[0] * fpair;
    virial_[1] += p.d[1] * p.d[1] * fpair;
    virial_[2] += p.d[2] * p.d[2] * fpair;
    virial_[3] += p.d[0] * p.d[1] * fpair;
    virial_[4] += p.d[0] * p.d[2] * fpair;
    virial_[5] += p.d[1] * p.d[2] * fpair;
  }
  return includeEnergy ? energy : 0.0;
}

}  // namespace EamPlugin
