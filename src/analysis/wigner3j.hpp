#pragma once
// Wigner 3-j symbols for integer angular momenta, from Racah's exact closed
// formula (e.g. Edmonds, "Angular Momentum in Quantum Mechanics", eq. 3.7.3;
// Messiah App. C), evaluated in long double.  Written here rather than taken
// from a library: Debian's candidates (GSL) would add a dependency for one
// formula, and the tests check it against independent closed forms.
#include <vector>

namespace gb::analysis {

/// ( j1 j2 j3 ; m1 m2 m3 ), 0 if the selection rules forbid it.  Integer j
/// only, j <= 50 (ample for bond-order degrees).
double wigner_3j(int j1, int j2, int j3, int m1, int m2, int m3);

/// The non-zero ( l l l ; m1 m2 m3 ) with m1 + m2 + m3 = 0, the coefficients
/// of the third-order invariant w_l of Steinhardt et al. (1983).
struct Wigner3jTerm {
  int m1, m2, m3;
  double value;
};
std::vector<Wigner3jTerm> wigner_3j_lll(int l);

}  // namespace gb::analysis
