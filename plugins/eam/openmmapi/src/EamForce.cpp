#include "EamForce.h"

#include <cmath>

#include "internal/EamForceImpl.h"
#include "openmm/OpenMMException.h"

using OpenMM::OpenMMException;

namespace EamPlugin {

void EamTables::validate() const {
  const int ne = numElements();
  auto fail = [](const std::string& what) { throw OpenMMException("EamForce tables: " + what); };
  if (ne < 1) fail("no elements");
  if (nrho < 5 || nr < 5) fail("need at least 5 knots per table");
  if (!(drho > 0) || !(dr > 0)) fail("grid spacings must be positive");
  if (!(cutoff > 0)) fail("cutoff must be positive");
  if (static_cast<int>(embedding.size()) != ne) fail("embedding needs one table per element");
  if (static_cast<int>(density.size()) != ne * ne || static_cast<int>(z2r.size()) != ne * ne)
    fail("density and z2r need numElements^2 tables");
  for (const auto& t : embedding)
    if (static_cast<int>(t.size()) != nrho) fail("an embedding table does not have nrho values");
  for (const auto* v : {&density, &z2r})
    for (const auto& t : *v)
      if (static_cast<int>(t.size()) != nr) fail("a density or z2r table does not have nr values");
  for (const auto* v : {&embedding, &density, &z2r})
    for (const auto& t : *v)
      for (double x : t)
        if (!std::isfinite(x)) fail("a table holds a non-finite value");
}

EamForce::EamForce(const EamTables& tables) { setTables(tables); }

void EamForce::setTables(const EamTables& tables) {
  tables.validate();
  for (int e : element_)
    if (e >= tables.numElements()) throw OpenMMException("EamForce: a particle's element is not in the new tables");
  tables_ = tables;
}

int EamForce::addParticle(int element) {
  if (element < 0 || (tables_.numElements() > 0 && element >= tables_.numElements()))
    throw OpenMMException("EamForce::addParticle: element index out of range");
  element_.push_back(element);
  return static_cast<int>(element_.size()) - 1;
}

int EamForce::getParticleElement(int index) const {
  if (index < 0 || index >= getNumParticles()) throw OpenMMException("EamForce: particle index out of range");
  return element_[index];
}

void EamForce::setParticleElement(int index, int element) {
  if (index < 0 || index >= getNumParticles()) throw OpenMMException("EamForce: particle index out of range");
  if (element < 0 || element >= tables_.numElements()) throw OpenMMException("EamForce: element index out of range");
  element_[index] = element;
}

void EamForce::setNeighborSkin(double skin_nm) {
  if (!(skin_nm >= 0) || !std::isfinite(skin_nm)) throw OpenMMException("EamForce: skin must be >= 0");
  skin_ = skin_nm;
}

void EamForce::updateParametersInContext(OpenMM::Context& context) {
  dynamic_cast<EamForceImpl&>(getImplInContext(context)).updateParametersInContext(getContextImpl(context));
}

std::array<double, 6> EamForce::getVirial(OpenMM::Context& context) {
  return dynamic_cast<EamForceImpl&>(getImplInContext(context)).getVirial(getContextImpl(context));
}

OpenMM::ForceImpl* EamForce::createImpl() const { return new EamForceImpl(*this); }

}  // namespace EamPlugin
