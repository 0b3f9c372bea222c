// validate on synthetic run directories written from known parameters: the
// verdicts must follow from the generating values (trends present -> pass,
// reversed -> fail, too few temperatures -> skip with a reason).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "synthetic_run.hpp"
#include "validation/reference_loader.hpp"
#include "validation/validator.hpp"

namespace v = gb::validation;

static std::vector<v::Reference> refs() {
  return v::load_reference_dir(gb::testing::source_dir() + "/references");
}

static std::map<std::string, v::CheckResult> run_checks(const gb::testing::SyntheticRunSpec& spec) {
  const std::string dir = gb::testing::make_temp_dir("run");
  gb::testing::write_synthetic_run(dir, spec);
  std::map<std::string, v::CheckResult> out;
  for (auto& r : v::validate_run(refs(), v::RunDirectory::load(dir), {})) out[r.reference_id] = r;
  return out;
}

TEST(ValidateRun, TransferredFindingsHoldOnARunBuiltWithThem) {
  auto r = run_checks({});
  for (const char* id : {"cu64zr36.finding.string_peak_later_when_colder", "cu64zr36.finding.string_peak_grows_when_colder",
                         "cu64zr36.finding.string_tau_arrhenius_like_liquid", "cu64zr36.finding.fast_atoms_less_icosahedral",
                         "cu64zr36.finding.fast_atoms_liquid_like_order", "cu64zr36.finding.small_species_is_fast",
                         "cu64zr36.finding.small_species_is_fast_in_liquid", "cu64zr36.finding.large_species_only_vibrates"}) {
    ASSERT_TRUE(r.count(id)) << id;
    EXPECT_EQ(r[id].status, v::Status::Pass) << id << ": " << r[id].reason << " | " << r[id].measured.detail;
  }
  // E_string / E_D generated as 0.40 / 0.40: the lag grid (20 per decade) limits it to a few %.
  EXPECT_NEAR(r["cu64zr36.finding.string_tau_arrhenius_like_liquid"].measured.value, 1.0, 0.05);
  // Al90La10 references do not apply to a Cu64Zr36 run.
  EXPECT_EQ(r.count("al90la10.finding.small_species_is_fast"), 0u);
  // No paper-protocol claim: protocol checks skip with the reason.
  EXPECT_EQ(r["protocol.atoms"].status, v::Status::Skip);
  EXPECT_NE(r["protocol.atoms"].reason.find("does not claim the paper protocol"), std::string::npos);
}

TEST(ValidateRun, ReversedTrendsFail) {
  gb::testing::SyntheticRunSpec s;
  s.h1 = -0.02;                        // peak shrinks as T falls
  s.w6_fast = -0.08;                   // fast atoms MORE icosahedral than slow ones
  s.rms_small_A = 0.2;                 // small species caged, large one mobile
  s.rms_large_A = 1.5;
  auto r = run_checks(s);
  EXPECT_EQ(r["cu64zr36.finding.string_peak_grows_when_colder"].status, v::Status::Fail);
  EXPECT_EQ(r["cu64zr36.finding.fast_atoms_less_icosahedral"].status, v::Status::Fail);
  EXPECT_EQ(r["cu64zr36.finding.small_species_is_fast"].status, v::Status::Fail);
  EXPECT_EQ(r["cu64zr36.finding.large_species_only_vibrates"].status, v::Status::Fail);
  EXPECT_EQ(r["cu64zr36.finding.string_peak_later_when_colder"].status, v::Status::Pass);
}

TEST(ValidateRun, TooFewTemperaturesSkipWithReasonAndWeakDataIsInconclusive) {
  gb::testing::SyntheticRunSpec s;
  s.isothermal_K = {1200, 300};
  s.n_fast = 3;  // 3 fast atoms: no distribution
  auto r = run_checks(s);
  const auto& t = r["cu64zr36.finding.string_peak_later_when_colder"];
  EXPECT_EQ(t.status, v::Status::Skip);
  EXPECT_NE(t.reason.find("too little data"), std::string::npos) << t.reason;
  EXPECT_EQ(r["cu64zr36.finding.fast_atoms_less_icosahedral"].status, v::Status::Inconclusive);
  // Nearly equal w6hat means with a wide spread: undecidable, not a pass.
  gb::testing::SyntheticRunSpec w;
  w.w6_fast = -0.0595;
  w.w6_sd = 0.05;
  auto rw = run_checks(w);
  EXPECT_EQ(rw["cu64zr36.finding.fast_atoms_less_icosahedral"].status, v::Status::Inconclusive);
  // A 2 ps glass window only shows vibrations: the diffusion claims skip.
  gb::testing::SyntheticRunSpec sh;
  sh.dump_span_steps = 1000;
  auto rs = run_checks(sh);
  EXPECT_EQ(rs["cu64zr36.finding.small_species_is_fast"].status, v::Status::Skip);
  EXPECT_NE(rs["cu64zr36.finding.small_species_is_fast"].reason.find("need >= 100 ps"), std::string::npos);
  EXPECT_EQ(rs["cu64zr36.finding.large_species_only_vibrates"].status, v::Status::Skip);
}

TEST(ValidateRun, PaperProtocolAndMdDmaOnAnAl90La10Run) {
  gb::testing::SyntheticRunSpec s;
  s.small = "Al";
  s.large = "La";
  s.n_small = 90;
  s.n_large = 10;
  s.paper_protocol = true;
  s.md_dma = true;
  s.E_D_eV = 0.41;       // the paper's liquid value
  s.E_string_eV = 0.41;
  auto r = run_checks(s);
  EXPECT_EQ(r["protocol.atoms"].status, v::Status::Fail);  // 100 atoms, not 4000
  EXPECT_EQ(r["protocol.equilibrate.temperature"].status, v::Status::Pass);
  EXPECT_EQ(r["protocol.quench.rate"].status, v::Status::Pass);  // 1900 K over 950000 x 2 fs = 1.9 ns
  EXPECT_EQ(r["protocol.quench.ensemble"].status, v::Status::Pass);
  EXPECT_EQ(r["protocol.timestep"].status, v::Status::Pass);
  EXPECT_EQ(r["al90la10.activation_energy.liquid_md_diffusion"].status, v::Status::Pass)
      << r["al90la10.activation_energy.liquid_md_diffusion"].measured.detail;
  EXPECT_NEAR(r["al90la10.activation_energy.liquid_md_diffusion"].measured.value, 0.41, 0.01);  // exact D, 2% errors
  EXPECT_EQ(r["al90la10.md_dma.loss_peak_low"].status, v::Status::Pass);
  EXPECT_EQ(r["al90la10.md_dma.loss_peak_high"].status, v::Status::Pass);
}

TEST(ValidateRun, GreenKuboAgainstMaxwellPassesFailsAndSkipsOnShortSeries) {
  gb::testing::SyntheticRunSpec s;
  s.viscosity = true;
  const char* id = "relation.maxwell.liquid_gk";
  EXPECT_EQ(run_checks(s)[id].status, v::Status::Pass);  // eta_Maxwell = eta_GK
  s.maxwell_over_gk = std::pow(10.0, 0.45);              // 0.45 decades apart: beyond the 0.3 band by > 2 sigma
  EXPECT_EQ(run_checks(s)[id].status, v::Status::Fail);
  s.maxwell_over_gk = 1.0;
  s.gk_cutoff_over_tau = 0.5;  // GK integral cut before tau_alpha: a lower bound, no verdict
  const auto r = run_checks(s)[id];
  EXPECT_EQ(r.status, v::Status::Skip);
  EXPECT_NE(r.reason.find("lower bound"), std::string::npos) << r.reason;
}

TEST(ValidateRun, IdealShellSelfChecksMatchThePaper) {
  for (auto& r : v::validate_self_checks(refs(), {}))
    EXPECT_EQ(r.status, v::Status::Pass) << r.reference_id << " computed " << r.measured.value;
}
