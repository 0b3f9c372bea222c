#pragma once
// Reading and checking a YAML case file (schema: docs/cases.md).  Every
// problem is a gb::InputError "file:line:column: key.path: what was expected";
// unknown keys get a "did you mean"; impossible values (negative times, T <= 0,
// an atom count that cannot honour the composition, ...) are errors.
#include <string>

#include "cases/case_spec.hpp"

namespace gb::cases {

struct LoadOptions {
  /// Replaces potential.file (the --potential flag).  Empty: use the case's.
  std::string potential_override;
};

Case load_case(const std::string& path, const LoadOptions& options = {});

/// Parse case text as if read from `file_label` (for tests and tools).
Case parse_case(const std::string& yaml_text, const std::string& file_label, const LoadOptions& options = {});

}  // namespace gb::cases
