#include "analysis/order_analysis.hpp"

#include <limits>
#include <stdexcept>

#include "analysis/neighbors_by_distance.hpp"
#include "analysis/voronoi_tessellation.hpp"
#include "core/atom_config.hpp"
#include "core/lammps_dump.hpp"

namespace gb::analysis {

namespace {
const BondOrderInvariants& lookup(const BondOrder& b, int l, size_t i) {
  const int d = b.degree_index(l);
  if (d < 0) throw std::out_of_range("order: l = " + std::to_string(l) + " was not computed");
  return b.values.at(static_cast<size_t>(d)).at(i);
}
}  // namespace

double OrderResult::q(int l, size_t i) const { return lookup(bond_order, l, i).q; }
double OrderResult::w(int l, size_t i) const { return lookup(bond_order, l, i).w; }
double OrderResult::w_hat(int l, size_t i) const { return lookup(bond_order, l, i).w_hat; }

OrderResult compute_order(const Box& box, const std::vector<Vec3>& positions, const OrderOptions& options) {
  OrderResult r;
  r.neighbors = options.neighbors;
  NeighborList list;
  switch (options.neighbors.kind) {
    case NeighborSpec::Kind::Voronoi: {
      auto tess = voronoi_tessellation(box, positions, options.neighbors.min_face_area_fraction);
      r.volume_A3 = std::move(tess.volumes);
      list = std::move(tess.neighbors);
      break;
    }
    case NeighborSpec::Kind::Cutoff:
      list = cutoff_neighbors(box, positions, options.neighbors.cutoff_A);
      break;
    case NeighborSpec::Kind::Nearest:
      list = nearest_neighbors(box, positions, options.neighbors.count);
      break;
  }
  if (options.neighbors.kind != NeighborSpec::Kind::Voronoi) {
    if (options.bond_order.face_area_weighted)
      throw std::invalid_argument("order: face-area weighting needs Voronoi neighbours");
    r.volume_A3.assign(positions.size(), std::numeric_limits<double>::quiet_NaN());
  }
  r.nneigh.resize(list.atoms());
  for (size_t i = 0; i < list.atoms(); ++i) r.nneigh[i] = list.count(i);
  r.bond_order = BondOrderCalculator(options.bond_order).compute(list);
  return r;
}

OrderResult compute_order(const DumpFrame& frame, const OrderOptions& options) {
  return compute_order(frame.box, frame.positions, options);
}

OrderResult compute_order(const AtomConfig& config, const OrderOptions& options) {
  return compute_order(config.box, config.positions, options);
}

}  // namespace gb::analysis
