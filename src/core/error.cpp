#include "core/error.hpp"

namespace gb {

std::string SourceLocation::str() const {
  std::string s = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  }
  return s;
}

static std::string compose(const SourceLocation& w, const std::string& field, const std::string& msg) {
  std::string s = w.str() + ": ";
  if (!field.empty()) s += field + ": ";
  return s + msg;
}

InputError::InputError(SourceLocation where, std::string field, std::string message)
    : std::runtime_error(compose(where, field, message)),
      where_(std::move(where)),
      field_(std::move(field)),
      message_(std::move(message)) {}

InputError::InputError(std::string message) : std::runtime_error(message), message_(std::move(message)) {}

}  // namespace gb
