#include "openmm/eam_force.hpp"

#include <OpenMM.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/error.hpp"

namespace gb {

namespace {
std::string num(double x) { return fmt::format("{:.17g}", x); }

// 2^52: floor(x * 2^52) / 2^52 drops only bits below 2^-52 of x.
constexpr double kStopScale = 4503599627370496.0;

void add_coefficients(OpenMM::CustomGBForce& f, const std::string& name, const CoefficientTable& t) {
  for (int j = 0; j < 4; ++j)
    f.addTabulatedFunction(name + std::to_string(j), new OpenMM::Discrete1DFunction(t.c[j]));
}

// Expression evaluating LAMMPS's cubic of coefficient table `name` at x,
// with block offset `base`.  Sets `<name>v` (value) and, if `slope`,
// `<name>d` (d value / dx).  Interval k = floor(x/h) clamped to
// [kmin, segments-1], u = x/h - k clamped above at 1: LAMMPS's lookup.
//
// Past the last knot (u clamped at 1) LAMMPS keeps the value at the end knot
// but uses the END SLOPE as the derivative (pair_eam.cpp: p = MIN(p, 1.0)
// feeds both the value and the derivative cubic), so its force there is not
// the derivative of its energy.  Funcfl files resampled by LAMMPS end one
// grid step short of their cutoff (Cu_smf7.eam: last knot 4.940 A, cutoff
// 4.95 A), so pairs in that sliver feel that slope.  Lepton differentiates
// the clamped value to 0; to reproduce LAMMPS, the value gets
//   slope(u) * (w - stop(w)),   w = max(t - kk - 1, 0) (grid steps past the end),
// where stop(w) = floor(w*2^52)/2^52 equals w to within 2^-52 but has zero
// derivative (Lepton: d floor = 0).  The term adds < 2^-52 grid steps times
// the slope to the value (far below rounding) and exactly slope * dw/dx to
// the derivative; inside the table w = 0 and it vanishes identically.
std::string stop_gradient(const std::string& x) { return fmt::format("floor(({0})*{1})/{1}", x, num(kStopScale)); }

std::string cubic_defs(const std::string& name, const std::string& x, const std::string& base,
                       const CoefficientTable& t, bool clamp_below, bool slope) {
  const std::string kk = clamp_below ? fmt::format("max(0, min(floor({0}t), {1}))", name, t.segments - 1)
                                     : fmt::format("min(floor({0}t), {1})", name, t.segments - 1);
  std::string d = fmt::format(
      "{0}v = {0}c0 + {0}u*({0}c1 + {0}u*({0}c2 + {0}u*{0}c3)) "
      "+ ({0}c1 + {0}u*(2*{0}c2 + 3*{0}u*{0}c3)) * ({0}w - {5}); {0}w = max({0}t - {0}kk - 1, 0); "
      "{0}c0 = {0}0({0}k); {0}c1 = {0}1({0}k); {0}c2 = {0}2({0}k); {0}c3 = {0}3({0}k); "
      "{0}k = {0}kk + {1}; {0}u = min({0}t - {0}kk, 1); {0}kk = {2}; {0}t = {3} * {4}",
      name, base, kk, x, num(t.inv_h), stop_gradient(name + "w"));
  if (slope) d = fmt::format("{0}d = ({0}c1 + {0}u*(2*{0}c2 + 3*{0}u*{0}c3)) * {1}; ", name, num(t.inv_h)) + d;
  return d;
}
}  // namespace

void require_platform_supports_box(const std::string& platform_name, bool triclinic_box,
                                   EamImplementation implementation) {
  if (implementation == EamImplementation::Native) return;
  std::string n = platform_name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (triclinic_box && n == "cpu")
    throw InputError(
        "OpenMM's CPU platform computes CustomGBForce (EAM) distances as for a rectangular box and gives wrong "
        "energies for triclinic boxes (openmm/openmm#5387); use --platform Reference or OpenCL/CUDA for this box");
}

EamForce::EamForce(const EamPotential& pot, std::vector<int> element_of_particle, EamForceOptions opt)
    : element_(std::move(element_of_particle)), opt_(opt), source_(pot.source) {
  if (opt_.tables.interpolation == EamInterpolation::LammpsHermite)
    hermite_ = std::make_shared<EamHermiteTables>(pot);
  else
    spline_ = std::make_shared<EamTables>(pot, opt_.tables);
  for (size_t k = 0; k < element_.size(); ++k)
    if (element_[k] < 0 || element_[k] >= pot.nelements())
      throw std::invalid_argument(fmt::format("EamForce: particle {} has element index {} but '{}' has {} elements",
                                              k, element_[k], pot.source, pot.nelements()));
}

double EamForce::cutoff_nm() const { return hermite_ ? hermite_->cutoff_nm() : spline_->cutoff_nm(); }
double EamForce::rho_max() const { return hermite_ ? hermite_->rho_max() : spline_->rho_max(); }

OpenMM::CustomGBForce* EamForce::base_force() const {
  auto* f = new OpenMM::CustomGBForce();
  f->setNonbondedMethod(opt_.periodic ? OpenMM::CustomGBForce::CutoffPeriodic
                                      : OpenMM::CustomGBForce::CutoffNonPeriodic);
  f->setCutoffDistance(cutoff_nm());
  f->addPerParticleParameter("src");  // block offset as density source / first pair index
  f->addPerParticleParameter("dst");  // block offset as density receiver / second pair index
  f->addPerParticleParameter("emb");  // embedding block offset
  std::vector<double> p(3);
  if (hermite_) {
    const EamHermiteTables& t = *hermite_;
    const int ne = t.nelements(), sr = t.density().segments, srho = t.embedding().segments;
    add_coefficients(*f, "D", t.density());
    for (int e : element_) {
      p[0] = static_cast<double>(e) * ne * sr;
      p[1] = static_cast<double>(e) * sr;
      p[2] = static_cast<double>(e) * srho;
      f->addParticle(p);
    }
    // Particle 1 receives density from particle 2: block (src = e2, dst = e1).
    f->addComputedValue("rho", "Dv; " + cubic_defs("D", "r", "src2 + dst1", t.density(), false, false),
                        OpenMM::CustomGBForce::ParticlePairNoExclusions);
    return f;
  }
  const EamTables& t = *spline_;
  f->addTabulatedFunction("dens", new OpenMM::Continuous1DFunction(t.density().values, 0.0, t.density().x_max()));
  const double sr = t.density().span, srho = t.embedding().span;
  const int ne = t.nelements();
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
  OpenMM::CustomGBForce* f = base_force();
  f->setName("EAM");
  if (hermite_) {
    const EamHermiteTables& t = *hermite_;
    add_coefficients(*f, "Z", t.z2r());
    add_coefficients(*f, "F", t.embedding());
    // LAMMPS: F(rho) + F'(rho_end) * (rho - rho_end) above the table (u is
    // clamped at 1 there, so Fv is the end value and Fd the end slope).
    const std::string rx = num(t.rho_extrapolation_start());
    // The extrapolation's value goes through stop_gradient: its derivative,
    // Fd, already comes from Fv's past-the-end term (LAMMPS's fp = Fd there).
    f->addEnergyTerm(fmt::format("Fv + step(rho - {0}) * {1} * Fd; ", rx, stop_gradient("rho - " + rx)) +
                         cubic_defs("F", "rho", "emb", t.embedding(), true, true),
                     OpenMM::CustomGBForce::SingleParticle);
    f->addEnergyTerm("Zv / r; " + cubic_defs("Z", "r", "src1 + dst2", t.z2r(), false, false),
                     OpenMM::CustomGBForce::ParticlePairNoExclusions);
    return f;
  }
  const EamTables& t = *spline_;
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
  const std::string rmax = num(rho_max());
  // 1 if rho > rho_max, 1 if rho < 0, else 0 (step(0) = 1, hence the deltas).
  f->addEnergyTerm(fmt::format("step(rho - {0}) - delta(rho - {0}) + step(-rho) - delta(rho)", rmax),
                   OpenMM::CustomGBForce::SingleParticle);
  return f;
}

}  // namespace gb
