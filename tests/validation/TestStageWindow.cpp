// A claim about a state is tested only on that state, and a string-ratio
// "peak" only when there is one.
//
// The glass: the checks of the glass
// at 300 K (T_window_K: 150 in references/) skip, with the reason, on a run
// whose coldest stage is a 1200 K liquid, instead of passing or failing the
// glass claim on liquid data (the cu64zr36-liquid-dynamics case did exactly
// that: "large species only vibrates" failed at 1200 K).
#include <gtest/gtest.h>

#include <map>

#include "synthetic_run.hpp"
#include "validation/reference_loader.hpp"
#include "validation/validator.hpp"

namespace v = gb::validation;

namespace {

std::map<std::string, v::CheckResult> checks_of(const gb::testing::SyntheticRunSpec& spec) {
  const std::string dir = gb::testing::make_temp_dir("window");
  gb::testing::write_synthetic_run(dir, spec);
  std::map<std::string, v::CheckResult> out;
  const auto refs = v::load_reference_dir(gb::testing::source_dir() + "/references");
  for (auto& r : v::validate_run(refs, v::RunDirectory::load(dir), {})) out[r.reference_id] = r;
  return out;
}

const char* const kGlassChecks[] = {
    "cu64zr36.finding.fast_atoms_less_icosahedral", "cu64zr36.finding.fast_atoms_liquid_like_order",
    "cu64zr36.finding.small_species_is_fast",       "cu64zr36.finding.large_species_only_vibrates",
    "cu64zr36.finding.fast_slow_equal_atomic_volume", "cu64zr36.finding.hops_land_on_neighbour_sites"};

}  // namespace

TEST(StageWindow, GlassClaimsSkipOnARunWithoutAGlassStage) {
  gb::testing::SyntheticRunSpec s;
  s.isothermal_K = {1800, 1600, 1400, 1200};  // liquid and supercooled only
  auto r = checks_of(s);
  for (const char* id : kGlassChecks) {
    ASSERT_TRUE(r.count(id)) << id;
    EXPECT_EQ(r[id].status, v::Status::Skip) << id << ": " << r[id].reason;
    EXPECT_NE(r[id].reason.find("no stage within 150 K of 300 K"), std::string::npos) << id << ": " << r[id].reason;
  }
  // The liquid claim reads the hottest stage, not the glass: still decided.
  EXPECT_NE(r["cu64zr36.finding.small_species_is_fast_in_liquid"].status, v::Status::Skip);
}

TEST(StageWindow, AGlassStageWithinTheWindowIsRead) {
  gb::testing::SyntheticRunSpec s;
  s.isothermal_K = {1800, 1600, 1400, 1200, 1000, 800, 600, 420};  // the glass stage 120 K from 300 K
  auto r = checks_of(s);
  for (const char* id : {"cu64zr36.finding.fast_atoms_less_icosahedral", "cu64zr36.finding.small_species_is_fast",
                         "cu64zr36.finding.large_species_only_vibrates"})
    EXPECT_EQ(r[id].status, v::Status::Pass) << id << ": " << r[id].reason;
}

// A ratio curve with a bump of 0.005 out of 400 fast atoms (binomial SE 0.0035):
// every stage has a largest ratio but none stands out by 2 SE, so no stage has a
// tau_string and the string-trend checks skip instead of deciding on noise.
TEST(StringPeak, ABumpInsideItsNoiseIsNoPeak) {
  gb::testing::SyntheticRunSpec s;
  s.h0 = 0.005;
  s.h1 = 0;
  auto r = checks_of(s);
  for (const char* id : {"cu64zr36.finding.string_peak_later_when_colder", "cu64zr36.finding.string_peak_grows_when_colder",
                         "cu64zr36.finding.string_tau_arrhenius_like_liquid"}) {
    EXPECT_EQ(r[id].status, v::Status::Skip) << id << ": " << r[id].reason;
    EXPECT_NE((r[id].reason + r[id].measured.detail).find("no peak, only noise"), std::string::npos)
        << id << ": " << r[id].reason << " | " << r[id].measured.detail;
  }
  // The same curve 20x higher (0.1 + 0.15 * 1000/T, the default) is a peak at every temperature.
  auto ok = checks_of({});
  EXPECT_EQ(ok["cu64zr36.finding.string_peak_later_when_colder"].status, v::Status::Pass);
}
