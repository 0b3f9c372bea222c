#include "analysis/wigner3j.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace gb::analysis {

namespace {

constexpr int kMaxJ = 50;
constexpr int kMaxFactorial = 3 * kMaxJ + 1;

long double factorial(int n) {
  static const std::array<long double, kMaxFactorial + 1> table = [] {
    std::array<long double, kMaxFactorial + 1> t{};
    t[0] = 1.0L;
    for (int k = 1; k <= kMaxFactorial; ++k) t[k] = t[k - 1] * k;
    return t;
  }();
  return table.at(static_cast<size_t>(n));
}

}  // namespace

double wigner_3j(int j1, int j2, int j3, int m1, int m2, int m3) {
  if (j1 < 0 || j2 < 0 || j3 < 0 || j1 > kMaxJ || j2 > kMaxJ || j3 > kMaxJ)
    throw std::invalid_argument("wigner_3j: j must be in 0..50");
  // Selection rules: m's sum to zero, |m| <= j, triangle inequality.
  if (m1 + m2 + m3 != 0) return 0.0;
  if (std::abs(m1) > j1 || std::abs(m2) > j2 || std::abs(m3) > j3) return 0.0;
  if (j3 < std::abs(j1 - j2) || j3 > j1 + j2) return 0.0;

  // Racah's formula:
  // (j1 j2 j3; m1 m2 m3) = (-1)^(j1-j2-m3) sqrt(Delta(j1 j2 j3))
  //   * sqrt((j1+m1)!(j1-m1)!(j2+m2)!(j2-m2)!(j3+m3)!(j3-m3)!)
  //   * sum_k (-1)^k / [k! (j3-j2+k+m1)! (j3-j1+k-m2)! (j1+j2-j3-k)! (j1-k-m1)! (j2-k+m2)!]
  // with Delta = (j1+j2-j3)!(j1-j2+j3)!(-j1+j2+j3)!/(j1+j2+j3+1)! and k over
  // every integer that keeps all factorial arguments non-negative.
  const long double delta = factorial(j1 + j2 - j3) * factorial(j1 - j2 + j3) * factorial(-j1 + j2 + j3) /
                            factorial(j1 + j2 + j3 + 1);
  const long double norm = std::sqrt(delta * factorial(j1 + m1) * factorial(j1 - m1) * factorial(j2 + m2) *
                                     factorial(j2 - m2) * factorial(j3 + m3) * factorial(j3 - m3));
  const int kmin = std::max({0, j2 - j3 - m1, j1 - j3 + m2});
  const int kmax = std::min({j1 + j2 - j3, j1 - m1, j2 + m2});
  long double sum = 0.0L;
  for (int k = kmin; k <= kmax; ++k) {
    const long double term = 1.0L / (factorial(k) * factorial(j3 - j2 + k + m1) * factorial(j3 - j1 + k - m2) *
                                     factorial(j1 + j2 - j3 - k) * factorial(j1 - k - m1) * factorial(j2 - k + m2));
    sum += (k % 2 ? -term : term);
  }
  const int phase_exp = j1 - j2 - m3;
  const long double phase = (phase_exp % 2 == 0) ? 1.0L : -1.0L;
  return static_cast<double>(phase * norm * sum);
}

std::vector<Wigner3jTerm> wigner_3j_lll(int l) {
  std::vector<Wigner3jTerm> terms;
  for (int m1 = -l; m1 <= l; ++m1)
    for (int m2 = -l; m2 <= l; ++m2) {
      const int m3 = -m1 - m2;
      if (m3 < -l || m3 > l) continue;
      const double v = wigner_3j(l, l, l, m1, m2, m3);
      if (v != 0.0) terms.push_back({m1, m2, m3, v});
    }
  return terms;
}

}  // namespace gb::analysis
