#include "evaluator/eam_cpu_kernel.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace gb {
namespace {

constexpr int kKnot = 6;  // doubles per (element pair, knot): y, s of three functions

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
  const int nslot = ne_ * (ne_ + 1) / 2;
  knot_.assign(static_cast<size_t>(nslot) * nr_ * kKnot, 0.0);
  pair_slot_.assign(static_cast<size_t>(ne_) * ne_, 0);
  pair_into_i_.assign(static_cast<size_t>(ne_) * ne_, 0);
  int slot = 0;
  for (int a = 0; a < ne_; ++a)
    for (int b = a; b < ne_; ++b, ++slot) {
      const size_t base = static_cast<size_t>(slot) * nr_ * kKnot;
      pair_slot_[a * ne_ + b] = pair_slot_[b * ne_ + a] = base;
      pair_into_i_[a * ne_ + b] = 0;  // i of element a: rho_{b->a}
      pair_into_i_[b * ne_ + a] = 2;  // i of element b: rho_{a->b}
      const std::vector<double>* y[3] = {&pot.density(b, a), &pot.density(a, b), &pot.z2r(a, b)};
      for (int f = 0; f < 3; ++f) {
        if (static_cast<int>(y[f]->size()) != nr_)
          throw std::invalid_argument("EamCpuKernel: potential '" + pot.source + "' has a pair table of " +
                                      std::to_string(y[f]->size()) + " values, Nr = " + std::to_string(nr_));
        const std::vector<double> sl = EamSpline::knot_slopes(*y[f]);
        for (int k = 0; k < nr_; ++k) {
          knot_[base + static_cast<size_t>(k) * kKnot + 2 * f] = (*y[f])[k];
          knot_[base + static_cast<size_t>(k) * kKnot + 2 * f + 1] = sl[k];
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
  const Vec3* x = list_.local_positions().data();
  const Vec3* shift = list_.shifts().data();
  const int* jlist = list_.neighbors();
  const uint16_t* slist = list_.shift_indices();
  const size_t* offset = list_.offsets().data();
  const std::vector<size_t> chunk = balanced_chunks(list_, n, t);
  const int segs = nr_ - 1, ne = ne_;
  const double* knot = knot_.data();
  const size_t* pair_slot = pair_slot_.data();
  const int* into_i = pair_into_i_.data();
  const int* elem = element_.data();
  const double rc2 = cutoff2_, rdr = rdr_;

  if (work_.size() < static_cast<size_t>(t)) work_.resize(t);
  rho_.resize(n);
  fp_.resize(n);
  if (want_forces) out.forces.resize(n);
  if (want_atom_energy) out.atom_energy.resize(n);
  double* rho = rho_.data();
  double* fp = fp_.data();
  ThreadWork* work = work_.data();

#pragma omp parallel num_threads(t)
  {
    const int c = omp_get_thread_num();
    ThreadWork& w = work[c];
    const size_t i0 = chunk[c], i1 = chunk[c + 1];
    // Half list: this thread's pairs (i, j) have j >= i >= i0, so its
    // buffers matter (and are zeroed, and reduced) from i0 on only.
    const size_t list_len = offset[i1] - offset[i0];
    if (w.terms.size() < list_len) w.terms.resize(list_len);
    w.count.resize(i1 - i0);
    w.rho.resize(n);
    std::fill(w.rho.begin() + i0, w.rho.end(), 0.0);
    if (want_atom_energy) {
      w.energy.resize(n);
      std::fill(w.energy.begin() + i0, w.energy.end(), 0.0);
    }
    double* trho = w.rho.data();
    double* te = want_atom_energy ? w.energy.data() : nullptr;
    PairTerm* term = w.terms.data();
    int* count = w.count.data();

    // Pass 1: densities (each pair feeds both atoms), pair energy and each
    // pair's radial force factors.
    double e_pair = 0;
    size_t nt = 0;
    for (size_t i = i0; i < i1; ++i) {
      const size_t k0 = offset[i], k1 = offset[i + 1];
      if (w.cand_j.size() < k1 - k0) {
        w.cand_j.resize(k1 - k0);
        w.cand_s.resize(k1 - k0);
        w.cand_r2.resize(k1 - k0);
      }
      int* cj = w.cand_j.data();
      uint16_t* cs = w.cand_s.data();
      double* cr2 = w.cand_r2.data();
      const Vec3 xi = x[i];
      const int ei = elem[i];
      // List entries inside the cutoff, compacted without a branch (about
      // a third of the skin list is outside: a data-dependent branch here
      // would mispredict).
      int nc = 0;
      for (size_t k = k0; k < k1; ++k) {
        const int j = jlist[k];
        const uint16_t sk = slist[k];
        const Vec3 d = x[j] + shift[sk] - xi;
        const double r2 = d.norm2();
        cj[nc] = j;
        cs[nc] = sk;
        cr2[nc] = r2;
        nc += r2 < rc2;
      }
      double rho_i = 0;
      for (int q = 0; q < nc; ++q) {
        const int j = cj[q];
        const double r = std::sqrt(cr2[q]);
        double p = r * rdr + 1.0;
        int m = static_cast<int>(p);
        m = std::min(m, segs);
        p -= m;
        p = std::min(p, 1.0);
        // Interval m-1 between knots m-1 and m; its cubics formed by
        // EamSpline::hermite, as EamSpline's own segments are.
        const int pij = ei * ne + elem[j];
        const double* K = knot + pair_slot[pij] + static_cast<size_t>(m - 1) * kKnot;
        const int a = into_i[pij], b = 2 - a;
        const EamSpline::Cubic ca = EamSpline::hermite(K[a], K[a + 1], K[a + kKnot], K[a + kKnot + 1]);
        const EamSpline::Cubic cb = EamSpline::hermite(K[b], K[b + 1], K[b + kKnot], K[b + kKnot + 1]);
        const EamSpline::Cubic cz = EamSpline::hermite(K[4], K[5], K[4 + kKnot], K[5 + kKnot]);
        rho_i += ((ca.c3 * p + ca.c2) * p + ca.c1) * p + ca.c0;
        trho[j] += ((cb.c3 * p + cb.c2) * p + cb.c1) * p + cb.c0;
        const double rhojp = ((3.0 * ca.c3 * p + 2.0 * ca.c2) * p + ca.c1) * rdr;
        const double rhoip = ((3.0 * cb.c3 * p + 2.0 * cb.c2) * p + cb.c1) * rdr;
        const double z2p = ((3.0 * cz.c3 * p + 2.0 * cz.c2) * p + cz.c1) * rdr;
        const double z2 = ((cz.c3 * p + cz.c2) * p + cz.c1) * p + cz.c0;
        const double recip = 1.0 / r;
        const double phi = z2 * recip;
        const double phip = z2p * recip - phi * recip;
        e_pair += phi;
        if (te) {
          te[i] += 0.5 * phi;
          te[j] += 0.5 * phi;
        }
        term[nt + q] = {j, cs[q], rhojp * recip, rhoip * recip, phip * recip};
      }
      trho[i] += rho_i;
      count[i - i0] = nc;
      nt += nc;
    }
#pragma omp barrier
    // Reduce densities in thread order; embedding energy and F'(rho).
    double e_embed = 0, max_rho = -INFINITY;
    bool out_of_range = false;
#pragma omp for schedule(static)
    for (long i = 0; i < static_cast<long>(n); ++i) {
      double r = work[0].rho[i];
      for (int q = 1; q < t; ++q)
        if (static_cast<size_t>(i) >= chunk[q]) r += work[q].rho[i];
      rho[i] = r;
      const EamSpline::ValueSlope f = embedding_[elem[i]].eval(r);
      fp[i] = f.slope;
      double e = f.value;
      if (r > rho_extrap_) e += f.slope * (r - rho_extrap_);
      e_embed += e;
      if (want_atom_energy) out.atom_energy[i] = e;
      out_of_range = out_of_range || r > rho_max_ || r < 0;
      max_rho = std::max(max_rho, r);
    }  // implicit barrier: F' complete
    // Pass 2: forces and virial from the stored factors.
    std::array<double, 6> vir{};
    if (want_forces) {
      w.force.resize(n);
      std::fill(w.force.begin() + i0, w.force.end(), Vec3{});
      Vec3* tf = w.force.data();
      double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0;
      const PairTerm* tp = term;
      for (size_t i = i0; i < i1; ++i) {
        const Vec3 xi = x[i];
        const double fpi = fp[i];
        double fx = 0, fy = 0, fz = 0;
        for (const PairTerm* te_end = tp + count[i - i0]; tp < te_end; ++tp) {
          const int j = tp->j;
          const Vec3 d = x[j] + shift[tp->s] - xi;  // x_j - x_i, as in pass 1
          // force on i = (x_i - x_j) * fpair
          const double fpair = -(fpi * tp->rhojp_r + fp[j] * tp->rhoip_r + tp->phip_r);
          const double gx = d.x * fpair, gy = d.y * fpair, gz = d.z * fpair;
          fx -= gx;
          fy -= gy;
          fz -= gz;
          tf[j].x += gx;
          tf[j].y += gy;
          tf[j].z += gz;
          v0 += d.x * gx;
          v1 += d.y * gy;
          v2 += d.z * gz;
          v3 += d.x * gy;
          v4 += d.x * gz;
          v5 += d.y * gz;
        }
        tf[i].x += fx;
        tf[i].y += fy;
        tf[i].z += fz;
      }
      vir = {v0, v1, v2, v3, v4, v5};
    } else {
      // Virial only (energy/pressure requests): the same sums, no buffers.
      double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0;
      const PairTerm* tp = term;
      for (size_t i = i0; i < i1; ++i) {
        const Vec3 xi = x[i];
        const double fpi = fp[i];
        for (const PairTerm* te_end = tp + count[i - i0]; tp < te_end; ++tp) {
          const Vec3 d = x[tp->j] + shift[tp->s] - xi;
          const double fpair = -(fpi * tp->rhojp_r + fp[tp->j] * tp->rhoip_r + tp->phip_r);
          const double gx = d.x * fpair, gy = d.y * fpair, gz = d.z * fpair;
          v0 += d.x * gx;
          v1 += d.y * gy;
          v2 += d.z * gz;
          v3 += d.x * gy;
          v4 += d.x * gz;
          v5 += d.y * gz;
        }
      }
      vir = {v0, v1, v2, v3, v4, v5};
    }
    w.e_embed = e_embed;
    w.e_pair = e_pair;
    w.virial = vir;
    w.max_rho = max_rho;
    w.out_of_range = out_of_range;
    if (want_forces || want_atom_energy) {
#pragma omp barrier
#pragma omp for schedule(static)
      for (long i = 0; i < static_cast<long>(n); ++i) {
        if (want_forces) {
          Vec3 f = work[0].force[i];
          for (int q = 1; q < t; ++q)
            if (static_cast<size_t>(i) >= chunk[q]) f += work[q].force[i];
          out.forces[i] = f;
        }
        if (want_atom_energy) {
          double e = work[0].energy[i];
          for (int q = 1; q < t; ++q)
            if (static_cast<size_t>(i) >= chunk[q]) e += work[q].energy[i];
          out.atom_energy[i] += e;
        }
      }
    }
  }
  out.energy = 0;
  out.virial = {};
  out.max_density = 0;
  out.density_out_of_range = false;
  for (int c = 0; c < t; ++c) {
    out.energy += work[c].e_embed + work[c].e_pair;
    for (int k = 0; k < 6; ++k) out.virial[k] += work[c].virial[k];
    out.max_density = std::max(out.max_density, work[c].max_rho);
    out.density_out_of_range = out.density_out_of_range || work[c].out_of_range;
  }
}

}  // namespace gb
