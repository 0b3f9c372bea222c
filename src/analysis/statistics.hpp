#pragma once
// Small statistics helpers for confidence intervals of fitted parameters.
namespace gb::analysis {

/// Two-sided quantile: the x with P(|X| < x) = confidence for Student's t
/// with `dof` degrees of freedom (dof <= 0: the normal distribution).
/// E.g. confidence 0.95, dof 8 -> 2.306; dof 0 -> 1.960.
double two_sided_quantile(double confidence, int dof);

/// P(|T| < x) for Student's t with dof degrees of freedom (dof <= 0: normal).
double two_sided_probability(double x, int dof);

}  // namespace gb::analysis
