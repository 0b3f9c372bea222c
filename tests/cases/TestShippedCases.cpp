// The case files shipped in cases/ load and expand to the protocols they
// document (step counts worked out by hand from the paper's numbers).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cases/case_loader.hpp"
#include "core/error.hpp"

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
  // Each NVT isotherm at its zero-pressure volume: a 20 ps NPT pre-equilibration
  // at T and 0 bar, then NVT in its mean box (issue 9; docs/cases.md).
  ASSERT_EQ(c.stages.size(), 3u + 2u * 8u);
  for (size_t k = 3; k < c.stages.size(); k += 2) {
    const auto& pre = c.stages[k];
    const auto& iso = c.stages[k + 1];
    EXPECT_EQ(pre.kind, gb::cases::StageSpec::Kind::Equilibrate);
    EXPECT_TRUE(pre.npt);
    EXPECT_EQ(pre.pressure_bar, 0.0);
    EXPECT_EQ(pre.steps, 10000);  // 20 ps / 2 fs
    EXPECT_EQ(pre.t_end_K, iso.t_end_K);
    EXPECT_EQ(pre.name, iso.name + "-npt");
    EXPECT_EQ(iso.kind, gb::cases::StageSpec::Kind::Isothermal);
    EXPECT_FALSE(iso.npt);
    EXPECT_EQ(iso.volume, "zero-pressure");
    EXPECT_TRUE(iso.box_from_mean);
    EXPECT_EQ(iso.start_from, pre.name);
  }
  EXPECT_EQ(c.stages[3].dir_name, "04-isothermal-0300K-npt");
  EXPECT_EQ(c.stages[3].start_from, "relax");
  EXPECT_EQ(c.stages[4].dir_name, "05-isothermal-0300K");
  EXPECT_EQ(c.stages[9].name, "isothermal-0900K-npt");
  EXPECT_EQ(c.stages[9].start_from, "liquid");
}

TEST(ShippedCases, LiteralGlassBoxReadingIsAnExplicitOption) {
  const std::string text =
      "name: t\nsystem: {composition: {Cu: 64, Zr: 36}, atoms: 500, structure: {kind: random, density: \"0.0585 /A^3\"}, seed: 1}\n"
      "potential: {file: CuZr_mm.eam.fs}\ntimestep: \"2 fs\"\noutput: {thermo: \"0.1 ps\"}\nprotocol:\n"
      "  - {kind: equilibrate, temperature: \"100 K\", ensemble: NPT, pressure: \"0 bar\", duration: \"1 ps\"}\n"
      "  - {kind: isothermal, ensemble: NVT, volume: start-state, duration: \"1 ps\", temperatures: [\"700 K\"]}\n";
  const auto c = gb::cases::parse_case(text, "t.yaml");
  ASSERT_EQ(c.stages.size(), 2u);
  EXPECT_EQ(c.stages[1].volume, "start-state");
  EXPECT_FALSE(c.stages[1].box_from_mean);
  EXPECT_EQ(c.stages[1].start_from, "equilibrate");
  std::string t2 = text;
  t2.replace(t2.find("start-state"), 11, "glass-box");
  EXPECT_THROW(gb::cases::parse_case(t2, "t.yaml"), gb::InputError);
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
