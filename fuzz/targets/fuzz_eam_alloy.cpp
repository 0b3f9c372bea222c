// libFuzzer target: the eam/alloy (setfl) EAM reader (src/potential), from a file.
#include "fuzz_support.hpp"
#include "potential/eam_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = gb::fuzz::scratch_file(data, size, ".eam.alloy");
  static const bool cleanup = (gb::fuzz::remove_scratch_at_exit(path), true);
  (void)cleanup;
  gb::fuzz::run_one("eam_alloy", [&] {
    const gb::EamPotential pot = gb::read_eam(path, gb::EamStyle::Setfl);
    gb::map_elements(pot, pot.elements);
  });
  return 0;
}
