#pragma once
// Line- and token-level reading of a LAMMPS potential file with exact error
// positions.  Header lines are read one line at a time; tables are
// free-format (values wrap across lines arbitrarily) and, as in LAMMPS, each
// table starts on a fresh line.  Unlike LAMMPS, extra values on a table's
// last line and anything after the last table are errors: both mean the
// counts in the header do not match the file.
#include <cstdint>
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
  /// Most numbers the unread part of the file can hold (each number takes
  /// at least 2 bytes: a digit and a separator).  Checked against the counts
  /// in a header before any table is allocated.
  long max_values_left() const;

 private:
  bool advance_to_content();  // moves cur_ to the next line with tokens
  std::string path_;
  std::vector<std::string> lines_;
  size_t cur_ = 0;  // index of the next unread line
  std::vector<std::uint64_t> bytes_from_;  // bytes_from_[k]: bytes in lines k..end
};

/// Integer header value that must be >= min_value and <= max_value.
long header_count(const LineTokens& t, int k, const std::string& field, long min_value, long max_value);
/// Number of table points (Nrho, Nr): 5.. limits::kMaxTablePoints.
long header_table_points(const LineTokens& t, int k, const std::string& field, long min_value);
/// Fail at the grid line unless `values` numbers fit in what is left of the file.
void require_values_fit(const PotentialFileScanner& in, const LineTokens& grid, long values);
/// Cutoff (Angstrom) of a grid line: positive, <= limits::kMaxCutoffA and
/// at most 32 grid steps past the last r knot (nr-1)*dr.
double header_cutoff(const LineTokens& t, int k, long nr, double dr);
/// A grid spacing (drho, dr) with a finite table extent (n-1)*spacing.
double header_spacing(const LineTokens& t, int k, const std::string& field, long n);
/// Header value that must be > 0.
double header_positive(const LineTokens& t, int k, const std::string& field);
/// An element mass (amu): positive and <= limits::kMaxMassAmu.
double header_mass(const LineTokens& t, int k, const std::string& field);

}  // namespace gb
