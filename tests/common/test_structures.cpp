#include "common/test_structures.hpp"

#include <cmath>
#include <vector>

#include "core/structure_builder.hpp"

namespace gb::testing {

AtomConfig cuzr_config(int n, uint64_t seed) {
  const int ncu = static_cast<int>(std::lround(0.64 * n));
  return random_structure({{"Cu", ncu}, {"Zr", n - ncu}}, {63.546, 91.224}, 0.06, 2.0, seed);
}

AtomConfig make_triclinic(AtomConfig cfg, double xy, double xz, double yz) {
  std::vector<Vec3> s;
  for (const auto& p : cfg.positions) s.push_back(cfg.box.to_fractional(p));
  cfg.box.xy = xy;
  cfg.box.xz = xz;
  cfg.box.yz = yz;
  for (size_t i = 0; i < s.size(); ++i) cfg.positions[i] = cfg.box.to_cartesian(s[i]);
  return cfg;
}

}  // namespace gb::testing
