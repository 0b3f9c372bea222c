#include "openmm/eam_force.hpp"

#include <OpenMM.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace gb {

EamForce::EamForce(const EamPotential& pot, std::vector<int> element_of_particle, EamForceOptions opt)
    : tables_(std::make_shared<EamTables>(pot, opt.tables)),
      element_(std::move(element_of_particle)),
      opt_(opt),
      source_(pot.source) {
  for (size_t k = 0; k < element_.size(); ++k)
    if (element_[k] < 0 || element_[k] >= pot.nelements())
      throw std::invalid_argument(fmt::format("EamForce: particle {} has element index {} but '{}' has {} elements",
                                              k, element_[k], pot.source, pot.nelements()));
}

OpenMM::CustomGBForce* EamForce::base_force() const {
  const EamTables& t = *tables_;
  auto* f = new OpenMM::CustomGBForce();
  f->setNonbondedMethod(opt_.periodic ? OpenMM::CustomGBForce::CutoffPeriodic
                                      : OpenMM::CustomGBForce::CutoffNonPeriodic);
  f->setCutoffDistance(t.cutoff_nm());
  f->addPerParticleParameter("src");  // e * ne * span_r: block offset as density source / first pair index
  f->addPerParticleParameter("dst");  // e * span_r: block offset as density receiver / second pair index
  f->addPerParticleParameter("emb");  // e * span_rho: embedding block offset
  f->addTabulatedFunction("dens", new OpenMM::Continuous1DFunction(t.density().values, 0.0, t.density().x_max()));
  const double sr = t.density().span, srho = t.embedding().span;
  const int ne = t.nelements();
  std::vector<double> p(3);
  for (int e : element_) {
    p[0] = e * ne * sr;
    p[1] = e * sr + t.density().start;  // leading pad counted once per pair
    p[2] = e * srho + t.embedding().start;
    f->addParticle(p);
  }
  // Particle 1 receives density from particle 2: block (src = e2, dst = e1).
  f->addComputedValue("rho", "dens(r + src2 + dst1)", OpenMM::CustomGBForce::ParticlePairNoExclusions);
  return f;
}

OpenMM::CustomGBForce* EamForce::create_force() const {
  const EamTables& t = *tables_;
  OpenMM::CustomGBForce* f = base_force();
  f->setName("EAM");
  f->addTabulatedFunction("z2r", new OpenMM::Continuous1DFunction(t.z2r().values, 0.0, t.z2r().x_max()));
  f->addTabulatedFunction("embed",
                          new OpenMM::Continuous1DFunction(t.embedding().values, 0.0, t.embedding().x_max()));
  f->addEnergyTerm("embed(rho + emb)", OpenMM::CustomGBForce::SingleParticle);
  f->addEnergyTerm("z2r(r + src1 + dst2) / r", OpenMM::CustomGBForce::ParticlePairNoExclusions);
  return f;
}

OpenMM::CustomGBForce* EamForce::create_density_guard_force() const {
  OpenMM::CustomGBForce* f = base_force();
  f->setName("EAM density guard");
  const std::string rmax = fmt::format("{:.17g}", tables_->rho_max());
  // 1 if rho > rho_max, 1 if rho < 0, else 0 (step(0) = 1, hence the deltas).
  f->addEnergyTerm(fmt::format("step(rho - {0}) - delta(rho - {0}) + step(-rho) - delta(rho)", rmax),
                   OpenMM::CustomGBForce::SingleParticle);
  return f;
}

}  // namespace gb
