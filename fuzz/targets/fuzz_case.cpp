// libFuzzer target: the YAML case parser (src/cases), from text.
#include <string>

#include "cases/case_loader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gb::fuzz::run_one("case", [&] { gb::cases::parse_case(text, "fuzz.yaml"); });
  return 0;
}
