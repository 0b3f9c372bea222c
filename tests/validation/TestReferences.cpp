// The shipped references load, carry sources and reasons, and bad reference
// files are rejected with file:line:field messages.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "synthetic_run.hpp"
#include "validation/reference_loader.hpp"

namespace v = gb::validation;

static std::string refs_dir() { return gb::testing::source_dir() + "/references"; }

static const v::Reference& find(const std::vector<v::Reference>& refs, const std::string& id) {
  for (auto& r : refs)
    if (r.id == id) return r;
  throw std::runtime_error("missing reference " + id);
}

TEST(References, ShippedFilesLoadWithSourcesAndReasons) {
  const auto refs = v::load_reference_dir(refs_dir());
  ASSERT_GE(refs.size(), 40u);
  for (const auto& r : refs) {
    // Self-consistency checks test physics every liquid must show (no published
    // value); their source states the physics and where a scale comes from.
    if (r.origin == "self-consistency") EXPECT_GT(r.source.size(), 40u) << r.id;
    else EXPECT_NE(r.source.find("Chang et al."), std::string::npos) << r.id;
    EXPECT_FALSE(r.reason.empty()) << r.id;
    EXPECT_FALSE(r.units.empty()) << r.id;
  }
}

TEST(References, PaperValuesAsPublished) {
  // Values typed from the paper (issue 5 section 1); a typo in references/ fails here.
  const auto refs = v::load_reference_dir(refs_dir());
  EXPECT_EQ(*find(refs, "y689co311.activation_energy.fast_relaxation").value, 0.60);
  EXPECT_EQ(*find(refs, "y689co311.activation_energy.liquid_viscosity").value, 0.63);
  EXPECT_EQ(*find(refs, "ce70cu20al10.activation_energy.fast_relaxation").value, 0.46);
  EXPECT_EQ(*find(refs, "ce70cu20al10.activation_energy.liquid_cu_diffusion").value, 0.47);
  EXPECT_EQ(*find(refs, "al90la10.activation_energy.fast_relaxation").value, 0.47);
  EXPECT_EQ(*find(refs, "al90la10.activation_energy.liquid_md_diffusion").value, 0.41);
  EXPECT_EQ(*find(refs, "y689co311.viscosity.rt_measured").value, 6.93);
  EXPECT_EQ(*find(refs, "y689co311.viscosity.rt_measured").uncertainty, 0.02);
  EXPECT_EQ(*find(refs, "y689co311.viscosity.rt_predicted").value, 6.44);
  EXPECT_EQ(*find(refs, "al90la10.md_dma.loss_peak_high").value, 665);
  EXPECT_EQ(*find(refs, "al90la10.md_dma.loss_peak_low").value, 528);
  EXPECT_EQ(*find(refs, "w6hat.fcc").value, -0.01316);
  EXPECT_EQ(*find(refs, "w6hat.hcp").value, -0.01244);
  EXPECT_EQ(*find(refs, "w6hat.icosahedron").value, -0.16975);
  EXPECT_EQ(*find(refs, "protocol.atoms").value, 4000);
  EXPECT_EQ(*find(refs, "protocol.quench.rate").value, 1e12);
  EXPECT_EQ(*find(refs, "protocol.timestep").value, 0.002);
  EXPECT_EQ(*find(refs, "rule.activation_energy_12kTg").value, 12);
  // log10(0.70 ms) to the 3 decimals stored.
  EXPECT_NEAR(*find(refs, "al90la10.nanoindentation.tau_rt").value, std::log10(0.70e-3), 5e-4);
}

static std::string write_ref(const std::string& body) {
  const std::string dir = gb::testing::make_temp_dir("refs");
  std::ofstream(dir + "/bad.yaml") << body;
  return dir + "/bad.yaml";
}

static std::string error_of(const std::string& path) {
  try {
    v::load_reference_file(path);
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

static const char* kGood =
    "references:\n"
    "  - id: x\n"
    "    quantity: q\n"
    "    system: any\n"
    "    value: 1.0\n"
    "    units: eV\n"
    "    source: s\n"
    "    tolerance: {kind: absolute, value: 0.1}\n"
    "    reason: r\n"
    "    check: {probe: protocol, field: atoms}\n";

TEST(References, GoodMinimalFileLoads) {
  const auto refs = v::load_reference_file(write_ref(kGood));
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].where.line, 2);
  EXPECT_EQ(refs[0].params.at("field"), "atoms");
}

TEST(References, ErrorsNameFileLineAndField) {
  std::string s = kGood;
  std::string bad = s;
  bad.replace(bad.find("value: 1.0"), 10, "value: abc");
  const std::string p1 = write_ref(bad);
  EXPECT_NE(error_of(p1).find(p1 + ":5:"), std::string::npos) << error_of(p1);
  EXPECT_NE(error_of(p1).find("x.value"), std::string::npos) << error_of(p1);

  bad = s;
  bad.replace(bad.find("kind: absolute"), 14, "kind: loose");
  const std::string p2 = write_ref(bad);
  EXPECT_NE(error_of(p2).find(":8:"), std::string::npos) << error_of(p2);
  EXPECT_NE(error_of(p2).find("tolerance.kind"), std::string::npos) << error_of(p2);

  bad = s;
  bad.erase(bad.find("    source: s\n"), 14);
  EXPECT_NE(error_of(write_ref(bad)).find("source: missing"), std::string::npos);

  bad = s + "    colour: red\n";
  EXPECT_NE(error_of(write_ref(bad)).find("colour: unknown key"), std::string::npos);

  const std::string p3 = write_ref("references:\n  - id: [unclosed\n");
  EXPECT_NE(error_of(p3).find("YAML syntax error"), std::string::npos) << error_of(p3);
}

TEST(References, DuplicateIdsAcrossFilesRejected) {
  const std::string dir = gb::testing::make_temp_dir("refs2");
  std::ofstream(dir + "/a.yaml") << kGood;
  std::ofstream(dir + "/b.yaml") << kGood;
  try {
    v::load_reference_dir(dir);
    FAIL() << "duplicate accepted";
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("duplicate id 'x'"), std::string::npos) << e.what();
  }
}
