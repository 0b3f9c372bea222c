#pragma once
// The message a reader gives for a file, or "<no error>".  Anything other
// than gb::InputError (bad_alloc, length_error, ...) is returned as
// "<other error: ...>" so a test shows it instead of crashing.
#include <exception>
#include <string>

#include "core/error.hpp"

namespace gb::testing {

template <class F>
std::string input_error_of(F&& read) {
  try {
    read();
  } catch (const gb::InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("<other error: ") + e.what() + ">";
  }
  return "<no error>";
}

}  // namespace gb::testing
