// The case files shipped in cases/ load and expand to the protocols they
// document (step counts worked out by hand from the paper's numbers).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cases/case_loader.hpp"

namespace {

std::string source(const std::string& rel) {
  const char* d = std::getenv("GLASSBENCH_SOURCE_DIR");
  return std::string(d && *d ? d : GB_SOURCE_DIR) + "/" + rel;
}

TEST(ShippedCases, PaperProtocolCu64Zr36) {
  const auto c = gb::cases::load_case(source("cases/cuzr/cu64zr36-paper-protocol.yaml"));
  EXPECT_EQ(c.system.atoms, 4000);
  ASSERT_EQ(c.system.counts.size(), 2u);
  EXPECT_EQ(c.system.counts[0].second, 2560);  // 64% of 4000
  EXPECT_EQ(c.system.counts[1].second, 1440);
  ASSERT_GE(c.stages.size(), 4u);
  const auto& liquid = c.stages[0];
  EXPECT_EQ(liquid.steps, 1000000);             // 2 ns / 2 fs
  EXPECT_TRUE(liquid.npt);
  EXPECT_EQ(liquid.t_start_K, 2000.0);
  const auto& quench = c.stages[1];
  EXPECT_EQ(quench.kind, gb::cases::StageSpec::Kind::Quench);
  EXPECT_EQ(quench.steps, 950000);              // 1900 K at 1 K/ps = 1900 ps = 950000 steps of 2 fs
  EXPECT_TRUE(quench.npt);
  EXPECT_EQ(quench.pressure_bar, 0.0);
  EXPECT_EQ(quench.t_end_K, 100.0);
  EXPECT_EQ(c.stages[2].steps, 1000000);        // 100 K for 2 ns
  EXPECT_EQ(c.stages[2].t_end_K, 100.0);
  for (size_t k = 3; k < c.stages.size(); ++k) {
    EXPECT_EQ(c.stages[k].kind, gb::cases::StageSpec::Kind::Isothermal);
    EXPECT_FALSE(c.stages[k].npt);
  }
  EXPECT_EQ(c.stages[3].dir_name, "04-isothermal-0300K");
  EXPECT_EQ(c.stages[3].start_from, "relax");
}

TEST(ShippedCases, AlLaNamesItsPotentialThroughTheEnvironment) {
  ::unsetenv("GLASSBENCH_ALLA_POTENTIAL");
  auto c = gb::cases::load_case(source("cases/al90la10/al90la10-paper-protocol.yaml"));
  EXPECT_EQ(c.potential.missing_env, "GLASSBENCH_ALLA_POTENTIAL");
  EXPECT_TRUE(c.potential.file.empty());
  EXPECT_EQ(c.system.counts[0].second, 3600);
  EXPECT_EQ(c.system.counts[1].second, 400);
  ::setenv("GLASSBENCH_ALLA_POTENTIAL", "/data/AlLa.eam.fs", 1);
  c = gb::cases::load_case(source("cases/al90la10/al90la10-paper-protocol.yaml"));
  EXPECT_TRUE(c.potential.missing_env.empty());
  EXPECT_EQ(c.potential.file, "/data/AlLa.eam.fs");
  ::unsetenv("GLASSBENCH_ALLA_POTENTIAL");
  gb::cases::LoadOptions o;
  o.potential_override = "/other/AlLa.eam.alloy";
  c = gb::cases::load_case(source("cases/al90la10/al90la10-paper-protocol.yaml"), o);
  EXPECT_EQ(c.potential.file, "/other/AlLa.eam.alloy");
}

TEST(ShippedCases, SmokeCaseHasEveryStageKind) {
  const auto c = gb::cases::load_case(source("cases/smoke/cuzr-smoke.yaml"));
  bool seen[4] = {false, false, false, false};
  for (const auto& s : c.stages) seen[static_cast<int>(s.kind)] = true;
  for (bool b : seen) EXPECT_TRUE(b);
  EXPECT_EQ(c.system.atoms, 500);
}

}  // namespace
