#include "analysis/order_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gb::analysis {

Histogram make_histogram(const std::string& quantity, const std::vector<double>& values,
                         const std::vector<char>& selected, double lo, double hi, int bins) {
  if (!(hi > lo) || bins < 1) throw std::invalid_argument("histogram " + quantity + ": need hi > lo and bins >= 1");
  Histogram h;
  h.quantity = quantity;
  h.lo = lo;
  h.hi = hi;
  h.counts.assign(static_cast<size_t>(bins), 0);
  double sum = 0, sum2 = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!selected.empty() && !selected[i]) continue;
    const double v = values[i];
    if (!std::isfinite(v)) {
      ++h.undefined;
      continue;
    }
    ++h.finite;
    sum += v;
    sum2 += v * v;
    if (v < lo) {
      ++h.below;
    } else if (v >= hi) {
      ++h.above;
    } else {
      const auto k = std::min(static_cast<size_t>((v - lo) / (hi - lo) * bins), h.counts.size() - 1);
      ++h.counts[k];
    }
  }
  if (h.finite > 0) {
    h.mean = sum / h.finite;
    h.stddev = h.finite > 1 ? std::sqrt(std::max(0.0, (sum2 - h.finite * h.mean * h.mean) / (h.finite - 1))) : 0.0;
  }
  return h;
}

std::vector<char> fast_atoms(const std::vector<double>& displacement_A, double threshold_A) {
  if (!(threshold_A >= 0) || !std::isfinite(threshold_A))
    throw std::invalid_argument("fast_atoms: threshold must be a non-negative distance");
  std::vector<char> fast(displacement_A.size());
  for (size_t i = 0; i < fast.size(); ++i) fast[i] = displacement_A[i] > threshold_A;
  return fast;
}

std::vector<OrderHistogramGroup> order_histograms(const OrderResult& result, const std::vector<int>& types,
                                                  const std::vector<std::string>& type_names,
                                                  const std::vector<char>& fast, const HistogramSpec& spec) {
  const size_t n = result.size();
  if (types.size() != n) throw std::invalid_argument("order histograms: one type per atom needed");
  if (!fast.empty() && fast.size() != n) throw std::invalid_argument("order histograms: one fast flag per atom needed");

  // Per-atom series, as doubles.
  std::vector<std::pair<std::string, std::vector<double>>> series;
  series.emplace_back("nneigh", std::vector<double>(result.nneigh.begin(), result.nneigh.end()));
  const bool have_volume = std::any_of(result.volume_A3.begin(), result.volume_A3.end(),
                                       [](double v) { return std::isfinite(v); });
  if (have_volume) series.emplace_back("volume_A3", result.volume_A3);
  for (size_t d = 0; d < result.bond_order.degrees.size(); ++d) {
    const int l = result.bond_order.degrees[d];
    std::vector<double> q(n), wh(n);
    for (size_t i = 0; i < n; ++i) {
      q[i] = result.bond_order.values[d][i].q;
      wh[i] = result.bond_order.values[d][i].w_hat;
    }
    series.emplace_back("q" + std::to_string(l), std::move(q));
    series.emplace_back("w" + std::to_string(l) + "hat", std::move(wh));
  }
  // Frame-wide ranges for the unbounded quantities, so every group shares bins.
  int nmax = 0;
  for (int k : result.nneigh) nmax = std::max(nmax, k);
  double vlo = 0, vhi = 1;
  if (have_volume) {
    vlo = INFINITY;
    vhi = -INFINITY;
    for (double v : result.volume_A3)
      if (std::isfinite(v)) vlo = std::min(vlo, v), vhi = std::max(vhi, v);
    const double pad = std::max(1e-9, 1e-6 * (vhi - vlo));
    vhi += pad;  // make the largest value fall inside [lo, hi)
  }

  int ntypes = 0;
  for (int t : types) ntypes = std::max(ntypes, t);
  auto species_name = [&](int t) {
    return t >= 1 && static_cast<size_t>(t) <= type_names.size() && !type_names[t - 1].empty()
               ? type_names[t - 1]
               : "type" + std::to_string(t);
  };
  std::vector<int> species_list{0};  // 0 = all
  for (int t = 1; t <= ntypes; ++t) species_list.push_back(t);
  std::vector<std::string> classes{"all"};
  if (!fast.empty()) classes = {"all", "fast", "slow"};

  std::vector<OrderHistogramGroup> groups;
  for (int t : species_list)
    for (const auto& cls : classes) {
      OrderHistogramGroup g;
      g.species = t == 0 ? "all" : species_name(t);
      g.mobility = cls;
      std::vector<char> sel(n);
      for (size_t i = 0; i < n; ++i) {
        bool in = (t == 0 || types[i] == t);
        if (cls == "fast") in = in && fast[i];
        if (cls == "slow") in = in && !fast[i];
        sel[i] = in;
        g.atoms += in;
      }
      for (const auto& [name, values] : series) {
        if (name == "nneigh")
          g.histograms.push_back(make_histogram(name, values, sel, -0.5, nmax + 1.5, nmax + 2));
        else if (name == "volume_A3")
          g.histograms.push_back(make_histogram(name, values, sel, vlo, vhi, spec.bins));
        else if (name[0] == 'q')
          g.histograms.push_back(make_histogram(name, values, sel, spec.q_lo, spec.q_hi, spec.bins));
        else
          g.histograms.push_back(make_histogram(name, values, sel, spec.w_hat_lo, spec.w_hat_hi, spec.bins));
      }
      groups.push_back(std::move(g));
    }
  return groups;
}

}  // namespace gb::analysis
