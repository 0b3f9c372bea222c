#include "analysis/statistics.hpp"

#include <gsl/gsl_cdf.h>

#include <algorithm>
#include <cmath>
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

std::pair<double, double> mean_and_block_error(const std::vector<double>& v, int blocks) {
  if (v.empty()) return {NAN, NAN};
  double m = 0;
  for (double x : v) m += x;
  m /= static_cast<double>(v.size());
  const int nb = std::min<int>(blocks, static_cast<int>(v.size()));
  if (nb < 2) return {m, NAN};
  const size_t len = v.size() / static_cast<size_t>(nb);
  std::vector<double> bm;
  for (int b = 0; b < nb; ++b) {
    double s = 0;
    for (size_t i = static_cast<size_t>(b) * len; i < static_cast<size_t>(b + 1) * len; ++i) s += v[i];
    bm.push_back(s / static_cast<double>(len));
  }
  double bmean = 0, ss = 0;
  for (double x : bm) bmean += x / nb;
  for (double x : bm) ss += (x - bmean) * (x - bmean);
  return {m, std::sqrt(ss / (nb - 1) / nb)};
}

}  // namespace gb::analysis
