#include "analysis/internal/order_mobility.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/order_output.hpp"
#include "core/error.hpp"

namespace gb::analysis {

std::vector<double> OriginSamples::pooled() const {
  std::vector<double> out;
  for (const auto& v : per_origin) out.insert(out.end(), v.begin(), v.end());
  return out;
}

std::vector<double> OriginSamples::origin_means() const {
  std::vector<double> out;
  for (const auto& v : per_origin) {
    double s = 0;
    long n = 0;
    for (double x : v)
      if (std::isfinite(x)) s += x, ++n;
    out.push_back(n ? s / n : std::numeric_limits<double>::quiet_NaN());
  }
  return out;
}

double block_standard_error(const std::vector<double>& block_means) {
  double m = 0;
  long n = 0;
  for (double x : block_means)
    if (std::isfinite(x)) m += x, ++n;
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  m /= n;
  double ss = 0;
  for (double x : block_means)
    if (std::isfinite(x)) ss += (x - m) * (x - m);
  return std::sqrt(ss / (n - 1) / n);
}

namespace {

std::string species_of(int t, const std::vector<std::string>& names) {
  return t >= 1 && static_cast<size_t>(t) <= names.size() && !names[t - 1].empty() ? names[t - 1]
                                                                                   : "type" + std::to_string(t);
}

}  // namespace

OrderSampling sample_order(const Trajectory& traj, const std::vector<std::string>& type_names,
                           const OrderSamplingOptions& opt) {
  const int nf = static_cast<int>(traj.frames());
  if (nf < 1) throw InputError("order sampling: the trajectory has no frames");
  OrderSampling s;
  s.fast_threshold_A = opt.fast_threshold_A;
  s.lag_frames = opt.lag_frames > 0 && opt.lag_frames < nf ? opt.lag_frames : -1;
  const int first = std::clamp(opt.first_frame, 0, nf - 1);
  const int last = s.lag_frames > 0 ? nf - 1 - s.lag_frames : nf - 1;  // last usable origin
  const int lo = std::min(first, std::max(0, last));
  const int span = std::max(0, last - lo);
  const int n_orig = std::max(1, std::min(opt.max_origins, span + 1));
  for (int k = 0; k < n_orig; ++k) {
    const int o = n_orig == 1 ? lo : lo + static_cast<int>(std::lround(static_cast<double>(k) * span / (n_orig - 1)));
    if (s.origins.empty() || o > s.origins.back()) s.origins.push_back(o);
  }

  int ntypes = 0;
  for (int t : traj.types) ntypes = std::max(ntypes, t);
  std::vector<std::string> classes{"all"};
  if (s.lag_frames > 0) classes = {"all", "fast", "slow"};
  for (int t = 0; t <= ntypes; ++t)
    for (const auto& c : classes) {
      OrderSampleGroup g;
      g.species = t == 0 ? "all" : species_of(t, type_names);
      g.mobility = c;
      g.w6hat.per_origin.assign(s.origins.size(), {});
      g.volume_A3.per_origin.assign(s.origins.size(), {});
      s.groups.push_back(std::move(g));
    }

  for (size_t k = 0; k < s.origins.size(); ++k) {
    const int o = s.origins[k];
    OrderResult r = compute_order(traj.boxes[static_cast<size_t>(o)], traj.positions[static_cast<size_t>(o)], opt.order);
    std::vector<char> fast;
    if (s.lag_frames > 0) {
      std::vector<double> disp(traj.atoms());
      for (size_t a = 0; a < traj.atoms(); ++a)
        disp[a] = (traj.positions[static_cast<size_t>(o + s.lag_frames)][a] - traj.positions[static_cast<size_t>(o)][a]).norm();
      fast = fast_atoms(disp, opt.fast_threshold_A);
    }
    const int d6 = r.bond_order.degree_index(6);
    for (size_t a = 0; a < traj.atoms(); ++a) {
      const int t = traj.types[a];
      const double w6 = d6 >= 0 ? r.bond_order.values[static_cast<size_t>(d6)][a].w_hat
                                : std::numeric_limits<double>::quiet_NaN();
      const double vol = r.volume_A3.empty() ? std::numeric_limits<double>::quiet_NaN() : r.volume_A3[a];
      for (auto& g : s.groups) {
        if (g.species != "all" && g.species != species_of(t, type_names)) continue;
        if (g.mobility == "fast" && !fast[a]) continue;
        if (g.mobility == "slow" && fast[a]) continue;
        g.w6hat.per_origin[k].push_back(w6);
        g.volume_A3.per_origin[k].push_back(vol);
      }
    }
    if (k == 0) {
      s.first = std::move(r);
      s.first_fast = std::move(fast);
    }
  }
  return s;
}

nlohmann::json order_sampling_json(const OrderSampling& s, const std::vector<int>& types,
                                   const std::vector<std::string>& type_names, const OrderSamplingOptions& options,
                                   const nlohmann::json& source) {
  // The first origin's groups give the document its layout and options; the
  // histograms are then replaced by the pooled ones.
  const auto first_groups = order_histograms(s.first, types, type_names, s.first_fast, options.histograms);
  nlohmann::json doc = order_json(s.first, first_groups, source);
  // Pooled volume range over every sample, so all groups share bins.
  double vlo = INFINITY, vhi = -INFINITY;
  for (const auto& g : s.groups)
    for (double v : g.volume_A3.pooled())
      if (std::isfinite(v)) vlo = std::min(vlo, v), vhi = std::max(vhi, v);
  if (!(vhi > vlo)) vlo = 0, vhi = 1;
  vhi += std::max(1e-9, 1e-6 * (vhi - vlo));
  const auto& hs = options.histograms;
  auto hist_json = [](const Histogram& h) {
    return nlohmann::json{{"lo", h.lo},         {"hi", h.hi},         {"bin_width", h.bin_width()},
                          {"counts", h.counts}, {"below", h.below},   {"above", h.above},
                          {"undefined", h.undefined}, {"finite", h.finite},
                          {"mean", h.finite ? nlohmann::json(h.mean) : nlohmann::json(nullptr)},
                          {"stddev", h.finite ? nlohmann::json(h.stddev) : nlohmann::json(nullptr)}};
  };
  auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : s.groups) {
    const auto w = g.w6hat.pooled(), v = g.volume_A3.pooled();
    const Histogram hw = make_histogram("w6hat", w, {}, hs.w_hat_lo, hs.w_hat_hi, hs.bins);
    const Histogram hv = make_histogram("volume_A3", v, {}, vlo, vhi, hs.bins);
    nlohmann::json counts = nlohmann::json::array();
    for (const auto& per : g.w6hat.per_origin)
      counts.push_back(make_histogram("w6hat", per, {}, hs.w_hat_lo, hs.w_hat_hi, hs.bins).counts);
    const auto mw = g.w6hat.origin_means(), mv = g.volume_A3.origin_means();
    nlohmann::json mwj = nlohmann::json::array(), mvj = nlohmann::json::array();
    for (double x : mw) mwj.push_back(num(x));
    for (double x : mv) mvj.push_back(num(x));
    groups.push_back({{"species", g.species},
                      {"mobility", g.mobility},
                      {"atoms", static_cast<long>(w.size())},  // samples: atoms x origins
                      {"histograms", {{"w6hat", hist_json(hw)}, {"volume_A3", hist_json(hv)}}},
                      {"origin_means", {{"w6hat", mwj}, {"volume_A3", mvj}}},
                      {"sem", {{"w6hat", num(block_standard_error(mw))}, {"volume_A3", num(block_standard_error(mv))}}},
                      {"origin_counts", {{"w6hat", counts}}}});
  }
  doc["groups"] = groups;
  doc["sampling"] = {{"origins", s.origins},
                     {"lag_frames", s.lag_frames},
                     {"fast_threshold_A", s.fast_threshold_A},
                     {"definition",
                      "structure of each origin frame; fast = displacement > fast_threshold_A over lag_frames from that "
                      "origin; histograms pool atoms x origins; sem = standard error over origin means (each origin "
                      "one block); origin_counts = per-origin w6hat histograms on the pooled grid"}};
  return doc;
}

}  // namespace gb::analysis
