#include "core/csv_reader.hpp"

#include <cmath>
#include <fstream>
#include <limits>

#include "core/error.hpp"
#include "core/text_parse.hpp"

namespace gb {

namespace {
std::vector<std::string> split_commas(const std::string& line, std::vector<int>& cols) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    const size_t q = line.find(',', p);
    const std::string cell = line.substr(p, q == std::string::npos ? std::string::npos : q - p);
    const size_t a = cell.find_first_not_of(" \t\r"), b = cell.find_last_not_of(" \t\r");
    cols.push_back(static_cast<int>(p + 1 + (a == std::string::npos ? 0 : a)));
    out.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  return out;
}
}  // namespace

int CsvDocument::find_column(const std::string& name) const {
  for (size_t k = 0; k < header.size(); ++k)
    if (header[k] == name) return static_cast<int>(k);
  return -1;
}

int CsvDocument::column(const std::string& name) const {
  const int k = find_column(name);
  if (k >= 0) return k;
  std::string have;
  for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
  throw InputError({path, 0, 0}, "header", "no column '" + name + "' (columns: " + have + ")");
}

double CsvDocument::number(size_t row, int col, bool allow_nan) const {
  const std::string& c = cell(row, col);
  double v = 0;
  if (allow_nan && (c == "nan" || c == "NaN")) return std::numeric_limits<double>::quiet_NaN();
  if (!parse_finite_double(c, v))
    throw InputError({path, row_lines[row], row_columns[row][static_cast<size_t>(col)]},
                     header[static_cast<size_t>(col)],
                     std::string("expected a finite number") + (allow_nan ? " or nan" : "") + ", got '" + c + "'");
  return v;
}

std::vector<double> CsvDocument::numbers(int col, bool allow_nan) const {
  std::vector<double> v;
  v.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) v.push_back(number(r, col, allow_nan));
  return v;
}

CsvDocument read_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError({path, 0, 0}, "", "cannot open");
  CsvDocument d;
  d.path = path;
  std::string line;
  int no = 0;
  bool have_header = false;
  while (std::getline(in, line)) {
    ++no;
    const size_t a = line.find_first_not_of(" \t\r");
    if (a == std::string::npos || line[a] == '#') continue;
    std::vector<int> cols;
    auto cells = split_commas(line, cols);
    if (!have_header) {
      d.header = std::move(cells);
      have_header = true;
      continue;
    }
    if (cells.size() != d.header.size())
      throw InputError({path, no, 1}, "",
                       "expected " + std::to_string(d.header.size()) + " comma-separated values, got " +
                           std::to_string(cells.size()));
    d.rows.push_back(std::move(cells));
    d.row_lines.push_back(no);
    d.row_columns.push_back(std::move(cols));
  }
  if (!have_header) throw InputError({path, no, 0}, "", "no header line");
  return d;
}

}  // namespace gb
