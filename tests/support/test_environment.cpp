// Linked into every GoogleTest executable (tests/CMakeLists.txt):
//  * sets the environment the tests expect when ctest did not
//    (gtest_discover_tests flattens a list-valued ENVIRONMENT property, so
//    only one variable can be passed that way); values already set win;
//  * is the tests' main(): a run in which every selected test was skipped
//    (GTEST_SKIP: platform, LAMMPS or package absent) exits 77, which
//    gb_add_gtest declares as SKIP_RETURN_CODE, so CTest reports SKIP and
//    never a pass.  (gtest_discover_tests runs one test per process.)
#include <gtest/gtest.h>

#include <cstdlib>

namespace {
struct TestEnvironment {
  TestEnvironment() {
    ::setenv("GLASSBENCH_SOURCE_DIR", GB_TEST_SOURCE_DIR, 0);
    ::setenv("GLASSBENCH_LMP", GB_TEST_LMP, 0);
    ::setenv("OMP_NUM_THREADS", "1", 0);  // LAMMPS oracle runs: one thread, no oversubscription
    ::setenv("POCL_DEBUG", "0", 0);
  }
} const kTestEnvironment;
constexpr int kSkipReturnCode = 77;  // = SKIP_RETURN_CODE in tests/CMakeLists.txt
}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  const ::testing::UnitTest& u = *::testing::UnitTest::GetInstance();
  if (rc == 0 && u.test_to_run_count() > 0 && u.skipped_test_count() == u.test_to_run_count()) return kSkipReturnCode;
  return rc;
}
