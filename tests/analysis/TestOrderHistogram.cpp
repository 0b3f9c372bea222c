// Histograms per species and mobility class: every atom is counted once per
// group, classes partition the species, out-of-range and undefined values
// are counted separately, and the output files carry provenance.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "analysis/order_histogram.hpp"
#include "analysis/order_output.hpp"
#include "common/temp_dir.hpp"
#include "order_test_structures.hpp"

namespace ga = gb::analysis;
namespace t = gb::testing;

TEST(OrderHistogram, CountsUnderflowOverflowAndUndefined) {
  const std::vector<double> v{0.05, 0.15, 0.15, -1.0, 2.0, NAN, 0.95};
  const auto h = ga::make_histogram("x", v, {}, 0.0, 1.0, 10);
  EXPECT_EQ(h.counts[0], 1);
  EXPECT_EQ(h.counts[1], 2);
  EXPECT_EQ(h.counts[9], 1);
  EXPECT_EQ(h.below, 1);
  EXPECT_EQ(h.above, 1);
  EXPECT_EQ(h.undefined, 1);
  EXPECT_EQ(h.finite, 6);
  EXPECT_NEAR(h.mean, (0.05 + 0.3 - 1.0 + 2.0 + 0.95) / 6, 1e-15);  // rounding
  const auto sel = ga::make_histogram("x", v, {1, 0, 0, 0, 0, 0, 1}, 0.0, 1.0, 10);
  EXPECT_EQ(sel.finite, 2);
}

TEST(OrderHistogram, GroupsPartitionSpeciesAndMobility) {
  const auto cfg = t::random_dense(400, 61);
  const auto r = ga::compute_order(cfg, ga::OrderOptions{});
  std::vector<char> fast(cfg.size());
  for (size_t i = 0; i < fast.size(); ++i) fast[i] = i % 3 == 0;
  const auto groups = ga::order_histograms(r, cfg.types, {"Cu", "Zr"}, fast);
  ASSERT_EQ(groups.size(), 9u);  // (all, Cu, Zr) x (all, fast, slow)
  auto find = [&](const std::string& sp, const std::string& mob) -> const ga::OrderHistogramGroup& {
    for (const auto& g : groups)
      if (g.species == sp && g.mobility == mob) return g;
    throw std::runtime_error("missing group " + sp + "/" + mob);
  };
  EXPECT_EQ(find("all", "all").atoms, 400);
  EXPECT_EQ(find("Cu", "all").atoms, 256);
  EXPECT_EQ(find("Zr", "all").atoms, 144);
  for (const std::string sp : {"all", "Cu", "Zr"}) {
    EXPECT_EQ(find(sp, "fast").atoms + find(sp, "slow").atoms, find(sp, "all").atoms);
    for (const auto& h : find(sp, "all").histograms) {
      const long in = std::accumulate(h.counts.begin(), h.counts.end(), 0L);
      EXPECT_EQ(in + h.below + h.above + h.undefined, find(sp, "all").atoms) << h.quantity;
      if (h.quantity == "volume_A3" || h.quantity == "nneigh") {
        EXPECT_EQ(in, find(sp, "all").atoms) << h.quantity;
      }
    }
  }
  // Without a mask there is one mobility class.
  EXPECT_EQ(ga::order_histograms(r, cfg.types, {"Cu", "Zr"}, {}).size(), 3u);
  EXPECT_THROW(ga::order_histograms(r, cfg.types, {}, std::vector<char>(3)), std::invalid_argument);
}

TEST(OrderHistogram, OutputFilesCarryProvenanceAndColumns) {
  t::TempDir dir;
  const auto cfg = t::fcc_crystal(3.61, 2);
  ga::OrderOptions o;
  o.bond_order.degrees = {4, 6, 8};
  const auto r = ga::compute_order(cfg, o);
  const auto groups = ga::order_histograms(r, cfg.types, {"Cu"}, {});
  ga::write_order_csv(dir.file("o.csv"), cfg.ids, cfg.types, r, {"input: test"});
  ga::write_order_json(dir.file("o.json"), r, groups, {{"input", "test"}});
  std::ifstream csv(dir.file("o.csv"));
  std::string line, header;
  std::getline(csv, line);
  EXPECT_EQ(line.rfind("# glassbench ", 0), 0u) << line;
  while (std::getline(csv, header) && header[0] == '#') {}
  EXPECT_EQ(header, "id,type,nneigh,volume_A3,q4,q6,q8,w4hat,w6hat,w8hat");
  std::getline(csv, line);
  EXPECT_EQ(line.substr(0, 9), "1,1,12,11") << line;  // fcc: 12 neighbours, a^3/4 = 11.76 A^3
  std::ifstream js(dir.file("o.json"));
  const auto j = nlohmann::json::parse(js);
  EXPECT_TRUE(j["glassbench"].contains("git_commit"));
  EXPECT_EQ(j["neighbors"], "voronoi");
  EXPECT_EQ(j["groups"][0]["species"], "all");
  EXPECT_NEAR(j["groups"][0]["histograms"]["w6hat"]["mean"].get<double>(), -0.01316, 6e-6);  // Steinhardt 1983, 5 decimals
}
