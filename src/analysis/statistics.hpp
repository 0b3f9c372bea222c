#pragma once
// Small statistics helpers for confidence intervals of fitted parameters.
#include <utility>
#include <vector>

namespace gb::analysis {

/// Blocks for the standard error of a stage's mean thermo value (T, P,
/// density) over its correlated production rows: validate's achieved state
/// (validation/thermo_state.hpp) and the density points of alpha_V in both
/// validate and compare use this number.
inline constexpr int kThermoBlocks = 5;

/// Mean of v and the standard error of that mean from min(blocks, n)
/// contiguous blocks of equal length (rows past the last full block count in
/// the mean only); error NaN when fewer than 2 blocks fit; {NaN, NaN} if empty.
std::pair<double, double> mean_and_block_error(const std::vector<double>& v, int blocks = kThermoBlocks);

/// Two-sided quantile: the x with P(|X| < x) = confidence for Student's t
/// with `dof` degrees of freedom (dof <= 0: the normal distribution).
/// E.g. confidence 0.95, dof 8 -> 2.306; dof 0 -> 1.960.
double two_sided_quantile(double confidence, int dof);

/// P(|T| < x) for Student's t with dof degrees of freedom (dof <= 0: normal).
double two_sided_probability(double x, int dof);

}  // namespace gb::analysis
