#include "analysis/order_output.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "rundir/analysis_files.hpp"
#include "glassbench/version_info.hpp"

namespace gb::analysis {

namespace {
/// Full round-trip precision; non-finite values as "nan" (numpy/pandas read it).
std::string num(double v) { return std::isfinite(v) ? fmt::format("{:.10g}", v) : std::string("nan"); }
}  // namespace

void write_order_csv(const std::string& path, const std::vector<long>& ids, const std::vector<int>& types,
                     const OrderResult& result, const std::vector<std::string>& context) {
  const size_t n = result.size();
  if (ids.size() != n || types.size() != n) throw std::invalid_argument("write_order_csv: ids/types size mismatch");
  AtomicFile file(path);
  auto& out = file.stream();
  out << "# glassbench " << build::kVersion << " (git " << build::kGitCommit << ") analyze order\n";
  for (const auto& line : context) out << "# " << line << "\n";
  out << "# neighbors: " << result.neighbors.str();
  if (result.neighbors.kind == NeighborSpec::Kind::Voronoi)
    out << ", min face area fraction " << result.neighbors.min_face_area_fraction;
  out << "\n# volume_A3: Voronoi cell volume in Angstrom^3 (nan unless neighbors = voronoi); "
         "q<l>, w<l>hat dimensionless (Steinhardt 1983); nan where undefined\n";
  out << "id,type,nneigh,volume_A3";
  for (int l : result.bond_order.degrees) out << ",q" << l;
  for (int l : result.bond_order.degrees) out << ",w" << l << "hat";
  out << "\n";
  const auto& v = result.bond_order.values;
  for (size_t i = 0; i < n; ++i) {
    out << ids[i] << "," << types[i] << "," << result.nneigh[i] << "," << num(result.volume_A3[i]);
    for (size_t d = 0; d < v.size(); ++d) out << "," << num(v[d][i].q);
    for (size_t d = 0; d < v.size(); ++d) out << "," << num(v[d][i].w_hat);
    out << "\n";
  }
  file.commit();
}

nlohmann::json order_json(const OrderResult& result, const std::vector<OrderHistogramGroup>& groups,
                          const nlohmann::json& source) {
  using nlohmann::json;
  json j;
  j["glassbench"] = {{"version", build::kVersion}, {"git_commit", build::kGitCommit}};
  j["analysis"] = "order";
  j["schema_version"] = rundir::kAnalysisSchemaVersion;
  j["source"] = source;
  j["neighbors"] = result.neighbors.str();
  if (result.neighbors.kind == NeighborSpec::Kind::Voronoi)
    j["min_face_area_fraction"] = result.neighbors.min_face_area_fraction;
  j["degrees"] = result.bond_order.degrees;
  j["definition"] =
      "q_lm = (1/N_i) sum_j Y_lm(r_ij); q_l = sqrt(4pi/(2l+1) sum_m |q_lm|^2); "
      "w_l = sum (l l l; m1 m2 m3) q_lm1 q_lm2 q_lm3; w_l_hat = w_l / (sum_m |q_lm|^2)^(3/2) "
      "(Steinhardt, Nelson, Ronchetti, PRB 28, 784 (1983))";
  j["units"] = {{"volume_A3", "Angstrom^3"}, {"nneigh", "count"}, {"q_l", "1"}, {"w_l_hat", "1"}};
  j["atoms"] = result.size();
  json gs = json::array();
  for (const auto& g : groups) {
    json jg{{"species", g.species}, {"mobility", g.mobility}, {"atoms", g.atoms}};
    json hs = json::object();
    for (const auto& h : g.histograms) {
      hs[h.quantity] = {{"lo", h.lo},
                        {"hi", h.hi},
                        {"bin_width", h.bin_width()},
                        {"counts", h.counts},
                        {"below", h.below},
                        {"above", h.above},
                        {"undefined", h.undefined},
                        {"finite", h.finite},
                        {"mean", h.finite ? json(h.mean) : json(nullptr)},
                        {"stddev", h.finite ? json(h.stddev) : json(nullptr)}};
    }
    jg["histograms"] = hs;
    gs.push_back(jg);
  }
  j["groups"] = gs;
  return j;
}

void write_order_json(const std::string& path, const OrderResult& result,
                      const std::vector<OrderHistogramGroup>& groups, const nlohmann::json& source) {
  write_file_atomically(path, order_json(result, groups, source).dump(1) + "\n");
}

}  // namespace gb::analysis
