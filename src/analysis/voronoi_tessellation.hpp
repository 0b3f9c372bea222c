#pragma once
// Voronoi tessellation of a periodic box (orthogonal or triclinic) with voro++:
// per-atom neighbours with the shared face areas, and atomic volumes.
//
// voro++'s container_periodic takes exactly LAMMPS's lower-triangular cell
// (a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz)), so one code path serves both
// box shapes.  Bond vectors are taken from the faces themselves (neighbour
// image = centre + 2 d n, with n the face's unit normal and d its distance
// from the centre), which is exact even in boxes so small that an atom sees
// several images of the same neighbour.
#include <vector>

#include "analysis/neighbor_list.hpp"
#include "core/box.hpp"

namespace gb::analysis {

struct VoronoiTessellation {
  NeighborList neighbors;            // one entry per kept face; face_area in Angstrom^2
  std::vector<double> volumes;       // cell volume per atom, Angstrom^3 (sums to the box volume)
  std::vector<double> surface_areas; // total face area per atom before any face was dropped, Angstrom^2
};

/// Tessellate.  Faces whose area is below `min_face_area_fraction` times the
/// cell's total face area are left out of the neighbour list (0 keeps all
/// faces: the paper's plain Voronoi neighbours; OVITO's "relative face area
/// threshold" has the same meaning).  Volumes always use the whole cell.
/// Throws gb::InputError if a cell cannot be built (coincident atoms), naming
/// the 0-based atom position index; std::invalid_argument for a bad box.
VoronoiTessellation voronoi_tessellation(const Box& box, const std::vector<Vec3>& positions,
                                         double min_face_area_fraction = 0.0);

}  // namespace gb::analysis
