#pragma once
// Errors for bad user input.  Every message a user sees about a file names the
// file, the line (and column where known) and the field that was wrong, in the
// compiler-like form  "path:line:column: field: what was expected".
#include <stdexcept>
#include <string>

namespace gb {

/// Where in an input file something was found.  line/column are 1-based;
/// 0 means unknown (then they are left out of the message).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string str() const;  // "file:line:column" / "file:line" / "file"
};

/// A problem with user input (file, flag, value).  what() is the full,
/// user-facing message; the parts are kept for tests and tools.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, std::string field, std::string message);
  /// An input error not tied to a file (e.g. a CLI flag).
  explicit InputError(std::string message);

  const SourceLocation& where() const { return where_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string field_;
  std::string message_;
};

/// A simulation that went wrong (NaN energy, exploding temperature, lost atoms).
class SimulationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reading or writing failed for a reason outside the input's content: disk
/// full, file too large, permission denied, a device error.  `glassbench`
/// exits with 74 (EX_IOERR from sysexits.h) on these; see docs/exit-codes.md.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace gb
