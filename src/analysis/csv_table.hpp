#pragma once
// A numeric CSV table with a header row ('#' lines and blank lines skipped),
// e.g. the T_K,D_A2_per_ps table that `analyze fit` reads.  Errors name file,
// line and column.
#include <string>
#include <vector>

namespace gb::analysis {

struct CsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<double>> rows;  // every cell parsed as a finite number

  /// Index of a column by name; throws gb::InputError naming the file and the columns it has.
  int column(const std::string& name) const;
  std::vector<double> values(int column) const;
};

CsvTable read_csv_table(const std::string& path);

}  // namespace gb::analysis
