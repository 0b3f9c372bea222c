#include "analysis/internal/scattering.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numeric>

#include <fmt/format.h>

#include "analysis/internal/lag_grid.hpp"
#include "core/error.hpp"

namespace gb::analysis {

namespace {

struct Recip {
  Vec3 a, b, c;  // reciprocal vectors including 2 pi
};

Recip reciprocal(const Box& box) {
  const Vec3 A = box.a(), B = box.b(), C = box.c();
  auto cross = [](const Vec3& u, const Vec3& v) {
    return Vec3{u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x};
  };
  const double vol = box.volume();
  const double f = 2 * M_PI / vol;
  const Vec3 bc = cross(B, C), ca = cross(C, A), ab = cross(A, B);
  return {{bc.x * f, bc.y * f, bc.z * f}, {ca.x * f, ca.y * f, ca.z * f}, {ab.x * f, ab.y * f, ab.z * f}};
}

double norm(const Vec3& v) { return std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z); }

}  // namespace

StructureFactor compute_structure_factor(const Trajectory& traj, const StructureFactorOptions& opt) {
  if (traj.frames() == 0 || traj.atoms() == 0) throw InputError({traj.source, 0, 0}, "", "empty trajectory");
  if (!(opt.q_max > 0 && opt.bin > 0)) throw InputError("S(q): q_max and bin must be > 0");
  const size_t nbins = static_cast<size_t>(std::ceil(opt.q_max / opt.bin));
  std::vector<double> Ssum(nbins, 0.0), qsum(nbins, 0.0);
  std::vector<int> nvec(nbins, 0);
  std::vector<size_t> frames;
  const size_t F = traj.frames();
  const size_t use = opt.max_frames > 0 ? std::min<size_t>(F, static_cast<size_t>(opt.max_frames)) : F;
  for (size_t k = 0; k < use; ++k) frames.push_back(use == 1 ? 0 : k * (F - 1) / (use - 1));
  frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
  const size_t N = traj.atoms();
  StructureFactor out;
  for (size_t f : frames) {
    const Box& box = traj.boxes[f];
    const Recip r = reciprocal(box);
    // Largest index per direction: |h| <= q_max / (spacing of the lattice planes' reciprocal).
    const Vec3 w = box.perpendicular_widths();
    const int nh = static_cast<int>(std::floor(opt.q_max * w.x / (2 * M_PI))) + 1;
    const int nk = static_cast<int>(std::floor(opt.q_max * w.y / (2 * M_PI))) + 1;
    const int nl = static_cast<int>(std::floor(opt.q_max * w.z / (2 * M_PI))) + 1;
    // Half space of vectors (q and -q give the same S), binned, capped per bin.
    std::vector<std::vector<std::array<int, 3>>> per_bin(nbins);
    for (int h = 0; h <= nh; ++h)
      for (int k = (h == 0 ? 0 : -nk); k <= nk; ++k)
        for (int l = (h == 0 && k == 0 ? 1 : -nl); l <= nl; ++l) {
          const Vec3 q{h * r.a.x + k * r.b.x + l * r.c.x, h * r.a.y + k * r.b.y + l * r.c.y,
                       h * r.a.z + k * r.b.z + l * r.c.z};
          const double qn = norm(q);
          if (qn >= opt.q_max) continue;
          per_bin[static_cast<size_t>(qn / opt.bin)].push_back({h, k, l});
        }
    // Phase factors exp(i 2 pi m s_d) for each atom, direction d, |m| <= n_d.
    const int n3[3] = {nh, nk, nl};
    std::vector<std::vector<std::complex<double>>> E(3);
    for (int d = 0; d < 3; ++d) E[static_cast<size_t>(d)].assign(N * static_cast<size_t>(2 * n3[d] + 1), {0, 0});
    for (size_t j = 0; j < N; ++j) {
      const Vec3 s = box.to_fractional(traj.positions[f][j]);
      const double sd[3] = {s.x, s.y, s.z};
      for (int d = 0; d < 3; ++d) {
        const int n = n3[d];
        auto* e = &E[static_cast<size_t>(d)][j * static_cast<size_t>(2 * n + 1)];
        const std::complex<double> step = std::polar(1.0, 2 * M_PI * sd[d]);
        e[n] = 1.0;
        for (int m = 1; m <= n; ++m) {
          e[n + m] = e[n + m - 1] * step;
          e[n - m] = std::conj(e[n + m]);
        }
      }
    }
    for (size_t b = 0; b < nbins; ++b) {
      auto& vs = per_bin[b];
      if (vs.empty()) continue;
      size_t stride = 1;
      if (opt.max_vectors_per_bin > 0 && vs.size() > static_cast<size_t>(opt.max_vectors_per_bin))
        stride = (vs.size() + opt.max_vectors_per_bin - 1) / opt.max_vectors_per_bin;
      for (size_t v = 0; v < vs.size(); v += stride) {
        const auto [h, k, l] = vs[v];
        std::complex<double> rho{0, 0};
        for (size_t j = 0; j < N; ++j)
          rho += E[0][j * (2 * nh + 1) + (h + nh)] * E[1][j * (2 * nk + 1) + (k + nk)] *
                 E[2][j * (2 * nl + 1) + (l + nl)];
        Ssum[b] += std::norm(rho) / static_cast<double>(N);
        const Vec3 q{h * r.a.x + k * r.b.x + l * r.c.x, h * r.a.y + k * r.b.y + l * r.c.y,
                     h * r.a.z + k * r.b.z + l * r.c.z};
        qsum[b] += norm(q);
        nvec[b] += 1;
      }
    }
  }
  out.frames_used = static_cast<int>(frames.size());
  for (size_t b = 0; b < nbins; ++b) {
    if (nvec[b] == 0) continue;
    out.q.push_back(qsum[b] / nvec[b]);
    out.S.push_back(Ssum[b] / nvec[b]);
    out.vectors.push_back(nvec[b] / out.frames_used);
  }
  // First peak.
  int best = -1;
  for (size_t i = 0; i < out.q.size(); ++i)
    if (out.q[i] >= opt.peak_q_min && out.q[i] <= opt.peak_q_max && (best < 0 || out.S[i] > out.S[static_cast<size_t>(best)]))
      best = static_cast<int>(i);
  if (best > 0 && best + 1 < static_cast<int>(out.q.size())) {
    const size_t i = static_cast<size_t>(best);
    const double x0 = out.q[i - 1], x1 = out.q[i], x2 = out.q[i + 1];
    const double y0 = out.S[i - 1], y1 = out.S[i], y2 = out.S[i + 1];
    const double d01 = (y1 - y0) / (x1 - x0), d12 = (y2 - y1) / (x2 - x1), curv = (d12 - d01) / (x2 - x0);
    double xv = x1;
    if (curv < 0) xv = std::clamp(0.5 * (x0 + x1) - d01 / (2 * curv), x0, x2);
    out.q1 = xv;
    out.S_q1 = y1;
  } else if (best >= 0) {
    out.q1 = out.q[static_cast<size_t>(best)];
    out.S_q1 = out.S[static_cast<size_t>(best)];
  }
  return out;
}

double relaxation_time_1_over_e(const std::vector<double>& t, const std::vector<double>& F) {
  const double target = std::exp(-1.0);
  for (size_t i = 1; i < t.size() && i < F.size(); ++i) {
    if (F[i] < target) {
      const double f0 = F[i - 1], f1 = F[i];
      if (f0 > 0 && f1 > 0) {
        const double l0 = std::log(f0), l1 = std::log(f1);
        return t[i - 1] + (t[i] - t[i - 1]) * (-1.0 - l0) / (l1 - l0);
      }
      return t[i - 1] + (t[i] - t[i - 1]) * (f0 - target) / (f0 - f1);
    }
  }
  return NAN;
}

namespace {

// F_s over frames [first, last) of traj, lags from `lags` that fit.
void self_scattering_range(const Trajectory& traj, double q, const SelfScatteringOptions& opt, int first, int last,
                           std::vector<double>& t, std::vector<double>& Fs) {
  const int frames = last - first;
  t.assign(1, 0.0);
  Fs.assign(1, 1.0);
  std::vector<size_t> atoms;
  for (size_t a = 0; a < traj.atoms(); ++a)
    if (opt.type == 0 || traj.types[a] == opt.type) atoms.push_back(a);
  for (int lag : log_spaced_lags(frames - 1, opt.per_decade)) {
    const auto origins = time_origins(frames, lag, 1, opt.max_origins);
    double sum = 0;
    size_t n = 0;
    for (int o : origins) {
      const auto& p0 = traj.positions[static_cast<size_t>(first + o)];
      const auto& p1 = traj.positions[static_cast<size_t>(first + o + lag)];
      for (size_t a : atoms) {
        const double dx = p1[a].x - p0[a].x, dy = p1[a].y - p0[a].y, dz = p1[a].z - p0[a].z;
        const double x = q * std::sqrt(dx * dx + dy * dy + dz * dz);
        sum += x < 1e-8 ? 1.0 - x * x / 6.0 : std::sin(x) / x;
        ++n;
      }
    }
    if (n == 0) continue;
    t.push_back(lag * traj.frame_interval_ps);
    Fs.push_back(sum / static_cast<double>(n));
  }
}

}  // namespace

SelfScattering compute_self_scattering(const Trajectory& traj, double q, const SelfScatteringOptions& opt) {
  if (!(q > 0)) throw InputError(fmt::format("F_s(q,t): q must be > 0, got {:g} 1/A", q));
  if (traj.frames() < 2) throw InputError({traj.source, 0, 0}, "", "F_s(q,t) needs at least 2 frames");
  SelfScattering r;
  r.q = q;
  const int F = static_cast<int>(traj.frames());
  self_scattering_range(traj, q, opt, 0, F, r.t_ps, r.Fs);
  r.tau_alpha_ps = relaxation_time_1_over_e(r.t_ps, r.Fs);
  if (!std::isfinite(r.tau_alpha_ps)) {
    r.note = fmt::format("F_s(q,t) stays above 1/e for the whole trajectory ({:g} ps)", r.t_ps.back());
    return r;
  }
  const int B = std::max(1, opt.blocks);
  const int seg = F / B;
  int missing = 0;
  for (int b = 0; b < B && seg >= 2; ++b) {
    std::vector<double> t, f;
    self_scattering_range(traj, q, opt, b * seg, (b + 1) * seg, t, f);
    const double tau = relaxation_time_1_over_e(t, f);
    if (std::isfinite(tau)) r.block_tau_ps.push_back(tau);
    else ++missing;
  }
  if (r.block_tau_ps.size() >= 2 && missing == 0) {
    const double n = static_cast<double>(r.block_tau_ps.size());
    const double m = std::accumulate(r.block_tau_ps.begin(), r.block_tau_ps.end(), 0.0) / n;
    double ss = 0;
    for (double x : r.block_tau_ps) ss += (x - m) * (x - m);
    r.tau_alpha_se_ps = std::sqrt(ss / (n - 1) / n);
  } else {
    r.note = fmt::format("{} of {} trajectory segments ({:g} ps each) did not reach F_s = 1/e: no error estimate",
                         missing, B, seg * traj.frame_interval_ps);
  }
  return r;
}

}  // namespace gb::analysis
