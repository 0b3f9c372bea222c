#include "CommonEamKernels.h"

#include <algorithm>
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
  skin_ = force.getNeighborSkin();
  // Half list where densities may be summed in 64-bit fixed point (2^-32:
  // finer than float); double precision keeps the full list and double sums.
  halfList_ = cc_.getSupports64BitGlobalAtomics() && !dbl;
  if (halfList_) {  // densities as 64-bit fixed point, zeroed here and then by the embedding kernel
    rho_.initialize<long long>(cc_, numAtoms_, "eamRhoFixed");
    cc_.clearBuffer(rho_);
  } else {
    rho_.initialize(cc_, numAtoms_, mixed ? sizeof(double) : sizeof(float), "eamRho");
  }
  fp_.initialize(cc_, numAtoms_, dbl ? sizeof(double) : sizeof(float), "eamFp");  // real: see the kernel
  nbrStart_.initialize<int>(cc_, numAtoms_ + 1, "eamNbrStart");
  nbr_.initialize<mm_int4>(cc_, 1, "eamNbr");
  refPos_.initialize(cc_, numAtoms_, dbl ? sizeof(mm_double4) : sizeof(mm_float4), "eamRefPos");
  img_.initialize<mm_int4>(cc_, numAtoms_, "eamImage");
  moved_.initialize<int>(cc_, 1, "eamMoved");
  virialThreads_ = cc_.getNumThreadBlocks() * cc_.ThreadBlockSize;
  virial_.initialize(cc_, 6 * virialThreads_, mixed ? sizeof(double) : sizeof(float), "eamVirial");
  cc_.clearBuffer(virial_);

  std::map<std::string, std::string> defines;
  defines["NUM_ATOMS"] = std::to_string(numAtoms_);
  defines["PADDED_NUM_ATOMS"] = std::to_string(cc_.getPaddedNumAtoms());
  defines["NE"] = std::to_string(ne_);
  defines["SEGS"] = std::to_string(t.nr - 1);
  defines["SEGS_RHO"] = std::to_string(t.nrho - 1);
  // Constants as literals of the type they are used with (a double literal
  // turns float arithmetic into double plus conversions): CUTOFF2 enters the
  // real pair test, RDRHO and RHO_EXTRAP mixed F(rho).  RDR stays double:
  // p = r/dr + 1 reaches ~1e3, where float roundings of 1/dr and of the
  // product cost LAMMPS agreement (Al_jnp 3.4e-6 -> 3.9e-6 eV/atom) and no
  // measurable time on PoCL.
  auto literal = [](double x, bool asDouble) {
    if (asDouble) return num(x);
    char b[40];
    std::snprintf(b, sizeof b, "%.9ef", static_cast<double>(static_cast<float>(x)));  // e.g. 1.000000000e+02f
    return std::string(b);
  };
  defines["RDR"] = num(1.0 / t.dr);
  defines["RDRHO"] = literal(1.0 / t.drho, mixed);
  defines["CUTOFF2"] = literal(t.cutoff * t.cutoff, dbl);
  defines["RHO_EXTRAP"] =
      literal(t.rhoExtrapolationStart > 0 ? t.rhoExtrapolationStart : (t.nrho - 1) * t.drho, mixed);
  if (cc_.getSupports64BitGlobalAtomics()) defines["USE_LONG"] = "1";
  if (halfList_) defines["HALF_LIST"] = "1";
  std::string source = kEamKernelSource;
  for (int withEnergy = 0; withEnergy < 2; ++withEnergy) {
    std::string body = kEamForceKernelTemplate;
    body.replace(body.find("FORCE_KERNEL_NAME"), 17, withEnergy ? "computeForcesEnergy" : "computeForces");
    source += "\n#define WITH_ENERGY " + std::to_string(withEnergy) + "\n" + body + "\n#undef WITH_ENERGY\n";
  }
  ComputeProgram program = cc_.compileProgram(source, defines);
  checkKernel_ = program->createKernel("checkDisplacement");
  densityKernel_ = program->createKernel("computeDensity");
  embedKernel_ = program->createKernel("computeEmbedding");
  forceKernel_ = program->createKernel("computeForces");
  forceEnergyKernel_ = program->createKernel("computeForcesEnergy");
  checkKernel_->addArg(cc_.getPosq());
  checkKernel_->addArg(refPos_);
  checkKernel_->addArg(img_);
  for (int k = 0; k < 4; ++k) checkKernel_->addArg();  // dA, dB, dC, maxDisp2: set per step
  checkKernel_->addArg(moved_);
  cc_.addReorderListener(new ReorderListener(listValid_));
}

namespace {

// Real-typed 4-vector kernel argument (float4 unless double precision).
void setReal4(ComputeKernel& k, int index, bool dbl, double x, double y, double z) {
  if (dbl) k->setArg(index, mm_double4(x, y, z, 0));
  else k->setArg(index, mm_float4((float)x, (float)y, (float)z, 0));
}

}  // namespace

// LAMMPS's rule (gb::CellNeighborList::update) with the per-atom part on the
// device: the list stays complete while
//   2 max_k |dl_k| + max_s |n_s . (H - H_build)| <= skin,
// dl_k = x_k - x_k(build) + img_k . (H - H_build) the motion of atom k's
// local position.  The host adds up the box part (a small table), the check
// kernel the atoms' part; only a 4-byte flag is downloaded per step.
void CommonCalcEamForceKernel::updateNeighborList() {
  if (!listValid_) {
    rebuildNeighborList();
    return;
  }
  Vec3 box[3] = {Vec3(), Vec3(), Vec3()};
  if (periodic_) cc_.getPeriodicBoxVectors(box[0], box[1], box[2]);
  const Vec3 dH[3] = {box[0] - buildBox_[0], box[1] - buildBox_[1], box[2] - buildBox_[2]};
  double maxShift = 0;
  for (const auto& n : shiftImages_) {
    const Vec3 s = dH[0] * n[0] + dH[1] * n[1] + dH[2] * n[2];
    maxShift = std::max(maxShift, std::sqrt(s.dot(s)));
  }
  const double allowed = 0.5 * (skin_ - maxShift);  // max |dl_k| keeping the list complete
  if (allowed <= 0) {
    rebuildNeighborList();
    return;
  }
  const bool dbl = cc_.getUseDoublePrecision();
  for (int k = 0; k < 3; ++k) setReal4(checkKernel_, 3 + k, dbl, dH[k][0], dH[k][1], dH[k][2]);
  if (dbl) checkKernel_->setArg(6, allowed * allowed);
  else checkKernel_->setArg(6, static_cast<float>(allowed * allowed));
  checkKernel_->execute(numAtoms_);
  int moved = 0;
  moved_.download(&moved);
  if (moved) rebuildNeighborList();
}

void CommonCalcEamForceKernel::rebuildNeighborList() {
  // Positions in the context's current atom order (posq: float4 or double4).
  const bool dbl = cc_.getUseDoublePrecision();
  std::vector<gb::Vec3> x(numAtoms_);
  std::vector<mm_double4> pd;
  std::vector<mm_float4> pf;
  if (dbl) {
    cc_.getPosq().download(pd);
    for (int i = 0; i < numAtoms_; ++i) x[i] = {pd[i].x, pd[i].y, pd[i].z};
  } else {
    cc_.getPosq().download(pf);
    for (int i = 0; i < numAtoms_; ++i) x[i] = {pf[i].x, pf[i].y, pf[i].z};
  }
  gb::Cell cell;
  cell.periodic = periodic_;
  buildBox_[0] = buildBox_[1] = buildBox_[2] = Vec3();
  if (periodic_) {
    cc_.getPeriodicBoxVectors(buildBox_[0], buildBox_[1], buildBox_[2]);
    cell.a = {buildBox_[0][0], buildBox_[0][1], buildBox_[0][2]};
    cell.b = {buildBox_[1][0], buildBox_[1][1], buildBox_[1][2]};
    cell.c = {buildBox_[2][0], buildBox_[2][1], buildBox_[2][2]};
  }
  list_->build(x, cell, 1);
  listValid_ = true;
  // Integer image of a lattice vector v = n . H (lower-triangular H).
  auto imageOf = [&](const gb::Vec3& v) {
    std::array<int, 3> n{0, 0, 0};
    if (!periodic_) return n;
    n[2] = static_cast<int>(std::lround(v.z / cell.c.z));
    n[1] = static_cast<int>(std::lround((v.y - n[2] * cell.c.y) / cell.b.y));
    n[0] = static_cast<int>(std::lround((v.x - n[1] * cell.b.x - n[2] * cell.c.x) / cell.a.x));
    return n;
  };
  // Build-time cell offsets img_i (local - raw positions) and shift images n_s.
  const auto& loc = list_->local_positions();
  std::vector<mm_int4> img(numAtoms_);
  for (int i = 0; i < numAtoms_; ++i) {
    const auto n = imageOf(loc[i] - x[i]);
    img[i] = mm_int4(n[0], n[1], n[2], 0);
  }
  const auto& shifts = list_->shifts();
  shiftImages_.resize(shifts.size());
  for (size_t s = 0; s < shifts.size(); ++s) shiftImages_[s] = imageOf(shifts[s]);
  // Records (j, m) relative to the RAW positions (the device does not apply
  // build-time wraps): m = img_j - img_i + n_s.  Half list: as built; full
  // list: each pair in both directions (an atom's own image included twice).
  std::vector<int> start(numAtoms_ + 1, 0);
  std::vector<mm_int4> flat;
  auto record = [&](int i, size_t k) {
    const int j = list_->neighbor(k);
    const auto& n = shiftImages_[list_->shift_index(k)];
    return mm_int4(j, img[j].x - img[i].x + n[0], img[j].y - img[i].y + n[1], img[j].z - img[i].z + n[2]);
  };
  if (halfList_) {
    flat.reserve(list_->total_pairs());
    for (int i = 0; i < numAtoms_; ++i) {
      for (size_t k = list_->begin(i); k < list_->end(i); ++k) flat.push_back(record(i, k));
      start[i + 1] = static_cast<int>(flat.size());
    }
  } else {
    std::vector<int> count(numAtoms_, 0);
    for (int i = 0; i < numAtoms_; ++i)
      for (size_t k = list_->begin(i); k < list_->end(i); ++k) {
        ++count[i];
        ++count[list_->neighbor(k)];
      }
    for (int i = 0; i < numAtoms_; ++i) start[i + 1] = start[i] + count[i];
    flat.resize(start[numAtoms_]);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (int i = 0; i < numAtoms_; ++i)
      for (size_t k = list_->begin(i); k < list_->end(i); ++k) {
        const mm_int4 q = record(i, k);
        flat[fill[i]++] = q;
        flat[fill[q.x]++] = mm_int4(i, -q.y, -q.z, -q.w);
      }
  }
  if (flat.empty()) flat.push_back(mm_int4(0, 0, 0, 0));
  if (nbr_.getSize() < static_cast<int>(flat.size())) nbr_.resize(static_cast<int>(flat.size() * 1.2) + 1);
  nbr_.uploadSubArray(flat.data(), 0, static_cast<int>(flat.size()));
  nbrStart_.upload(start);
  img_.upload(img);
  if (dbl) refPos_.upload(pd.data());
  else refPos_.upload(pf.data());
  const int zero = 0;
  moved_.upload(&zero);
}

double CommonCalcEamForceKernel::execute(ContextImpl& context, bool includeForces, bool includeEnergy) {
  ContextSelector selector(cc_);
  updateNeighborList();
  Vec3 a(1, 0, 0), b(0, 1, 0), c(0, 0, 1);
  if (periodic_) cc_.getPeriodicBoxVectors(a, b, c);
  const bool dbl = cc_.getUseDoublePrecision();
  auto setBox = [&](ComputeKernel& k, int first) {
    setReal4(k, first, dbl, a[0], a[1], a[2]);
    setReal4(k, first + 1, dbl, b[0], b[1], b[2]);
    setReal4(k, first + 2, dbl, c[0], c[1], c[2]);
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
    for (ComputeKernel* k : {&forceKernel_, &forceEnergyKernel_}) {
      (*k)->addArg(cc_.getPosq());
      (*k)->addArg(cc_.getAtomIndexArray());
      (*k)->addArg(element_);
      (*k)->addArg(nbrStart_);
      (*k)->addArg(nbr_);
      for (int j = 0; j < 3; ++j) (*k)->addArg();
      (*k)->addArg(pairCoef_);
      (*k)->addArg(fp_);
      (*k)->addArg(cc_.getSupports64BitGlobalAtomics() ? cc_.getLongForceBuffer() : cc_.getForceBuffers());
      (*k)->addArg(cc_.getEnergyBuffer());
      (*k)->addArg(virial_);
    }
  }
  // The pair energy and the virial only when the energy is asked for: MD
  // steps (forces only) skip 7 sums per pair.
  ComputeKernel& force = includeEnergy ? forceEnergyKernel_ : forceKernel_;
  densityKernel_->setArg(4, nbr_);  // nbr_ may have been reallocated
  force->setArg(4, nbr_);
  setBox(densityKernel_, 5);
  setBox(force, 5);
  densityKernel_->execute(numAtoms_);
  embedKernel_->execute(numAtoms_);
  force->execute(numAtoms_);
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
