#include "analysis/csv_table.hpp"

#include "core/csv_reader.hpp"
#include "core/error.hpp"

namespace gb::analysis {

int CsvTable::column(const std::string& name) const {
  for (size_t k = 0; k < header.size(); ++k)
    if (header[k] == name) return static_cast<int>(k);
  std::string have;
  for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
  throw InputError({path, 0, 0}, "header", "no column '" + name + "' (columns: " + have + ")");
}

std::vector<double> CsvTable::values(int c) const {
  std::vector<double> v;
  for (const auto& r : rows) v.push_back(r[static_cast<size_t>(c)]);
  return v;
}

// The one CSV reader (core/csv_reader.hpp), every cell a finite number.
CsvTable read_csv_table(const std::string& path) {
  const CsvDocument d = read_csv(path);
  CsvTable t;
  t.path = path;
  t.header = d.header;
  for (size_t r = 0; r < d.rows.size(); ++r) {
    std::vector<double> row;
    for (size_t k = 0; k < d.header.size(); ++k) row.push_back(d.number(r, static_cast<int>(k), false));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace gb::analysis
