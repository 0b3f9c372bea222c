// Native EamForce on OpenMM's CUDA platform: the same common kernels as
// OpenCL (platforms/common), registered by libGlassbenchEamCUDA.so, which is
// built only against an OpenMM that has a CUDA platform (8.x from source with
// -DOpenMM_ROOT; see README "Building against OpenMM 8.x").  Without a CUDA
// device or driver every test here skips and says why.  Never run on a GPU in
// this project so far: the bounds are OpenCL's, untested on CUDA hardware.
#include <string>

namespace {
constexpr const char* kPlatform = "CUDA";
struct Tol {
  double energy_per_atom_eV, max_force_eV_per_A, stress_rel;
  double custom_energy_per_atom_eV, custom_force_eV_per_A, resume_nm;
};
// The OpenCL bounds (TestOpenCLEamForce.cpp), since the kernel source and
// its precision scheme are the same: float pair arithmetic in mixed
// precision (~6e-8 relative per term, ~100 terms per atom), virial not
// compared (-1), 1e-4 nm after a 30-step chaotic resume.
constexpr Tol kTol{5e-6, 1e-3, -1, 1e-5, 2e-3, 1e-4};
}  // namespace

#include "EamForceTestBody.hpp"

namespace {

// Why CUDA is absent, in the skip message: OpenMM's libOpenMMCUDA.so fails to
// load without libcuda.so.1 (the driver), and our libGlassbenchEamCUDA.so
// with it; both failures are recorded, not fatal.
std::string cuda_absence_reason() {
  std::string why = "CUDA platform not available (no CUDA device/driver, or OpenMM built without CUDA)";
  for (const auto& f : gb::openmm_plugin_load_failures())
    if (f.find("CUDA") != std::string::npos || f.find("libcuda") != std::string::npos) why += "; " + f;
  return why;
}

TEST(NativeEamForceCUDA, PlatformAndKernelPresent) {
  if (!platform_present()) GTEST_SKIP() << cuda_absence_reason();
  // A CUDA platform without our kernel means libGlassbenchEamCUDA.so did not
  // load although OpenMM's CUDA plugin did: a real defect, not a skip.
  EXPECT_TRUE(gb::native_force_available(kPlatform)) << "libGlassbenchEamCUDA.so did not register the kernel";
}

// Single and double as in TestOpenCLEamForce.cpp (same kernels, same bounds).
TEST(NativeEamForceCUDA, SinglePrecisionAgreesWithLammps) {
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case("CuZr_mm.eam.fs"), native_engine("single"),
                                       tolerance());
}

TEST(NativeEamForceCUDA, DoublePrecisionAgreesWithLammps) {
  gb::testing::AgreementTolerance t = tolerance();
  t.energy_per_atom_eV = 1e-10;
  t.max_force_eV_per_A = 1e-8;
  gb::testing::expect_lammps_agreement(gb::testing::shipped_file_case("CuZr_mm.eam.fs"), native_engine("double"), t);
}

TEST(NativeEamForceCUDA, DoublePrecisionListRebuildMatchesFreshContext) {
  if (!platform_present()) GTEST_SKIP() << cuda_absence_reason();
  if (!gb::native_force_available(kPlatform)) GTEST_SKIP() << "native kernel not built for " << kPlatform;
  check_list_rebuild("double", 1e-10, 1e-8);
}

}  // namespace
