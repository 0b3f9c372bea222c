#include "analysis/internal/spherical_harmonics.hpp"

#include <cmath>
#include <stdexcept>

namespace gb::analysis {

SphericalHarmonics::SphericalHarmonics(int lmax) : lmax_(lmax) {
  if (lmax < 0 || lmax > 100) throw std::invalid_argument("SphericalHarmonics: lmax must be in 0..100");
  plm_.assign(slot(lmax, lmax) + 1, 0.0);
  eimphi_.assign(static_cast<size_t>(lmax) + 1, 1.0);
  a_.assign(plm_.size(), 0.0);
  for (int m = 0; m <= lmax; ++m)
    for (int l = m + 1; l <= lmax; ++l)
      a_[slot(l, m)] = std::sqrt((4.0 * l * l - 1.0) / (static_cast<double>(l) * l - static_cast<double>(m) * m));
}

void SphericalHarmonics::evaluate(const Vec3& r) {
  const double rr = r.norm();
  if (!(rr > 0)) throw std::invalid_argument("SphericalHarmonics: zero-length bond");
  const double x = r.z / rr;                              // cos(theta)
  const double rho = std::sqrt(r.x * r.x + r.y * r.y);
  const double s = rho / rr;                              // sin(theta) >= 0
  const std::complex<double> e1 = rho > 0 ? std::complex<double>(r.x / rho, r.y / rho) : 1.0;
  for (int m = 1; m <= lmax_; ++m) eimphi_[m] = eimphi_[m - 1] * e1;

  // Normalised functions Pbar_l^m = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m,
  // P_l^m with the Condon-Shortley phase.  Diagonal, then first off-diagonal,
  // then the stable upward recurrence in l (e.g. Numerical Recipes 3rd ed. 6.7):
  //   Pbar_m^m     = -sqrt((2m+1)/(2m)) sin(theta) Pbar_{m-1}^{m-1},  Pbar_0^0 = 1/sqrt(4 pi)
  //   Pbar_{m+1}^m = sqrt(2m+3) x Pbar_m^m
  //   Pbar_l^m     = a_lm (x Pbar_{l-1}^m - Pbar_{l-2}^m / a_{l-1,m}),  a_lm = sqrt((4l^2-1)/(l^2-m^2))
  double pmm = 1.0 / std::sqrt(4.0 * M_PI);
  for (int m = 0; m <= lmax_; ++m) {
    if (m > 0) pmm *= -std::sqrt((2.0 * m + 1.0) / (2.0 * m)) * s;
    plm_[slot(m, m)] = pmm;
    if (m + 1 <= lmax_) plm_[slot(m + 1, m)] = std::sqrt(2.0 * m + 3.0) * x * pmm;
    for (int l = m + 2; l <= lmax_; ++l)
      plm_[slot(l, m)] = a_[slot(l, m)] * (x * plm_[slot(l - 1, m)] - plm_[slot(l - 2, m)] / a_[slot(l - 1, m)]);
  }
}

std::complex<double> SphericalHarmonics::operator()(int l, int m) const {
  const int am = m < 0 ? -m : m;
  const std::complex<double> y = plm_[slot(l, am)] * eimphi_[am];
  if (m >= 0) return y;
  return (am % 2 ? -1.0 : 1.0) * std::conj(y);
}

}  // namespace gb::analysis
