// The volume of a shear (MD-DMA) group, as for NVT isotherms: by default each
// temperature runs an NPT pre-equilibration shear-<T>K-npt at T and 0 bar and
// the shear stage starts in its mean box; `volume: start-state` shears in
// start_from's box.  Before, a shear stage always took start_from's box: the
// 100 K glass sheared at 665 K sat kbar off zero pressure.
#include <gtest/gtest.h>

#include <string>

#include "cases/case_loader.hpp"
#include "core/error.hpp"

namespace {

using gb::StageKind;
using gb::cases::StageSpec;

std::string case_with_shear(const std::string& extra) {
  return "name: t\n"
         "system:\n"
         "  composition: {Cu: 64, Zr: 36}\n"
         "  atoms: 500\n"
         "  structure: {kind: random, density: \"0.0585 /A^3\"}\n"
         "  seed: 1\n"
         "potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}\n"
         "timestep: \"2 fs\"\n"
         "thermostat: {kind: nose-hoover, time_constant: \"0.2 ps\"}\n"
         "output: {thermo: \"0.1 ps\"}\n"
         "protocol:\n"
         "  - kind: equilibrate\n"
         "    name: glass\n"
         "    temperature: \"100 K\"\n"
         "    ensemble: NPT\n"
         "    pressure: \"0 bar\"\n"
         "    duration: \"2 ps\"\n"
         "  - kind: shear\n"
         "    start_from: glass\n"
         "    ensemble: NVT\n"
         "    temperatures: [\"500 K\", \"665 K\"]\n"
         "    period: \"1 ps\"\n"
         "    cycles: 2\n" +
         extra;
}

}  // namespace

TEST(ShearVolume, DefaultIsTheZeroPressureVolumeAtEachTemperature) {
  const auto c = gb::cases::parse_case(case_with_shear(""), "t.yaml");
  ASSERT_EQ(c.stages.size(), 5u);  // glass, (npt, shear) x 2
  for (size_t k : {1u, 3u}) {
    const StageSpec& pre = c.stages[k];
    const StageSpec& sh = c.stages[k + 1];
    EXPECT_EQ(pre.kind, StageKind::Equilibrate);
    EXPECT_TRUE(pre.npt);
    EXPECT_EQ(pre.pressure_bar, 0.0);
    EXPECT_EQ(pre.t_end_K, sh.t_end_K);
    EXPECT_EQ(pre.name, sh.name + "-npt");
    EXPECT_EQ(pre.start_from, "glass");
    EXPECT_EQ(pre.steps, 10000);  // default 20 ps of 2 fs
    EXPECT_TRUE(pre.parameters.empty()) << "the pre-equilibration must not shear";
    EXPECT_EQ(sh.kind, StageKind::Shear);
    EXPECT_EQ(sh.start_from, pre.name);
    EXPECT_TRUE(sh.box_from_mean);
    EXPECT_EQ(sh.volume, "zero-pressure");
  }
  EXPECT_EQ(c.stages[2].name, "shear-0500K");
  EXPECT_EQ(c.stages[4].name, "shear-0665K");
}

TEST(ShearVolume, StartStateShearsInStartFromsBoxAndNptDurationIsHonoured) {
  const auto s = gb::cases::parse_case(case_with_shear("    volume: start-state\n"), "t.yaml");
  ASSERT_EQ(s.stages.size(), 3u);
  EXPECT_EQ(s.stages[1].start_from, "glass");
  EXPECT_FALSE(s.stages[1].box_from_mean);
  const auto n = gb::cases::parse_case(case_with_shear("    npt_duration: \"5 ps\"\n"), "t.yaml");
  ASSERT_EQ(n.stages.size(), 5u);
  EXPECT_EQ(n.stages[1].steps, 2500);
}

TEST(ShearVolume, BadVolumeSettingsFailAtTheField) {
  try {
    gb::cases::parse_case(case_with_shear("    volume: fixed\n"), "t.yaml");
    FAIL() << "accepted volume: fixed";
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("t.yaml:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("volume"), std::string::npos) << e.what();
  }
  EXPECT_THROW(gb::cases::parse_case(case_with_shear("    volume: start-state\n    npt_duration: \"5 ps\"\n"), "t.yaml"),
               gb::InputError);
}
