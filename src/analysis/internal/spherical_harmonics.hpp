#pragma once
// Spherical harmonics Y_lm(theta, phi) of a bond direction, for all l <= lmax
// at once, with the Condon-Shortley phase (the convention of std::sph_legendre,
// Jackson and Steinhardt et al. 1983): Y_{l,-m} = (-1)^m conj(Y_lm).
// One call per bond fills every (l, m) through the standard three-term
// recurrences of the normalised associated Legendre functions, which is far
// cheaper than evaluating each (l, m) separately; tests check it against
// std::sph_legendre.
#include <complex>
#include <vector>

#include "core/vec3.hpp"

namespace gb::analysis {

class SphericalHarmonics {
 public:
  explicit SphericalHarmonics(int lmax);
  /// Evaluate every Y_lm for the direction of r (any length > 0).
  void evaluate(const Vec3& r);
  /// Y_lm of the last evaluate(), any -l <= m <= l, l <= lmax.
  std::complex<double> operator()(int l, int m) const;
  int lmax() const { return lmax_; }

 private:
  static size_t slot(int l, int m) { return static_cast<size_t>(l) * (l + 1) / 2 + m; }
  int lmax_;
  std::vector<double> plm_;               // normalised P_l^m(cos theta), m >= 0, incl. sqrt((2l+1)/4pi ...)
  std::vector<std::complex<double>> eimphi_;  // e^{i m phi}, m = 0..lmax
  std::vector<double> a_;                 // recurrence coefficients sqrt((4l^2-1)/(l^2-m^2))
};

}  // namespace gb::analysis
