// libFuzzer target: the LAMMPS data file reader (src/core/lammps_data).
#include "core/lammps_data.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = gb::fuzz::scratch_file(data, size, ".data");
  static const bool cleanup = (gb::fuzz::remove_scratch_at_exit(path), true);
  (void)cleanup;
  gb::fuzz::run_one("lammps_data", [&] { gb::read_lammps_data(path); });
  return 0;
}
