#ifndef GLASSBENCH_EAMFORCE_H_
#define GLASSBENCH_EAMFORCE_H_
// EamForce: the embedded-atom method as a native OpenMM force (glassbench's
// EAM plugin).  OpenMM has no EAM force; the CustomGBForce formulation
// works but is slow (its CPU kernel rebuilds a neighbour list without skin
// every call and makes three pair passes).  This force evaluates
//
//   E = sum_i F_{e(i)}(rho_i) + 1/2 sum_{i != j} z2r_{e(i)e(j)}(r_ij) / r_ij
//   rho_i = sum_{j != i} density_{e(j) -> e(i)}(r_ij)
//
// from uniform tables exactly as LAMMPS pair_style eam* interpolates them
// (cubic Hermite pieces with 5-point slopes; value clamped and end slope
// kept past the last knot; F extrapolated linearly above
// rhoExtrapolationStart).  Units are OpenMM's: nm, kJ/mol.
//
// Platforms: Reference (double; the accuracy oracle), CPU (double, half
// neighbour list with skin, OpenMP threads = the platform's Threads
// property), OpenCL and CUDA (common kernels, mixed precision by default).
#include <array>
#include <string>
#include <vector>

#include "openmm/Context.h"
#include "openmm/Force.h"

namespace EamPlugin {

/// The potential's tables in OpenMM units.  Knot k of an r table sits at
/// r = k*dr (nm), of an embedding table at rho = k*drho.
struct EamTables {
  std::vector<std::string> elements;
  int nrho = 0;
  double drho = 0;
  int nr = 0;
  double dr = 0;      // nm
  double cutoff = 0;  // nm
  /// F continues linearly (end slope) above this density (LAMMPS: rho_max
  /// for setfl/fs; for funcfl one grid step past the resampled table).
  double rhoExtrapolationStart = 0;
  std::vector<std::vector<double>> embedding;  // [element][nrho], kJ/mol
  std::vector<std::vector<double>> density;    // [src*ne + dst][nr]: what dst receives from src
  std::vector<std::vector<double>> z2r;        // [a*ne + b][nr]: r*phi, kJ/mol*nm (symmetric)
  int numElements() const { return static_cast<int>(elements.size()); }
  /// Throws OpenMM::OpenMMException describing the first inconsistency.
  void validate() const;
};

class EamForce : public OpenMM::Force {
 public:
  EamForce() = default;
  explicit EamForce(const EamTables& tables);

  void setTables(const EamTables& tables);
  const EamTables& getTables() const { return tables_; }

  /// Add a particle of element `element` (index into getTables().elements);
  /// returns its index, which must equal the System's particle index.
  int addParticle(int element);
  int getNumParticles() const { return static_cast<int>(element_.size()); }
  int getParticleElement(int index) const;
  void setParticleElement(int index, int element);

  double getCutoffDistance() const { return tables_.cutoff; }
  bool usesPeriodicBoundaryConditions() const override { return periodic_; }
  /// true (default): periodic box; false: isolated cluster.
  void setUsesPeriodicBoundaryConditions(bool periodic) { periodic_ = periodic; }
  /// Neighbour-list skin in nm (CPU/OpenCL/CUDA kernels), default 0.1 nm.
  double getNeighborSkin() const { return skin_; }
  void setNeighborSkin(double skin_nm);

  /// Copy particle elements to a Context after setParticleElement().
  void updateParametersInContext(OpenMM::Context& context);
  /// Virial at the last evaluation in `context` that included the energy
  /// (OpenCL/CUDA skip it in force-only MD steps): W = sum over pairs of
  /// r_ij (x) f_ij (kJ/mol), xx yy zz xy xz yz.  Pressure: trace W / (3V).
  std::array<double, 6> getVirial(OpenMM::Context& context);

 protected:
  OpenMM::ForceImpl* createImpl() const override;

 private:
  EamTables tables_;
  std::vector<int> element_;
  bool periodic_ = true;
  double skin_ = 0.1;
};

/// Register the Reference and CPU kernels, the serialization proxy and load
/// the GPU plugin libraries found in `pluginDir` (libGlassbenchEamOpenCL.so,
/// libGlassbenchEamCUDA.so); call once after OpenMM's own plugins were
/// loaded.  Returns load errors of the GPU libraries (empty if none).
std::vector<std::string> registerEamPlugin(const std::string& pluginDir);

}  // namespace EamPlugin

#endif
