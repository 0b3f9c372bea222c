#include "CommonEamKernels.h"

#include <cmath>
#include <map>
#include <string>

#include "CommonEamKernelSource.h"
#include "internal/EamTablesAsPotential.h"
#include "openmm/OpenMMException.h"
#include "openmm/common/ComputeVectorTypes.h"
#include "openmm/common/ContextSelector.h"
#include "openmm/internal/ContextImpl.h"
#include "potential/eam_spline.hpp"

using namespace OpenMM;

namespace EamPlugin {

// Atom reordering (OpenMM sorts atoms for locality) invalidates the list.
class CommonCalcEamForceKernel::ReorderListener : public ComputeContext::ReorderListener {
 public:
  explicit ReorderListener(bool& valid) : valid_(valid) {}
  void execute() override { valid_ = false; }

 private:
  bool& valid_;
};

CommonCalcEamForceKernel::~CommonCalcEamForceKernel() = default;

namespace {

std::string num(double x) {
  char b[40];
  std::snprintf(b, sizeof b, "%.17g", x);
  return b;
}

// Interval cubics of LAMMPS's interpolant: c0..c3 per interval as x..w.
template <class T4>
void append_cubics(std::vector<T4>& out, const gb::EamSpline& s, int segs) {
  for (int m = 0; m < segs; ++m) {
    const gb::EamSpline::Segment& g = s.segment(m);
    out.push_back(T4(g.c0, g.c1, g.c2, g.c3));
  }
}

template <class T4>
void upload_tables(ComputeContext& cc, ComputeArray& pair, ComputeArray& embed, const EamTables& t) {
  const int ne = t.numElements(), segs = t.nr - 1, segsRho = t.nrho - 1;
  // Pair tables interleaved per (ei, ej, interval): rho_{ej->ei}, rho_{ei->ej}, z2r.
  std::vector<std::vector<gb::EamSpline>> rho(ne), z2r(ne);
  for (int a = 0; a < ne; ++a)
    for (int b = 0; b < ne; ++b) {
      rho[a].emplace_back(t.density[a * ne + b], t.dr);
      z2r[a].emplace_back(t.z2r[a * ne + b], t.dr);
    }
  std::vector<T4> p;
  p.reserve(static_cast<size_t>(ne) * ne * segs * 3);
  for (int a = 0; a < ne; ++a)
    for (int b = 0; b < ne; ++b)
      for (int m = 0; m < segs; ++m)
        for (const gb::EamSpline* s : {&rho[b][a], &rho[a][b], &z2r[a][b]}) {
          const auto& g = s->segment(m);
          p.push_back(T4(g.c0, g.c1, g.c2, g.c3));
        }
  pair.initialize<T4>(cc, static_cast<int>(p.size()), "eamPairCoef");
  pair.upload(p);
  std::vector<T4> e;
  for (int a = 0; a < ne; ++a) append_cubics(e, gb::EamSpline(t.embedding[a], t.drho), segsRho);
  embed.initialize<T4>(cc, static_cast<int>(e.size()), "eamEmbedCoef");
  embed.upload(e);
}

}  // namespace

void CommonCalcEamForceKernel::initialize(const System& system, const EamForce& force) {
  ContextSelector selector(cc_);
  const EamTables& t = force.getTables();
  numAtoms_ = force.getNumParticles();
  ne_ = t.numElements();
  periodic_ = force.usesPeriodicBoundaryConditions();
  list_ = std::make_unique<gb::CellNeighborList>(t.cutoff, force.getNeighborSkin());
  const bool dbl = cc_.getUseDoublePrecision(), mixed = dbl || cc_.getUseMixedPrecision();
  if (dbl) upload_tables<mm_double4>(cc_, pairCoef_, embedCoef_, t);
  else upload_tables<mm_float4>(cc_, pairCoef_, embedCoef_, t);
  atomElement_.resize(numAtoms_);
  for (int i = 0; i < numAtoms_; ++i) atomElement_[i] = force.getParticleElement(i);
  element_.initialize<int>(cc_, numAtoms_, "eamElement");
  element_.upload(atomElement_);
  rho_.initialize(cc_, numAtoms_, mixed ? sizeof(double) : sizeof(float), "eamRho");
  fp_.initialize(cc_, numAtoms_, mixed ? sizeof(double) : sizeof(float), "eamFp");
  nbrStart_.initialize<int>(cc_, numAtoms_ + 1, "eamNbrStart");
  nbr_.initialize<mm_int4>(cc_, 1, "eamNbr");
  virialThreads_ = cc_.getNumThreadBlocks() * cc_.ThreadBlockSize;
  virial_.initialize(cc_, 6 * virialThreads_, mixed ? sizeof(double) : sizeof(float), "eamVirial");
  cc_.clearBuffer(virial_);

  std::map<std::string, std::string> defines;
  defines["NUM_ATOMS"] = std::to_string(numAtoms_);
  defines["PADDED_NUM_ATOMS"] = std::to_string(cc_.getPaddedNumAtoms());
  defines["NE"] = std::to_string(ne_);
  defines["SEGS"] = std::to_string(t.nr - 1);
  defines["SEGS_RHO"] = std::to_string(t.nrho - 1);
  defines["RDR"] = num(1.0 / t.dr);
  defines["RDRHO"] = num(1.0 / t.drho);
  defines["CUTOFF2"] = num(t.cutoff * t.cutoff);
  defines["RHO_EXTRAP"] = num(t.rhoExtrapolationStart > 0 ? t.rhoExtrapolationStart : (t.nrho - 1) * t.drho);
  if (cc_.getSupports64BitGlobalAtomics()) defines["USE_LONG"] = "1";
  ComputeProgram program = cc_.compileProgram(kEamKernelSource, defines);
  densityKernel_ = program->createKernel("computeDensity");
  embedKernel_ = program->createKernel("computeEmbedding");
  forceKernel_ = program->createKernel("computeForces");
  cc_.addReorderListener(new ReorderListener(listValid_));
}

void CommonCalcEamForceKernel::updateNeighborList() {
  // Positions in the context's current atom order (posq: float4 or double4).
  std::vector<gb::Vec3> x(numAtoms_);
  if (cc_.getUseDoublePrecision()) {
    std::vector<mm_double4> p;
    cc_.getPosq().download(p);
    for (int i = 0; i < numAtoms_; ++i) x[i] = {p[i].x, p[i].y, p[i].z};
  } else {
    std::vector<mm_float4> p;
    cc_.getPosq().download(p);
    for (int i = 0; i < numAtoms_; ++i) x[i] = {p[i].x, p[i].y, p[i].z};
  }
  gb::Cell cell;
  cell.periodic = periodic_;
  if (periodic_) {
    Vec3 a, b, c;
    cc_.getPeriodicBoxVectors(a, b, c);
    cell.a = {a[0], a[1], a[2]};
    cell.b = {b[0], b[1], b[2]};
    cell.c = {c[0], c[1], c[2]};
  }
  bool rebuilt = listValid_ ? list_->update(x, cell, 1) : (list_->build(x, cell, 1), true);
  if (!rebuilt) return;
  listValid_ = true;
  // Full list for the device: each half-list pair (i, j, n) in both
  // directions, with the integer image m = img_j - img_i + n relative to the
  // RAW positions (the device does not apply build-time wraps).
  const auto& loc = list_->local_positions();
  std::vector<std::vector<mm_int4>> full(numAtoms_);
  // Build-time cell offsets, recovered from local - raw positions.
  std::vector<int> img(3 * numAtoms_, 0);
  if (periodic_) {
    for (int i = 0; i < numAtoms_; ++i) {
      const gb::Vec3 d = loc[i] - x[i];  // = img_i . H (lower-triangular)
      const int iz = static_cast<int>(std::lround(d.z / cell.c.z));
      const int iy = static_cast<int>(std::lround((d.y - iz * cell.c.y) / cell.b.y));
      const int ix = static_cast<int>(std::lround((d.x - iy * cell.b.x - iz * cell.c.x) / cell.a.x));
      img[3 * i] = ix;
      img[3 * i + 1] = iy;
      img[3 * i + 2] = iz;
    }
  }
  const auto& shifts = list_->shifts();
  for (int i = 0; i < numAtoms_; ++i)
    for (size_t k = list_->begin(i); k < list_->end(i); ++k) {
      const int j = list_->neighbor(k);
      int n[3] = {0, 0, 0};
      if (periodic_) {
        const gb::Vec3 s = shifts[list_->shift_index(k)];  // n . H
        n[2] = static_cast<int>(std::lround(s.z / cell.c.z));
        n[1] = static_cast<int>(std::lround((s.y - n[2] * cell.c.y) / cell.b.y));
        n[0] = static_cast<int>(std::lround((s.x - n[1] * cell.b.x - n[2] * cell.c.x) / cell.a.x));
      }
      const int m[3] = {img[3 * j] - img[3 * i] + n[0], img[3 * j + 1] - img[3 * i + 1] + n[1],
                        img[3 * j + 2] - img[3 * i + 2] + n[2]};
      full[i].push_back(mm_int4(j, m[0], m[1], m[2]));
      if (j != i) full[j].push_back(mm_int4(i, -m[0], -m[1], -m[2]));
      else full[i].push_back(mm_int4(i, -m[0], -m[1], -m[2]));  // an atom's own image: both directions
    }
  std::vector<int> start(numAtoms_ + 1, 0);
  std::vector<mm_int4> flat;
  for (int i = 0; i < numAtoms_; ++i) {
    start[i + 1] = start[i] + static_cast<int>(full[i].size());
    flat.insert(flat.end(), full[i].begin(), full[i].end());
  }
  if (flat.empty()) flat.push_back(mm_int4(0, 0, 0, 0));
  if (nbr_.getSize() < static_cast<int>(flat.size())) nbr_.resize(static_cast<int>(flat.size() * 1.2) + 1);
  nbr_.uploadSubArray(flat.data(), 0, static_cast<int>(flat.size()));
  nbrStart_.upload(start);
}

double CommonCalcEamForceKernel::execute(ContextImpl& context, bool includeForces, bool includeEnergy) {
  ContextSelector selector(cc_);
  updateNeighborList();
  Vec3 a(1, 0, 0), b(0, 1, 0), c(0, 0, 1);
  if (periodic_) cc_.getPeriodicBoxVectors(a, b, c);
  const bool dbl = cc_.getUseDoublePrecision();
  auto setBox = [&](ComputeKernel& k, int first) {
    if (dbl) {
      k->setArg(first, mm_double4(a[0], a[1], a[2], 0));
      k->setArg(first + 1, mm_double4(b[0], b[1], b[2], 0));
      k->setArg(first + 2, mm_double4(c[0], c[1], c[2], 0));
    } else {
      k->setArg(first, mm_float4((float)a[0], (float)a[1], (float)a[2], 0));
      k->setArg(first + 1, mm_float4((float)b[0], (float)b[1], (float)b[2], 0));
      k->setArg(first + 2, mm_float4((float)c[0], (float)c[1], (float)c[2], 0));
    }
  };
  if (!argsBound_) {  // first call: bind the arrays
    argsBound_ = true;
    densityKernel_->addArg(cc_.getPosq());
    densityKernel_->addArg(cc_.getAtomIndexArray());
    densityKernel_->addArg(element_);
    densityKernel_->addArg(nbrStart_);
    densityKernel_->addArg(nbr_);
    for (int k = 0; k < 3; ++k) densityKernel_->addArg();
    densityKernel_->addArg(pairCoef_);
    densityKernel_->addArg(rho_);
    embedKernel_->addArg(cc_.getAtomIndexArray());
    embedKernel_->addArg(element_);
    embedKernel_->addArg(rho_);
    embedKernel_->addArg(embedCoef_);
    embedKernel_->addArg(fp_);
    embedKernel_->addArg(cc_.getEnergyBuffer());
    forceKernel_->addArg(cc_.getPosq());
    forceKernel_->addArg(cc_.getAtomIndexArray());
    forceKernel_->addArg(element_);
    forceKernel_->addArg(nbrStart_);
    forceKernel_->addArg(nbr_);
    for (int k = 0; k < 3; ++k) forceKernel_->addArg();
    forceKernel_->addArg(pairCoef_);
    forceKernel_->addArg(fp_);
    forceKernel_->addArg(cc_.getSupports64BitGlobalAtomics() ? cc_.getLongForceBuffer() : cc_.getForceBuffers());
    forceKernel_->addArg(cc_.getEnergyBuffer());
    forceKernel_->addArg(virial_);
  }
  densityKernel_->setArg(4, nbr_);  // nbr_ may have been reallocated
  forceKernel_->setArg(4, nbr_);
  setBox(densityKernel_, 5);
  setBox(forceKernel_, 5);
  densityKernel_->execute(numAtoms_);
  embedKernel_->execute(numAtoms_);
  forceKernel_->execute(numAtoms_);
  return 0.0;  // energies went to the context's energy buffer
}

void CommonCalcEamForceKernel::copyParametersToContext(ContextImpl&, const EamForce& force) {
  ContextSelector selector(cc_);
  if (force.getNumParticles() != numAtoms_) throw OpenMMException("EamForce: the number of particles changed");
  for (int i = 0; i < numAtoms_; ++i) atomElement_[i] = force.getParticleElement(i);
  element_.upload(atomElement_);
}

std::array<double, 6> CommonCalcEamForceKernel::getVirial(ContextImpl&) {
  ContextSelector selector(cc_);
  std::array<double, 6> w{};
  if (cc_.getUseDoublePrecision() || cc_.getUseMixedPrecision()) {
    std::vector<double> v;
    virial_.download(v);
    for (size_t k = 0; k < v.size(); ++k) w[k % 6] += v[k];
  } else {
    std::vector<float> v;
    virial_.download(v);
    for (size_t k = 0; k < v.size(); ++k) w[k % 6] += v[k];
  }
  return w;
}

}  // namespace EamPlugin
