#include "analysis/csv_table.hpp"

#include <fstream>

#include "core/error.hpp"
#include "core/text_parse.hpp"

namespace gb::analysis {

namespace {
std::vector<std::string> split_commas(const std::string& line, std::vector<int>* cols) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    const size_t q = line.find(',', p);
    std::string cell = line.substr(p, q == std::string::npos ? std::string::npos : q - p);
    const size_t a = cell.find_first_not_of(" \t\r"), b = cell.find_last_not_of(" \t\r");
    if (cols) cols->push_back(static_cast<int>(p + 1 + (a == std::string::npos ? 0 : a)));
    out.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  return out;
}
}  // namespace

int CsvTable::column(const std::string& name) const {
  for (size_t k = 0; k < header.size(); ++k)
    if (header[k] == name) return static_cast<int>(k);
  std::string have;
  for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
  throw InputError({path, 0, 0}, "header", "no column '" + name + "' (columns: " + have + ")");
}

std::vector<double> CsvTable::values(int c) const {
  std::vector<double> v;
  for (const auto& r : rows) v.push_back(r[c]);
  return v;
}

CsvTable read_csv_table(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError({path, 0, 0}, "", "cannot open table");
  CsvTable t;
  t.path = path;
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    const size_t a = line.find_first_not_of(" \t\r");
    if (a == std::string::npos || line[a] == '#') continue;
    if (t.header.empty()) {
      t.header = split_commas(line, nullptr);
      continue;
    }
    std::vector<int> cols;
    const auto cells = split_commas(line, &cols);
    if (cells.size() != t.header.size())
      throw InputError({path, no, 0}, "row", "has " + std::to_string(cells.size()) + " cells, the header has " +
                                                 std::to_string(t.header.size()));
    std::vector<double> row;
    for (size_t k = 0; k < cells.size(); ++k) {
      double v;
      if (!parse_finite_double(cells[k], v))
        throw InputError({path, no, cols[k]}, t.header[k], "expected a finite number, got '" + cells[k] + "'");
      row.push_back(v);
    }
    t.rows.push_back(row);
  }
  if (t.header.empty()) throw InputError({path, 0, 0}, "header", "table is empty");
  return t;
}

}  // namespace gb::analysis
