#pragma once
// Files of the structural analysis (docs/run-directory.md: order.csv, order.json):
//   CSV  per atom: id,type,nneigh,volume_A3,q4,q6,w4hat,w6hat (one q<l>,w<l>hat
//        pair per computed degree), preceded by '#' provenance/unit lines.
//   JSON histograms per species and mobility class, options, provenance.
// Both are written atomically.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/order_histogram.hpp"

namespace gb::analysis {

/// `context` lines (e.g. "input: run/trajectory.dump frame 3") are written
/// as '#' comments after the glassbench version line.
void write_order_csv(const std::string& path, const std::vector<long>& ids, const std::vector<int>& types,
                     const OrderResult& result, const std::vector<std::string>& context = {});

/// JSON document: provenance, `source` (caller's description of the input,
/// merged in as "source"), options, atoms, and the histogram groups.
nlohmann::json order_json(const OrderResult& result, const std::vector<OrderHistogramGroup>& groups,
                          const nlohmann::json& source);
void write_order_json(const std::string& path, const OrderResult& result,
                      const std::vector<OrderHistogramGroup>& groups, const nlohmann::json& source);

}  // namespace gb::analysis
