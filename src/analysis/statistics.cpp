#include "analysis/statistics.hpp"

#include <gsl/gsl_cdf.h>

#include <stdexcept>

namespace gb::analysis {

// Student's t from GSL (gsl_cdf_tdist_*); dof <= 0 means the normal limit.
double two_sided_probability(double x, int dof) {
  if (x <= 0) return 0.0;
  const double upper = dof <= 0 ? gsl_cdf_ugaussian_Q(x) : gsl_cdf_tdist_Q(x, dof);
  return 1.0 - 2.0 * upper;
}

double two_sided_quantile(double confidence, int dof) {
  if (!(confidence > 0 && confidence < 1)) throw std::invalid_argument("confidence must be in (0,1)");
  const double p = 0.5 * (1.0 + confidence);
  return dof <= 0 ? gsl_cdf_ugaussian_Pinv(p) : gsl_cdf_tdist_Pinv(p, dof);
}

}  // namespace gb::analysis
