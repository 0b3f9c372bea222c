#pragma once
// Shared by the libFuzzer targets: run one parser on one input and sort the
// outcome.  A gb::InputError is the contract for bad input; it counts as
// "file:line error" when it names a line, else "error without line".  Any
// other exception (bad_alloc, length_error, out_of_range, ...) breaks the
// contract: it is printed and the process aborts, so libFuzzer saves the
// input as a crash and the regression replay test fails.  Counts go to
// stderr at exit ("fuzz outcome <target>: N inputs: ...") for the report.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>

#include "core/error.hpp"

namespace gb::fuzz {

struct Outcomes {
  const char* target = "";
  unsigned long inputs = 0, with_line = 0, without_line = 0, accepted = 0;
  ~Outcomes() {
    if (inputs > 0 && std::getenv("GB_FUZZ_QUIET") == nullptr)
      std::fprintf(stderr, "fuzz outcome %s: %lu inputs: %lu file:line errors, %lu errors without a line, %lu accepted\n",
                   target, inputs, with_line, without_line, accepted);
  }
};

inline Outcomes& outcomes(const char* target) {
  static Outcomes o;
  o.target = target;
  return o;
}

/// Write the input to a private temporary file named ...<suffix> (the EAM
/// style comes from the extension) and return its path.
inline const std::string& scratch_file(const uint8_t* data, size_t size, const std::string& suffix) {
  static const std::string path = [&] {
    const char* tmp = std::getenv("TMPDIR");
    return std::string(tmp && *tmp ? tmp : "/tmp") + "/gb-fuzz-" + std::to_string(::getpid()) + suffix;
  }();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  return path;
}

inline void remove_scratch_at_exit(const std::string& path) {
  static std::string p;
  p = path;
  std::atexit([] { ::unlink(p.c_str()); });
}

/// Run `parse`, classify, abort on a contract violation.
template <class F>
void run_one(const char* target, F&& parse) {
  Outcomes& o = outcomes(target);
  ++o.inputs;
  try {
    parse();
    ++o.accepted;
  } catch (const gb::InputError& e) {
    if (e.where().line > 0) ++o.with_line;
    else ++o.without_line;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz %s: not an InputError: %s\n", target, e.what());
    std::abort();
  }
}

}  // namespace gb::fuzz
