#pragma once
// The piecewise-cubic interpolation LAMMPS pair_style eam* applies to every
// table, so that our evaluator reproduces LAMMPS to rounding error.
//
// Knots y_k at x = k*h (k = 0..n-1).  Slopes per grid step s_k are estimated
// from the table: one-sided differences at both ends, central differences
// at the second and second-to-last knot, and the fourth-order five-point
// stencil (8(y_{k+1}-y_{k-1}) - (y_{k+2}-y_{k-2}))/12 inside.  Each interval
// is the cubic Hermite polynomial through (y_k, s_k) and (y_{k+1}, s_{k+1});
// the result is C1 but not C2 (not a natural spline).
//
// Lookup follows LAMMPS: t = x/h, interval k = floor(t) clamped to
// [0, n-2], local coordinate u = t - k clamped above at 1.  So beyond the
// last knot the value stays at y_{n-1} and the slope at its end value, and
// below 0 the first interval's cubic is extrapolated.
#include <array>
#include <vector>

namespace gb {

class EamSpline {
 public:
  EamSpline() = default;
  /// values: n >= 5 knots, spacing h > 0 (checked; std::invalid_argument).
  EamSpline(const std::vector<double>& values, double spacing);

  struct ValueSlope {
    double value;
    double slope;  // d value / dx
  };
  ValueSlope eval(double x) const {
    double u = x * inv_h_ + 1.0;  // same operation order as LAMMPS (1-based)
    int m = static_cast<int>(u);
    m = m < 1 ? 1 : (m > n_ - 1 ? n_ - 1 : m);
    u -= m;
    if (u > 1.0) u = 1.0;
    const Segment& s = seg_[m - 1];
    return {((s.c3 * u + s.c2) * u + s.c1) * u + s.c0, (s.d2 * u + s.d1) * u + s.d0};
  }
  double value(double x) const { return eval(x).value; }
  int size() const { return n_; }
  double spacing() const { return h_; }
  double x_max() const { return (n_ - 1) * h_; }

  struct Segment {
    double c0, c1, c2, c3;  // value polynomial in u (per grid step)
    double d0, d1, d2;      // its derivative, already divided by h
  };
  /// The slope per grid step at every knot (the estimate described at the
  /// top), for kernels that keep knots (y_k, s_k) and form an interval's
  /// cubic on the fly with hermite() -- the very function the constructor
  /// uses, so their values are bitwise those of segment().
  static std::vector<double> knot_slopes(const std::vector<double>& values);
  struct Cubic {
    double c0, c1, c2, c3;  // value polynomial in u (per grid step)
  };
  /// The Hermite cubic through (y0, s0) at u = 0 and (y1, s1) at u = 1.
  static Cubic hermite(double y0, double s0, double y1, double s1) {
    const double dy = y1 - y0;
    return {y0, s0, 3.0 * dy - 2.0 * s0 - s1, s0 + s1 - 2.0 * dy};
  }
  /// Interval k (0..n-2), for kernels that pack their own tables.
  const Segment& segment(int k) const { return seg_[k]; }

 private:
  int n_ = 0;
  double h_ = 0, inv_h_ = 0;
  std::vector<Segment> seg_;  // n-1 intervals
};

}  // namespace gb
