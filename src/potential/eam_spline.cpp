#include "potential/eam_spline.hpp"

#include <stdexcept>

namespace gb {

std::vector<double> EamSpline::knot_slopes(const std::vector<double>& y) {
  const int n = static_cast<int>(y.size());
  if (n < 5) throw std::invalid_argument("EamSpline: need at least 5 table values");
  std::vector<double> s(n);
  s[0] = y[1] - y[0];
  s[1] = 0.5 * (y[2] - y[0]);
  s[n - 2] = 0.5 * (y[n - 1] - y[n - 3]);
  s[n - 1] = y[n - 1] - y[n - 2];
  for (int k = 2; k <= n - 3; ++k) s[k] = ((y[k - 2] - y[k + 2]) + 8.0 * (y[k + 1] - y[k - 1])) / 12.0;
  return s;
}

EamSpline::EamSpline(const std::vector<double>& y, double spacing) {
  const int n = static_cast<int>(y.size());
  if (n < 5) throw std::invalid_argument("EamSpline: need at least 5 table values");
  if (!(spacing > 0)) throw std::invalid_argument("EamSpline: spacing must be positive");
  n_ = n;
  h_ = spacing;
  inv_h_ = 1.0 / spacing;

  const std::vector<double> s = knot_slopes(y);

  // Hermite cubic on [k, k+1]: y_k + s_k u + c2 u^2 + c3 u^3 with the end
  // value y_{k+1} and end slope s_{k+1}.
  seg_.resize(n - 1);
  for (int k = 0; k < n - 1; ++k) {
    const Cubic h = hermite(y[k], s[k], y[k + 1], s[k + 1]);
    Segment& g = seg_[k];
    g.c0 = h.c0;
    g.c1 = h.c1;
    g.c2 = h.c2;
    g.c3 = h.c3;
    g.d0 = g.c1 / spacing;
    g.d1 = 2.0 * g.c2 / spacing;
    g.d2 = 3.0 * g.c3 / spacing;
  }
}

}  // namespace gb
