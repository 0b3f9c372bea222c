// The report shows what each stage achieved (mean T and P with block errors)
// next to what it requested, and the thermostat; a case that is not physics
// (purpose: smoke) carries a banner saying so.  No browser needed.
#include <gtest/gtest.h>

#include "reports/report_builder.hpp"
#include "../validation/synthetic_run.hpp"

namespace {

std::string report_html(const gb::testing::SyntheticRunSpec& spec) {
  const std::string dir = gb::testing::make_temp_dir("report-state");
  gb::testing::write_synthetic_run(dir + "/run", spec);
  gb::reports::ReportOptions o;
  o.runs = {dir + "/run"};
  o.references_dir = gb::testing::source_dir() + "/references";
  return gb::reports::build_report(o).html;
}

TEST(ReportState, AchievedAgainstRequestedPerStageWithThermostat) {
  gb::testing::SyntheticRunSpec s;
  s.thermo = true;
  s.isotherm_P_bar = -14700;
  const std::string h = report_html(s);
  EXPECT_NE(h.find("T achieved (K)"), std::string::npos);
  EXPECT_NE(h.find("P achieved (bar)"), std::string::npos);
  EXPECT_NE(h.find("nose-hoover (0.2 ps)"), std::string::npos);
  EXPECT_NE(h.find("0 (zero-pressure volume)"), std::string::npos);
  // Isotherm rows: mean -14700 bar; the +-300 bar alternation averages out in every block.
  EXPECT_NE(h.find("-14700 ± 0"), std::string::npos);
  EXPECT_NE(h.find("300.0 ± 0.0"), std::string::npos);  // the 300 K isotherm's mean T
  EXPECT_EQ(h.find("Not a physics run"), std::string::npos);
}

TEST(ReportState, SmokeCaseCarriesTheNotPhysicsBanner) {
  gb::testing::SyntheticRunSpec s;
  s.purpose = "smoke";
  const std::string h = report_html(s);
  EXPECT_NE(h.find("Not a physics run"), std::string::npos);
  EXPECT_NE(h.find("purpose: smoke"), std::string::npos);
  EXPECT_NE(h.find("Software self-checks, counted apart"), std::string::npos);
}

}  // namespace
