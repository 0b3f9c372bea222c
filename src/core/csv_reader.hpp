#pragma once
// The one CSV reader of glassbench (thermo.csv, the analysis CSVs, user
// tables for `analyze fit` and `validate --dma-csv`): '#' comment lines and
// blank lines are skipped, the first other line is the header, cells are
// comma-separated and trimmed.  One rule for numbers: a finite decimal, or
// "nan"/"NaN" for "undefined" (as the analysis writes 0/0 ratios) where the
// caller allows it; "inf" and anything else are errors naming
// file:line:column and the column name.
#include <string>
#include <vector>

namespace gb {

struct CsvDocument {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // every row has header.size() cells
  std::vector<int> row_lines;                   // 1-based file line of each row
  std::vector<std::vector<int>> row_columns;    // 1-based character column of each cell

  /// Index of the column `name`, or -1.
  int find_column(const std::string& name) const;
  /// Index of the column `name`; throws gb::InputError naming the file and the columns it has.
  int column(const std::string& name) const;
  const std::string& cell(size_t row, int col) const { return rows[row][static_cast<size_t>(col)]; }
  /// Cell as a number (finite, or NaN for "nan" when allow_nan); errors name file:line:column:column-name.
  double number(size_t row, int col, bool allow_nan = true) const;
  /// A whole column as numbers.
  std::vector<double> numbers(int col, bool allow_nan = true) const;
};

/// Reads `path`; throws gb::InputError when it cannot be opened, has no
/// header, or a row has a different number of cells than the header.
CsvDocument read_csv(const std::string& path);

}  // namespace gb
