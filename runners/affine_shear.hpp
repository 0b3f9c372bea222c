#pragma once
// Oscillatory xy shear of an OpenMM context (MD-DMA, paper Methods): the box
// tilt xy is set to eps(t) * ly and every position is remapped affinely,
// x += (xy_new - xy_old) * y / ly, as LAMMPS `fix deform ... xy wiggle ...
// remap x` does; velocities are left alone (no streaming profile is added,
// as with LAMMPS remap x).  OpenMM boxes start at the origin, so y is the
// height above the box bottom; unwrapped positions transform consistently
// with their images.
#include <OpenMM.h>

namespace gb::runners {

/// Largest |strain| a reduced OpenMM box allows: |xy| <= lx / 2.
double max_xy_strain(const OpenMM::Vec3 box[3]);

/// Set the xy tilt to strain * ly (ly unchanged) with affine remapping.
/// Throws gb::InputError if |strain| exceeds max_xy_strain.
void set_xy_strain(OpenMM::Context& ctx, double strain);

/// Strain of the sinusoid eps_A sin(2 pi f t) at time t (ps; f in 1/ps).
double sinusoidal_strain(double amplitude, double frequency_per_ps, double t_ps);

}  // namespace gb::runners
