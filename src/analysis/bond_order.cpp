#include "analysis/bond_order.hpp"

#include <cmath>
#include <complex>
#include <limits>
#include <stdexcept>

#include "analysis/internal/spherical_harmonics.hpp"

namespace gb::analysis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Below this sum_m |q_lm|^2 the normalised w^_l is 0/0: report NaN.  Real
/// configurations have sums of order 1e-3 or more; exact symmetry cancels
/// to ~1e-32 in double arithmetic.
constexpr double kVanishingNorm = 1e-24;
}  // namespace

int BondOrder::degree_index(int l) const {
  for (size_t d = 0; d < degrees.size(); ++d)
    if (degrees[d] == l) return static_cast<int>(d);
  return -1;
}

struct BondOrderCalculator::Workspace {
  explicit Workspace(int lmax) : ylm(lmax) {}
  SphericalHarmonics ylm;
  std::vector<std::vector<std::complex<double>>> qlm;  // per degree, index m + l
};

BondOrderCalculator::BondOrderCalculator(BondOrderOptions options) : options_(std::move(options)) {
  if (options_.degrees.empty()) throw std::invalid_argument("bond order: no degrees l given");
  for (int l : options_.degrees) {
    if (l < 0 || l > 50) throw std::invalid_argument("bond order: l must be in 0..50");
    lmax_ = std::max(lmax_, l);
    terms_.push_back(wigner_3j_lll(l));
  }
}

void BondOrderCalculator::invariants(const Vec3* bonds, const double* weights, size_t n, Workspace& ws,
                                     std::vector<BondOrderInvariants>& out) const {
  const size_t nd = options_.degrees.size();
  out.assign(nd, BondOrderInvariants{});
  ws.qlm.resize(nd);
  for (size_t d = 0; d < nd; ++d) ws.qlm[d].assign(2 * options_.degrees[d] + 1, 0.0);
  double wsum = 0;
  for (size_t b = 0; b < n; ++b) {
    const double wt = weights ? weights[b] : 1.0;
    wsum += wt;
    ws.ylm.evaluate(bonds[b]);
    for (size_t d = 0; d < nd; ++d) {
      const int l = options_.degrees[d];
      // m >= 0 only; negative m follow from q_{l,-m} = (-1)^m conj(q_lm).
      for (int m = 0; m <= l; ++m) ws.qlm[d][m + l] += wt * ws.ylm(l, m);
    }
  }
  for (size_t d = 0; d < nd; ++d) {
    const int l = options_.degrees[d];
    auto& q = ws.qlm[d];
    if (n == 0 || !(wsum > 0)) {
      out[d] = {kNaN, kNaN, kNaN};
      continue;
    }
    for (int m = 0; m <= l; ++m) q[m + l] /= wsum;
    for (int m = 1; m <= l; ++m) q[l - m] = (m % 2 ? -1.0 : 1.0) * std::conj(q[l + m]);
    double norm2 = 0;
    for (const auto& c : q) norm2 += std::norm(c);
    double w = 0;
    for (const auto& t : terms_[d]) w += t.value * (q[t.m1 + l] * q[t.m2 + l] * q[t.m3 + l]).real();
    out[d].q = std::sqrt(4.0 * M_PI / (2 * l + 1) * norm2);
    out[d].w = w;
    out[d].w_hat = norm2 > kVanishingNorm ? w / std::pow(norm2, 1.5) : kNaN;
  }
}

BondOrder BondOrderCalculator::compute(const NeighborList& neighbors) const {
  BondOrder result;
  result.degrees = options_.degrees;
  const size_t n = neighbors.atoms();
  result.values.assign(options_.degrees.size(), std::vector<BondOrderInvariants>(n));
  Workspace ws(lmax_);
  std::vector<Vec3> bonds;
  std::vector<double> weights;
  std::vector<BondOrderInvariants> one;
  for (size_t i = 0; i < n; ++i) {
    bonds.clear();
    weights.clear();
    for (const Neighbor* nb = neighbors.begin(i); nb != neighbors.end(i); ++nb) {
      bonds.push_back(nb->bond);
      weights.push_back(nb->face_area);
    }
    if (options_.face_area_weighted) {
      double total = 0;
      for (double a : weights) total += a;
      if (!bonds.empty() && !(total > 0))
        throw std::invalid_argument("bond order: face-area weighting needs Voronoi neighbours (face areas are 0)");
    }
    invariants(bonds.data(), options_.face_area_weighted ? weights.data() : nullptr, bonds.size(), ws, one);
    for (size_t d = 0; d < one.size(); ++d) result.values[d][i] = one[d];
  }
  return result;
}

std::vector<BondOrderInvariants> BondOrderCalculator::shell(const std::vector<Vec3>& bonds,
                                                            const std::vector<double>& weights) const {
  if (!weights.empty() && weights.size() != bonds.size())
    throw std::invalid_argument("bond order: one weight per bond needed");
  Workspace ws(lmax_);
  std::vector<BondOrderInvariants> out;
  invariants(bonds.data(), weights.empty() ? nullptr : weights.data(), bonds.size(), ws, out);
  return out;
}

}  // namespace gb::analysis
