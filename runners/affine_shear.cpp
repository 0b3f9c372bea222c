#include "runners/affine_shear.hpp"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "core/error.hpp"

namespace gb::runners {

double max_xy_strain(const OpenMM::Vec3 box[3]) { return 0.5 * box[0][0] / box[1][1]; }

void set_xy_strain(OpenMM::Context& ctx, double strain) {
  const OpenMM::State s = ctx.getState(OpenMM::State::Positions);
  OpenMM::Vec3 box[3];
  s.getPeriodicBoxVectors(box[0], box[1], box[2]);
  if (std::fabs(strain) > max_xy_strain(box))
    throw InputError(fmt::format("shear strain {:g} exceeds what a reduced periodic box allows (|xy| <= lx/2: {:g})",
                                 strain, max_xy_strain(box)));
  const double ly = box[1][1];
  const double dxy = strain * ly - box[1][0];
  std::vector<OpenMM::Vec3> pos = s.getPositions();
  for (auto& p : pos) p[0] += dxy * p[1] / ly;
  ctx.setPeriodicBoxVectors(box[0], OpenMM::Vec3(strain * ly, ly, 0.0), box[2]);
  ctx.setPositions(pos);
}

double sinusoidal_strain(double amplitude, double frequency_per_ps, double t_ps) {
  return amplitude * std::sin(2 * M_PI * frequency_per_ps * t_ps);
}

}  // namespace gb::runners
