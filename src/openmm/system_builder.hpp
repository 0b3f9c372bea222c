#pragma once
// Build an OpenMM System for an EAM metal from a LAMMPS-side configuration.
//
//   gb::EamPotential pot = gb::read_eam("CuZr_mm.eam.fs");
//   gb::AtomConfig cfg = gb::read_lammps_data("start.data");
//   std::vector<int> elem_of_type = gb::map_elements(pot, {"Cu", "Zr"});
//   gb::EamSystem s = gb::build_eam_system(cfg, pot, elem_of_type);
//   gb::PlatformChoice pc = gb::choose_platform({...});
//   s.force_options.tables.max_table_points was chosen by the caller, e.g.
//       opts.tables.max_table_points = gb::default_table_points(pc.name);
//   OpenMM::VerletIntegrator integ(0.002);
//   std::unique_ptr<OpenMM::Context> ctx = gb::make_context(*s.system, integ, pc);
//   ctx->setPositions(s.positions_nm);  (and s.velocities_nm_per_ps if present)
//
// Particle k of the System is atom k of `cfg` (same order; ids and types are
// kept here to map back).  Positions are shifted so the box origin is 0 (OpenMM
// boxes start at 0).  Masses come from the data file's Masses section when
// present, else from the potential file.  The box becomes OpenMM's reduced
// triclinic form a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz) -- the LAMMPS
// convention; tilts beyond half an edge are reduced by lattice vectors (same
// periodic lattice, so nothing physical changes).
#include <memory>
#include <string>
#include <vector>

#include <OpenMM.h>

#include "core/atom_config.hpp"
#include "EamForce.h"
#include "openmm/eam_force.hpp"
#include "potential/eam_potential.hpp"

namespace gb {

struct EamSystem {
  std::unique_ptr<OpenMM::System> system;
  std::shared_ptr<EamForce> eam;            // the force's description (tables, elements)
  int eam_force_index = -1;                 // index of the EAM force in `system`
  EamImplementation implementation = EamImplementation::Custom;  // which one it is
  EamPlugin::EamForce* native = nullptr;    // the native force (owned by `system`), if native
  std::vector<OpenMM::Vec3> positions_nm;   // box origin moved to 0
  std::vector<OpenMM::Vec3> velocities_nm_per_ps;  // empty if the config has no velocities
  OpenMM::Vec3 box_nm[3];                   // reduced periodic box vectors
  std::vector<long> ids;                    // LAMMPS id of particle k
  std::vector<int> types;                   // LAMMPS type of particle k
  std::vector<double> masses_amu;           // mass of particle k
  Vec3 origin_A;                            // LAMMPS box origin (add back when writing)
};

/// element_of_type[t-1]: element index in `pot` of LAMMPS type t.
/// Before making a Context, call require_platform_supports_box(platform,
/// cfg.box.triclinic()) (eam_force.hpp): the CPU platform mishandles
/// triclinic boxes for this force.
/// Throws gb::InputError for a box OpenMM cannot represent (cutoff more
/// than half the box's perpendicular width) or types without an element.
EamSystem build_eam_system(const AtomConfig& cfg, const EamPotential& pot, const std::vector<int>& element_of_type,
                           const EamForceOptions& options = {});

/// The LAMMPS box of `cfg` as OpenMM reduced box vectors in nm.
void openmm_box_vectors(const Box& box, OpenMM::Vec3 out_nm[3]);

}  // namespace gb
