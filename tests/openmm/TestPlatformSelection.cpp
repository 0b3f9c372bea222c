// Platform choice: names, preference order, precision rules, errors that
// list what is available, and clean stdout when a Context is made.
#include <gtest/gtest.h>

#include <OpenMM.h>

#include <algorithm>

#include "core/error.hpp"
#include "openmm/opencl_devices.hpp"
#include "openmm/platform.hpp"

namespace {

bool has(const std::string& name) {
  auto v = gb::available_platforms();
  return std::find(v.begin(), v.end(), name) != v.end();
}

TEST(PlatformSelection, ReferenceAlwaysAvailableAndVersionKnown) {
  EXPECT_TRUE(has("Reference"));
  const std::string v = gb::openmm_version();
  ASSERT_FALSE(v.empty());
  EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(v[0]))) << v;
}

TEST(PlatformSelection, UnknownPlatformListsAvailableOnes) {
  gb::PlatformRequest r;
  r.name = "Quantum";
  try {
    gb::choose_platform(r);
    FAIL() << "expected InputError";
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("Quantum"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Reference"), std::string::npos) << e.what();
  }
}

TEST(PlatformSelection, NameIsCaseInsensitiveAndPreferenceOrderIsUsed) {
  gb::PlatformRequest r;
  r.name = "reference";
  EXPECT_EQ(gb::choose_platform(r).name, "Reference");
  gb::PlatformRequest p;
  p.preference = {"NoSuchPlatform", "Reference", "CPU"};
  EXPECT_EQ(gb::choose_platform(p).name, "Reference");
  p.preference = {"NoSuchPlatform"};
  EXPECT_THROW(gb::choose_platform(p), gb::InputError);
}

// A preference [OpenCL, CPU] means "a GPU through OpenCL, else the CPU": an
// OpenCL that only drives CPU devices (PoCL) is passed over for CPU, unless a
// device index or the platform name asks for OpenCL itself.
TEST(PlatformSelection, HostOnlyOpenClYieldsToTheCpuPlatformLaterInTheList) {
  if (!has("OpenCL") || !has("CPU")) GTEST_SKIP() << "needs both the OpenCL and CPU platforms";
  const gb::OpenClDevices kind = gb::opencl_devices();
  if (kind == gb::OpenClDevices::Unknown) GTEST_SKIP() << "built without the OpenCL library: no device query";
  gb::PlatformRequest p;
  p.preference = {"CUDA", "OpenCL", "CPU", "Reference"};
  const std::string want = kind == gb::OpenClDevices::CpuOnly ? "CPU" : "OpenCL";
  EXPECT_EQ(gb::choose_platform(p).name, has("CUDA") ? "CUDA" : want);
  p.preference = {"OpenCL", "Reference"};  // no CPU later: OpenCL stays
  EXPECT_EQ(gb::choose_platform(p).name, "OpenCL");
  p.preference = {"CPU", "OpenCL"};  // CPU first anyway
  EXPECT_EQ(gb::choose_platform(p).name, "CPU");
  p.preference = {"OpenCL", "CPU"};
  p.device_index = 0;  // a named device: OpenCL on purpose
  EXPECT_EQ(gb::choose_platform(p).name, "OpenCL");
  gb::PlatformRequest named;
  named.name = "OpenCL";
  named.preference = {"CPU"};
  EXPECT_EQ(gb::choose_platform(named).name, "OpenCL");
}

TEST(PlatformSelection, PrecisionRules) {
  gb::PlatformRequest r;
  r.name = "Reference";
  EXPECT_EQ(gb::choose_platform(r).precision, "double");
  r.precision = "single";
  EXPECT_THROW(gb::choose_platform(r), gb::InputError);  // Reference is double only
  r.precision = "quadruple";
  EXPECT_THROW(gb::choose_platform(r), gb::InputError);
  if (has("CPU")) {
    gb::PlatformRequest c;
    c.name = "CPU";
    c.cpu_threads = 2;
    const auto pc = gb::choose_platform(c);
    EXPECT_EQ(pc.precision, "mixed");
    EXPECT_EQ(pc.properties.at("Threads"), "2");
  }
  if (has("OpenCL")) {
    gb::PlatformRequest o;
    o.name = "OpenCL";
    o.precision = "single";
    EXPECT_EQ(gb::choose_platform(o).properties.at("Precision"), "single");
    o.precision = "";
    EXPECT_EQ(gb::choose_platform(o).properties.at("Precision"), "mixed");
  }
}

TEST(PlatformSelection, ContextCreationKeepsStdoutClean) {
  // OpenMM's OpenCL platform prints a warning about PoCL to std::cout.
  for (const std::string name : {"Reference", "CPU", "OpenCL"}) {
    if (!has(name)) continue;
    OpenMM::System sys;
    sys.addParticle(1.0);
    OpenMM::VerletIntegrator integ(0.001);
    gb::PlatformRequest r;
    r.name = name;
    const auto pc = gb::choose_platform(r);
    testing::internal::CaptureStdout();
    auto ctx = gb::make_context(sys, integ, pc);
    EXPECT_EQ(testing::internal::GetCapturedStdout(), "") << name;
    EXPECT_EQ(ctx->getPlatform().getName(), name);
  }
}

}  // namespace
