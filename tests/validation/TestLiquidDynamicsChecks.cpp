// The standard case's verdicts (references/cu64zr36.yaml, cu64zr36.liquid.*)
// on synthetic liquid-dynamics runs written from known laws: E_A per species
// over the Arrhenius window, T_A, the super-Arrhenius bend below T_A, and the
// density's fall with T.  Each check named after an effect must pass on data
// with the effect and fail on data without it.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "synthetic_run.hpp"
#include "validation/reference_loader.hpp"
#include "validation/validator.hpp"

namespace v = gb::validation;
namespace t = gb::testing;

namespace {

std::map<std::string, v::CheckResult> checks(const t::LiquidRunSpec& spec) {
  const std::string dir = t::make_temp_dir("liquid");
  t::write_liquid_dynamics_run(dir, spec);
  v::ValidationOptions opt;
  std::map<std::string, v::CheckResult> out;
  for (auto& r : v::validate_run(v::load_reference_dir(t::source_dir() + "/references"), v::RunDirectory::load(dir), opt))
    out[r.reference_id] = r;
  return out;
}

constexpr double kB = 8.617333262e-5;

}  // namespace

TEST(LiquidDynamicsChecks, SuperArrheniusDataPassAndReportEnergiesAndCrossover) {
  auto r = checks({});
  for (const char* id : {"cu64zr36.liquid.super_arrhenius_below_T_A_Cu", "cu64zr36.liquid.super_arrhenius_below_T_A_Zr",
                         "cu64zr36.liquid.thermal_expansion", "cu64zr36.liquid.density_falls_with_T"}) {
    ASSERT_TRUE(r.count(id)) << id;
    EXPECT_EQ(r[id].status, v::Status::Pass) << id << ": " << r[id].reason << " | " << r[id].measured.detail;
  }
  // E_high over the high-T window (2000, 1700, 1500 K: Arrhenius there by construction) is the generating E.
  EXPECT_NEAR(r["cu64zr36.liquid.E_A_Cu"].measured.value, 0.45, 0.01);
  EXPECT_NEAR(r["cu64zr36.liquid.E_A_Zr"].measured.value, 0.55, 0.01);
  EXPECT_EQ(r["cu64zr36.liquid.E_A_Cu"].status, v::Status::Skip);  // information only
  EXPECT_NE(r["cu64zr36.liquid.E_A_Cu"].reason.find("information only"), std::string::npos);
  // The bend: -c x^2 with c = 20 departs by 10 % between 1350 K (5 %) and 1200 K (34 %).
  const double T_A = r["cu64zr36.liquid.T_A_Cu"].measured.value;
  EXPECT_GT(T_A, 1200);
  EXPECT_LT(T_A, 1350);
  // E_low over 1350-1200 K: E + c k_B d(x^2)/d(1/T) by the generating law.
  auto x = [](double T) { return 1000.0 / T - 1000.0 / 1450.0; };
  const double extra = 20 * (x(1200) * x(1200) - x(1350) * x(1350)) / (1.0 / 1200 - 1.0 / 1350) * kB;
  EXPECT_NEAR(r["cu64zr36.liquid.super_arrhenius_below_T_A_Cu"].measured.value, (0.45 + extra) / 0.45, 0.02);
  // alpha_V generating value.
  EXPECT_NEAR(r["cu64zr36.liquid.thermal_expansion"].measured.value, 5.8e-5, 0.3e-5);
}

TEST(LiquidDynamicsChecks, PureArrheniusDataFailTheSuperArrheniusCheckAndHaveNoCrossover) {
  t::LiquidRunSpec s;
  s.super_c = 0;
  // Precise data (0.5 % D errors): E_low over 1350-1200 K to ~0.007 eV, so a
  // ratio of 1 is told apart from the 1.1 edge.  (With 2 % errors it is
  // inconclusive: two points 150 K apart cannot exclude 10 % growth.)
  s.D_rel_error = 0.005;
  auto r = checks(s);
  for (const char* id : {"cu64zr36.liquid.super_arrhenius_below_T_A_Cu", "cu64zr36.liquid.super_arrhenius_below_T_A_Zr"}) {
    EXPECT_EQ(r[id].status, v::Status::Fail) << id << ": " << r[id].reason << " | " << r[id].measured.detail;
    EXPECT_NEAR(r[id].measured.value, 1.0, 0.01) << id;
  }
  EXPECT_EQ(r["cu64zr36.liquid.T_A_Cu"].status, v::Status::Skip);
  EXPECT_NE(r["cu64zr36.liquid.T_A_Cu"].reason.find("no crossover"), std::string::npos) << r["cu64zr36.liquid.T_A_Cu"].reason;
}

TEST(LiquidDynamicsChecks, TooFewTemperaturesSkip) {
  t::LiquidRunSpec s;
  s.isothermal_K = {2000, 1700, 1500, 1350};
  auto r = checks(s);
  EXPECT_EQ(r["cu64zr36.liquid.super_arrhenius_below_T_A_Cu"].status, v::Status::Skip);
  EXPECT_NE(r["cu64zr36.liquid.super_arrhenius_below_T_A_Cu"].reason.find("need 5"), std::string::npos);
}

TEST(LiquidDynamicsChecks, DensityWithoutExpansionOrWithARiseFails) {
  t::LiquidRunSpec flat;
  flat.alpha_per_K = 0;  // no thermal expansion
  auto r = checks(flat);
  EXPECT_EQ(r["cu64zr36.liquid.thermal_expansion"].status, v::Status::Fail) << r["cu64zr36.liquid.thermal_expansion"].reason;

  t::LiquidRunSpec bump;
  bump.rho_bump_T_K = 1700;  // the 1700 K density above the 1500 K one: not monotonic
  bump.rho_bump_g_cm3 = 0.1;  // 6.97 at 1700 K against 6.95 at 1500 K
  r = checks(bump);
  EXPECT_EQ(r["cu64zr36.liquid.density_falls_with_T"].status, v::Status::Fail)
      << r["cu64zr36.liquid.density_falls_with_T"].reason << " | " << r["cu64zr36.liquid.density_falls_with_T"].measured.detail;
  EXPECT_NE(r["cu64zr36.liquid.density_falls_with_T"].measured.detail.find("1500 -> 1700 K"), std::string::npos);
}
