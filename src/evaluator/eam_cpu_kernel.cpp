#include "evaluator/eam_cpu_kernel.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gb {
namespace {

constexpr int kStride = 12;  // coefficients per (element pair, interval)

// Contiguous atom ranges holding about equal numbers of list pairs: a half
// list gives low indices more pairs, so equal atom counts would not balance.
std::vector<size_t> balanced_chunks(const CellNeighborList& list, size_t n, int t) {
  std::vector<size_t> b(t + 1, n);
  b[0] = 0;
  const size_t total = list.total_pairs();
  size_t i = 0;
  for (int c = 1; c < t; ++c) {
    const size_t target = total * c / t;
    while (i < n && list.begin(i) < target) ++i;
    b[c] = i;
  }
  return b;
}

}  // namespace

EamCpuKernel::EamCpuKernel(const EamPotential& pot, std::vector<int> element, double skin)
    : ne_(pot.nelements()),
      nr_(pot.nr),
      cutoff_(pot.cutoff),
      cutoff2_(pot.cutoff * pot.cutoff),
      rdr_(1.0 / pot.dr),
      rho_max_(pot.rho_max()),
      rho_extrap_(pot.rho_extrapolation_start > 0 ? pot.rho_extrapolation_start : pot.rho_max()),
      list_(pot.cutoff, skin) {
  if (ne_ <= 0 || pot.nr < 5 || pot.nrho < 5 || !(pot.dr > 0) || !(pot.drho > 0) || !(pot.cutoff > 0))
    throw std::invalid_argument("EamCpuKernel: potential '" + pot.source + "' has empty or degenerate tables");
  set_elements(std::move(element));
  for (int e = 0; e < ne_; ++e) embedding_.emplace_back(pot.embedding_of(e), pot.drho);
  const int segs = nr_ - 1;
  pair_coef_.assign(static_cast<size_t>(ne_) * ne_ * segs * kStride, 0.0);
  for (int a = 0; a < ne_; ++a)
    for (int b = 0; b < ne_; ++b) {
      const EamSpline rho_ba(pot.density(b, a), pot.dr), rho_ab(pot.density(a, b), pot.dr),
          z2r(pot.z2r(a, b), pot.dr);
      for (int m = 0; m < segs; ++m) {
        double* c = &pair_coef_[((static_cast<size_t>(a) * ne_ + b) * segs + m) * kStride];
        const EamSpline* tab[3] = {&rho_ba, &rho_ab, &z2r};
        for (int k = 0; k < 3; ++k) {
          const EamSpline::Segment& s = tab[k]->segment(m);
          c[4 * k + 0] = s.c0;
          c[4 * k + 1] = s.c1;
          c[4 * k + 2] = s.c2;
          c[4 * k + 3] = s.c3;
        }
      }
    }
}

void EamCpuKernel::set_elements(std::vector<int> element) {
  for (int e : element)
    if (e < 0 || e >= ne_) throw std::invalid_argument("EamCpuKernel: element index out of range");
  element_ = std::move(element);
}

void EamCpuKernel::compute(const std::vector<Vec3>& positions, const Cell& cell, int threads, bool want_forces,
                           bool want_atom_energy, EamKernelOutput& out) {
  const size_t n = positions.size();
  if (n != element_.size()) throw std::invalid_argument("EamCpuKernel: positions and elements differ in count");
  const int t = std::max(1, std::min(threads, static_cast<int>(std::max<size_t>(n, 1))));
  list_.update(positions, cell, t);
  const std::vector<Vec3>& x = list_.local_positions();
  const Vec3* shift = list_.shifts().data();
  const int* jlist = list_.neighbors();
  const uint16_t* slist = list_.shift_indices();
  const std::vector<size_t> chunk = balanced_chunks(list_, n, t);
  const int segs = nr_ - 1, ne = ne_;
  const double* coef = pair_coef_.data();
  const int* elem = element_.data();
  const double rc2 = cutoff2_, rdr = rdr_;

  thread_rho_.resize(t);
  thread_pairs_.resize(t);
  if (want_forces) thread_force_.resize(t);
  thread_energy_.resize(t);
  rho_.assign(n, 0.0);
  fp_.assign(n, 0.0);
  out.energy = 0;
  out.virial = {};
  out.max_density = 0;
  out.density_out_of_range = false;
  if (want_forces) out.forces.assign(n, Vec3{});
  if (want_atom_energy) out.atom_energy.assign(n, 0.0);
  std::vector<double> energy(t, 0.0);
  std::vector<std::array<double, 6>> virial(t);

#pragma omp parallel num_threads(t)
  {
    const int c = omp_get_thread_num();
    std::vector<double>& trho = thread_rho_[c];
    trho.assign(n, 0.0);
    // Pairs inside the cutoff, with their table offset and local
    // coordinate, kept for pass 2 (no second distance, sqrt or lookup).
    std::vector<PairRecord>& pairs = thread_pairs_[c];
    pairs.clear();
    // Pass 1: densities (each pair feeds both atoms).
    for (size_t i = chunk[c]; i < chunk[c + 1]; ++i) {
      const Vec3 xi = x[i];
      const int ei = elem[i];
      double rho_i = 0;
      for (size_t k = list_.begin(i), k1 = list_.end(i); k < k1; ++k) {
        const int j = jlist[k];
        const Vec3 d = x[j] + shift[slist[k]] - xi;
        const double r2 = d.norm2();
        if (r2 >= rc2) continue;
        const double r = std::sqrt(r2);
        double p = r * rdr + 1.0;
        int m = static_cast<int>(p);
        m = std::min(m, segs);
        p -= m;
        p = std::min(p, 1.0);
        const size_t off = ((static_cast<size_t>(ei) * ne + elem[j]) * segs + (m - 1)) * kStride;
        const double* q = coef + off;
        rho_i += ((q[3] * p + q[2]) * p + q[1]) * p + q[0];
        trho[j] += ((q[7] * p + q[6]) * p + q[5]) * p + q[4];
        pairs.push_back({static_cast<int>(i), j, off, p, r, d});
      }
      trho[i] += rho_i;
    }
#pragma omp barrier
    // Reduce densities; embedding energy and F'(rho).
    double e_embed = 0;
    bool out_of_range = false;
    double max_rho = -INFINITY;
#pragma omp for schedule(static)
    for (long i = 0; i < static_cast<long>(n); ++i) {
      double r = 0;
      for (int q = 0; q < t; ++q) r += thread_rho_[q][i];
      rho_[i] = r;
      const EamSpline::ValueSlope f = embedding_[elem[i]].eval(r);
      fp_[i] = f.slope;
      double e = f.value;
      if (r > rho_extrap_) e += f.slope * (r - rho_extrap_);
      e_embed += e;
      if (want_atom_energy) out.atom_energy[i] = e;
      out_of_range = out_of_range || r > rho_max_ || r < 0;
      max_rho = std::max(max_rho, r);
    }
#pragma omp critical
    {
      out.density_out_of_range = out.density_out_of_range || out_of_range;
      out.max_density = std::max(out.max_density, max_rho);
    }
    // Pass 2: pair energy, forces, virial.
    double e_pair = 0;
    std::array<double, 6> w{};
    std::vector<double>& te = thread_energy_[c];
    if (want_atom_energy) te.assign(n, 0.0);
    Vec3* tf = nullptr;
    if (want_forces) {
      thread_force_[c].assign(n, Vec3{});
      tf = thread_force_[c].data();
    }
    const double* fp = fp_.data();
    for (const PairRecord& pr : pairs) {
      const int i = pr.i, j = pr.j;
      const double p = pr.p, r = pr.r;
      const Vec3& dji = pr.d;  // x_j - x_i
      const double* q = coef + pr.off;
      const double rhojp = ((3.0 * q[3] * p + 2.0 * q[2]) * p + q[1]) * rdr;
      const double rhoip = ((3.0 * q[7] * p + 2.0 * q[6]) * p + q[5]) * rdr;
      const double z2p = ((3.0 * q[11] * p + 2.0 * q[10]) * p + q[9]) * rdr;
      const double z2 = ((q[11] * p + q[10]) * p + q[9]) * p + q[8];
      const double recip = 1.0 / r;
      const double phi = z2 * recip;
      const double phip = z2p * recip - phi * recip;
      const double psip = fp[i] * rhojp + fp[j] * rhoip + phip;
      const double fpair = -psip * recip;  // force on i = (x_i - x_j) * fpair
      e_pair += phi;
      if (want_atom_energy) {
        te[i] += 0.5 * phi;
        te[j] += 0.5 * phi;
      }
      if (tf) {
        const Vec3 f = dji * fpair;
        tf[i] -= f;
        tf[j] += f;
      }
      w[0] += dji.x * dji.x * fpair;
      w[1] += dji.y * dji.y * fpair;
      w[2] += dji.z * dji.z * fpair;
      w[3] += dji.x * dji.y * fpair;
      w[4] += dji.x * dji.z * fpair;
      w[5] += dji.y * dji.z * fpair;
    }
    energy[c] = e_embed + e_pair;
    virial[c] = w;
#pragma omp barrier
    if (want_forces || want_atom_energy) {
#pragma omp for schedule(static)
      for (long i = 0; i < static_cast<long>(n); ++i) {
        if (want_forces) {
          Vec3 f{};
          for (int q = 0; q < t; ++q) f += thread_force_[q][i];
          out.forces[i] = f;
        }
        if (want_atom_energy) {
          double e = 0;
          for (int q = 0; q < t; ++q) e += thread_energy_[q][i];
          out.atom_energy[i] += e;
        }
      }
    }
  }
  for (int c = 0; c < t; ++c) {
    out.energy += energy[c];
    for (int k = 0; k < 6; ++k) out.virial[k] += virial[c][k];
  }
}

}  // namespace gb
