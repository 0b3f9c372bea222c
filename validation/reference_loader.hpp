#pragma once
// Reads references/*.yaml (schema: docs/validation.md).  Every problem is a
// gb::InputError "file:line:column: field: message" (yaml-cpp marks).
#include <string>
#include <vector>

#include "validation/reference.hpp"

namespace gb::validation {

/// One reference file.
std::vector<Reference> load_reference_file(const std::string& path);
/// Every *.yaml in a directory (sorted by name); ids must be unique across files.
std::vector<Reference> load_reference_dir(const std::string& dir);

}  // namespace gb::validation
