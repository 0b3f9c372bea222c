// Linked into every GoogleTest executable (tests/CMakeLists.txt): sets the
// environment the tests expect when ctest did not (gtest_discover_tests
// flattens a list-valued ENVIRONMENT property, so only one variable can be
// passed that way).  Values already set by the caller win.
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
}  // namespace
