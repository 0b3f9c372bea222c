// Typed readers of the analysis files: fields by name, a missing field is an
// error naming file and field, version-1 strings.json still reads.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "rundir/analysis_files.hpp"

using namespace gb::rundir;
using nlohmann::json;

TEST(AnalysisFiles, MsdFieldsByName) {
  const json j = {{"schema_version", 2}, {"frames", 10}, {"atoms", 500}, {"frame_interval_ps", 0.2},
                  {"species", {{"all", {{"D_A2_per_ps", 0.3}, {"D_error_A2_per_ps", 0.01}, {"fit_from_ps", 0.4},
                                        {"fit_to_ps", 1.8}, {"diffusive", true}}},
                               {"Cu", {{"D_A2_per_ps", 0.4}, {"D_error_A2_per_ps", nullptr}, {"fit_from_ps", 0.4},
                                       {"fit_to_ps", 1.8}, {"diffusive", false}}}}},
                  {"lindemann", {{"ratio", 0.12}}}};
  const MsdFile m = msd_file_from_json(j, "msd.json");
  EXPECT_EQ(m.schema_version, 2);
  EXPECT_EQ(m.atoms, 500);
  EXPECT_EQ(m.species.at("all").D_A2_per_ps, 0.3);
  EXPECT_TRUE(m.species.at("all").diffusive);
  EXPECT_TRUE(std::isnan(m.species.at("Cu").D_error_A2_per_ps));
  EXPECT_FALSE(m.species.at("Cu").diffusive);
  EXPECT_EQ(m.lindemann_ratio.value_or(0), 0.12);
  json bad = j;
  bad["species"]["all"].erase("diffusive");
  try {
    msd_file_from_json(bad, "msd.json");
    FAIL();
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), "msd.json: species.all.diffusive: missing or not true/false");
  }
}

TEST(AnalysisFiles, StringsPeakUsableOnlyInside) {
  json j = {{"schema_version", 2}, {"fast_threshold_A", 2.0}, {"string_threshold_A", 0.3},
            {"min_fast_per_origin", 1.0}, {"frames", 10}, {"atoms", 500}, {"frame_interval_ps", 0.2},
            {"peak_found", true}, {"tau_string_ps", 0.6}, {"peak_ratio", 0.1}, {"peak_n_fast", 40.0},
            {"peak_at_edge", false}, {"tau_string_sigma_ln", 0.06}, {"peak_ratio_sigma", 0.05}};
  StringsFile s = strings_file_from_json(j, "strings.json");
  EXPECT_TRUE(s.usable_peak());
  EXPECT_EQ(*s.tau_string_ps, 0.6);
  EXPECT_EQ(s.tau_string_sigma_ln, 0.06);
  j["peak_at_edge"] = true;
  j["tau_string_sigma_ln"] = nullptr;
  s = strings_file_from_json(j, "strings.json");
  EXPECT_FALSE(s.usable_peak());
  // Version 1 (before the run model): the edge flag was peak_at_last_lag.
  json v1 = j;
  v1.erase("schema_version");
  v1.erase("peak_at_edge");
  v1["peak_at_last_lag"] = true;
  EXPECT_FALSE(strings_file_from_json(v1, "strings.json").usable_peak());
  json none = j;
  none["peak_found"] = false;
  EXPECT_FALSE(strings_file_from_json(none, "strings.json").usable_peak());
}

TEST(AnalysisFiles, OrderGroupsAndNewerVersionRefused) {
  const json j = {{"schema_version", 2},
                  {"atoms", 3},
                  {"groups",
                   {{{"species", "Cu"},
                     {"mobility", "fast"},
                     {"atoms", 2},
                     {"histograms",
                      {{"w6hat",
                        {{"lo", -0.25}, {"hi", 0.25}, {"bin_width", 0.25}, {"counts", {1, 1}}, {"finite", 2},
                         {"mean", -0.05}, {"stddev", 0.01}}}}}}}}};
  const OrderFile o = order_file_from_json(j, "order.json");
  ASSERT_NE(o.group("Cu", "fast"), nullptr);
  EXPECT_EQ(o.group("Cu", "slow"), nullptr);
  EXPECT_EQ(o.group("Cu", "fast")->histograms.at("w6hat").mean.value_or(0), -0.05);
  json newer = j;
  newer["schema_version"] = 99;
  EXPECT_THROW(order_file_from_json(newer, "order.json"), gb::InputError);
}
