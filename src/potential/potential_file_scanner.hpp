#pragma once
// Line- and token-level reading of a LAMMPS potential file with exact error
// positions.  Header lines are read one line at a time; tables are
// free-format (values wrap across lines arbitrarily) and, as in LAMMPS, each
// table starts on a fresh line.  Unlike LAMMPS, extra values on a table's
// last line and anything after the last table are errors: both mean the
// counts in the header do not match the file.
#include <string>
#include <vector>

#include "core/text_parse.hpp"

namespace gb {

class PotentialFileScanner {
 public:
  /// Reads the whole file.  Throws gb::InputError if it cannot be opened.
  explicit PotentialFileScanner(std::string path);

  const std::string& path() const { return path_; }
  /// Skip one raw line (comment lines at the top of the file).
  void skip_line(const std::string& what);
  /// Next line with content (text after '#' dropped) as tokens.
  /// `what` names the expected line in the end-of-file error.
  LineTokens next_line(const std::string& what);
  /// n finite numbers starting on the next line with content.  `field`
  /// names the table in errors ("F(rho) of Cu"); values are numbered 1..n.
  std::vector<double> table(long n, const std::string& field);
  /// Only blank/comment lines may remain; otherwise an error that names the
  /// first extra token.
  void expect_end(const std::string& after_what);

 private:
  bool advance_to_content();  // moves cur_ to the next line with tokens
  std::string path_;
  std::vector<std::string> lines_;
  size_t cur_ = 0;  // index of the next unread line
};

/// Integer header value that must be >= min_value.
long header_count(const LineTokens& t, int k, const std::string& field, long min_value);
/// Header value that must be > 0.
double header_positive(const LineTokens& t, int k, const std::string& field);

}  // namespace gb
