// libFuzzer target: the LAMMPS dump reader (src/core/lammps_dump), plain or gzip.
#include "core/lammps_dump.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = gb::fuzz::scratch_file(data, size, ".dump");
  static const bool cleanup = (gb::fuzz::remove_scratch_at_exit(path), true);
  (void)cleanup;
  gb::fuzz::run_one("lammps_dump", [&] { gb::DumpReader::read_all(path); });
  return 0;
}
