#pragma once
// Small text helpers shared by writers of HTML/XML/JUnit and readers of
// whole files.
#include <string>

namespace gb {

/// Whole file as a string; "" if it cannot be opened (callers that need an
/// error check existence first).
std::string read_text_file(const std::string& path);

/// Escape & < > " for XML/HTML text and attribute values.
std::string xml_escape(const std::string& s);

}  // namespace gb
