#include "analysis/vft_fit.hpp"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "analysis/linear_fit.hpp"
#include "core/error.hpp"

namespace gb::analysis {

double VftFit::predict_ln(double T) const {
  const double s = kind == ArrheniusKind::kRate ? -1.0 : 1.0;
  return ln_prefactor.value + s * B_K.value / (T - T0_K.value);
}

namespace {

struct Data {
  const std::vector<double>* T;
  const std::vector<double>* ln_y;
  double sign;   // +1 time-like, -1 rate-like
  double T_min;  // T0 = T_min - exp(v)
};

// Residual ln y_model - ln y of the parameters (ln y0, B, v).
int residual(const gsl_vector* p, void* params, gsl_vector* f) {
  const Data& d = *static_cast<const Data*>(params);
  const double lnA = gsl_vector_get(p, 0), B = gsl_vector_get(p, 1), T0 = d.T_min - std::exp(gsl_vector_get(p, 2));
  for (size_t i = 0; i < d.T->size(); ++i)
    gsl_vector_set(f, i, lnA + d.sign * B / ((*d.T)[i] - T0) - (*d.ln_y)[i]);
  return GSL_SUCCESS;
}

int jacobian(const gsl_vector* p, void* params, gsl_matrix* J) {
  const Data& d = *static_cast<const Data*>(params);
  const double B = gsl_vector_get(p, 1), e = std::exp(gsl_vector_get(p, 2)), T0 = d.T_min - e;
  for (size_t i = 0; i < d.T->size(); ++i) {
    const double u = 1.0 / ((*d.T)[i] - T0);
    gsl_matrix_set(J, i, 0, 1.0);
    gsl_matrix_set(J, i, 1, d.sign * u);
    gsl_matrix_set(J, i, 2, d.sign * B * u * u * -e);  // d/dT0 times dT0/dv
  }
  return GSL_SUCCESS;
}

struct Start {
  double chi2, lnA, B, T0;
};

// The straight line of ln y against 1/(T - T0) for a fixed T0.
Start line_at(const std::vector<double>& T, const std::vector<double>& ln_y, const std::vector<double>& sigma_ln,
              double sign, double T0) {
  std::vector<double> x(T.size());
  for (size_t i = 0; i < T.size(); ++i) x[i] = 1.0 / (T[i] - T0);
  const LineFit l = fit_line(x, ln_y, sigma_ln);
  return {l.chi2, l.intercept.value, sign * l.slope.value, T0};
}

}  // namespace

VftFit fit_vft(const std::vector<double>& T, const std::vector<double>& yv, const std::vector<double>& sv,
               ArrheniusKind kind, double confidence) {
  const size_t n = T.size();
  const bool weighted = !sv.empty();
  if (yv.size() != n || (weighted && sv.size() != n))
    throw InputError("VFT fit: temperature, value and error columns differ in length");
  if (n < (weighted ? 3u : 4u))
    throw InputError("VFT fit: need at least " + std::string(weighted ? "3" : "4") + " points, got " +
                     std::to_string(n));
  std::vector<double> ln_y(n), sigma_ln, wts(n, 1.0);
  for (size_t i = 0; i < n; ++i) {
    if (!(T[i] > 0)) throw InputError("VFT fit: temperature must be positive, point " + std::to_string(i + 1));
    if (!(yv[i] > 0)) throw InputError("VFT fit: values must be positive (log taken), point " + std::to_string(i + 1));
    ln_y[i] = std::log(yv[i]);
    if (weighted) {
      if (!(sv[i] > 0)) throw InputError("VFT fit: errors must be positive, point " + std::to_string(i + 1));
      sigma_ln.push_back(sv[i] / yv[i]);
      wts[i] = 1.0 / (sigma_ln.back() * sigma_ln.back());
    }
  }
  const double tmin = *std::min_element(T.begin(), T.end()), tmax = *std::max_element(T.begin(), T.end());
  if (!(tmax > tmin)) throw InputError("VFT fit: temperatures must not all be equal");
  const double sign = kind == ArrheniusKind::kRate ? -1.0 : 1.0;

  // Start: the best of a coarse T0 scan over [0, tmin), denser near tmin.
  const Start at_zero = line_at(T, ln_y, sigma_ln, sign, 0.0);
  Start best = at_zero;
  const int scan = 40;
  for (int k = 1; k < scan; ++k) {
    const Start s = line_at(T, ln_y, sigma_ln, sign, tmin * (1.0 - std::pow(1.0 - double(k) / scan, 2)));
    if (s.chi2 < best.chi2) best = s;
  }

  Start opt = at_zero;
  if (best.T0 > 0) {
    Data d{&T, &ln_y, sign, tmin};
    gsl_multifit_nlinear_fdf fdf{};
    fdf.f = residual;
    fdf.df = jacobian;
    fdf.fvv = nullptr;
    fdf.n = n;
    fdf.p = 3;
    fdf.params = &d;
    gsl_multifit_nlinear_parameters par = gsl_multifit_nlinear_default_parameters();
    std::unique_ptr<gsl_multifit_nlinear_workspace, decltype(&gsl_multifit_nlinear_free)> w(
        gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, n, 3), gsl_multifit_nlinear_free);
    double p0[3] = {best.lnA, best.B, std::log(tmin - best.T0)};
    gsl_vector_view pv = gsl_vector_view_array(p0, 3);
    gsl_vector_view wv = gsl_vector_view_array(wts.data(), n);
    gsl_error_handler_t* old = gsl_set_error_handler_off();
    int info = 0;
    int status = gsl_multifit_nlinear_winit(&pv.vector, &wv.vector, &fdf, w.get());
    if (status == GSL_SUCCESS) status = gsl_multifit_nlinear_driver(500, 1e-12, 1e-12, 1e-12, nullptr, nullptr, &info, w.get());
    gsl_set_error_handler(old);
    const gsl_vector* p = gsl_multifit_nlinear_position(w.get());
    const gsl_vector* r = gsl_multifit_nlinear_residual(w.get());  // weighted residuals
    double chi2 = 0;
    gsl_blas_ddot(r, r, &chi2);
    const double T0 = tmin - std::exp(gsl_vector_get(p, 2));
    // Keep the solver's optimum unless it failed outright; never accept a worse one than the scan's start.
    if ((status == GSL_SUCCESS || status == GSL_EMAXITER) && std::isfinite(chi2) && chi2 <= best.chi2)
      opt = {chi2, gsl_vector_get(p, 0), gsl_vector_get(p, 1), T0};
    else
      opt = best;
    if (!(opt.T0 > 0) || at_zero.chi2 <= opt.chi2) opt = at_zero;
  }

  VftFit f;
  f.kind = kind;
  f.points = static_cast<int>(n);
  f.dof = static_cast<int>(n) - 3;
  f.rss = opt.chi2;
  f.confidence = confidence;
  f.absolute_sigma = weighted;
  f.T0_at_bound = opt.T0 <= 0.0;
  // Covariance of (ln y0, B, T0): (J^T W J)^-1 from the weighted Jacobian in these parameters.
  std::unique_ptr<gsl_matrix, decltype(&gsl_matrix_free)> J(gsl_matrix_alloc(n, 3), gsl_matrix_free),
      cov(gsl_matrix_alloc(3, 3), gsl_matrix_free);
  for (size_t i = 0; i < n; ++i) {
    const double u = 1.0 / (T[i] - opt.T0), sw = std::sqrt(wts[i]);
    gsl_matrix_set(J.get(), i, 0, sw);
    gsl_matrix_set(J.get(), i, 1, sw * sign * u);
    gsl_matrix_set(J.get(), i, 2, sw * sign * opt.B * u * u);
  }
  gsl_error_handler_t* old = gsl_set_error_handler_off();
  const int cs = gsl_multifit_nlinear_covar(J.get(), 0.0, cov.get());
  gsl_set_error_handler(old);
  double scale = 1.0;
  if (f.dof > 0) scale = weighted ? std::max(1.0, f.rss / f.dof) : f.rss / f.dof;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      f.covariance[i][j] = cs == GSL_SUCCESS ? gsl_matrix_get(cov.get(), i, j) * scale
                                             : std::numeric_limits<double>::quiet_NaN();
  const int q_dof = weighted ? 0 : std::max(1, f.dof);
  f.ln_prefactor = make_estimate(opt.lnA, f.covariance[0][0], confidence, q_dof);
  f.B_K = make_estimate(opt.B, f.covariance[1][1], confidence, q_dof);
  f.T0_K = make_estimate(opt.T0, f.covariance[2][2], confidence, q_dof);
  f.prefactor = std::exp(opt.lnA);
  return f;
}

}  // namespace gb::analysis
