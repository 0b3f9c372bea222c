#include "potential/internal/potential_file_scanner.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/error.hpp"
#include "core/input_limits.hpp"

namespace gb {

namespace {
std::string strip_comment(const std::string& line) {
  const auto p = line.find('#');
  return p == std::string::npos ? line : line.substr(0, p);
}
}  // namespace

PotentialFileScanner::PotentialFileScanner(std::string path) : path_(std::move(path)) {
  std::ifstream in(path_);
  if (!in) throw InputError({path_, 0, 0}, "", "cannot open potential file");
  for (std::string l; std::getline(in, l);) lines_.push_back(std::move(l));
  bytes_from_.assign(lines_.size() + 1, 0);
  for (size_t k = lines_.size(); k-- > 0;) bytes_from_[k] = bytes_from_[k + 1] + lines_[k].size() + 1;
}

long PotentialFileScanner::max_values_left() const {
  return static_cast<long>(limits::max_items_in_bytes(bytes_from_[std::min(cur_, lines_.size())], 2));
}

void PotentialFileScanner::skip_line(const std::string& what) {
  if (cur_ >= lines_.size())
    throw InputError({path_, static_cast<int>(lines_.size()) + 1, 0}, what, "file ends early: expected " + what);
  ++cur_;
}

bool PotentialFileScanner::advance_to_content() {
  while (cur_ < lines_.size()) {
    LineTokens t(path_, static_cast<int>(cur_ + 1), strip_comment(lines_[cur_]));
    if (t.size() > 0) return true;
    ++cur_;
  }
  return false;
}

LineTokens PotentialFileScanner::next_line(const std::string& what) {
  if (!advance_to_content())
    throw InputError({path_, static_cast<int>(lines_.size()) + 1, 0}, what, "file ends early: expected " + what);
  LineTokens t(path_, static_cast<int>(cur_ + 1), strip_comment(lines_[cur_]));
  ++cur_;
  return t;
}

std::vector<double> PotentialFileScanner::table(long n, const std::string& field) {
  std::vector<double> v;
  if (n < 0 || n > max_values_left())
    throw InputError({path_, static_cast<int>(std::min(cur_, lines_.size()) + 1), 0}, field,
                     "expected " + std::to_string(n) + " values, but the rest of the file can hold at most " +
                         std::to_string(max_values_left()) + " (count in the header too large)");
  v.reserve(static_cast<size_t>(n));
  while (static_cast<long>(v.size()) < n) {
    if (!advance_to_content())
      throw InputError({path_, static_cast<int>(lines_.size()) + 1, 0}, field,
                       "file ends early: expected " + std::to_string(n) + " values, found " +
                           std::to_string(v.size()) + " (table truncated or count in the header too large)");
    LineTokens t(path_, static_cast<int>(cur_ + 1), strip_comment(lines_[cur_]));
    ++cur_;
    for (int k = 0; k < t.size(); ++k) {
      if (static_cast<long>(v.size()) == n)
        t.fail(k, field,
               "expected " + std::to_string(n) + " values, found more ('" + t.word(k) +
                   "' is extra; a count in the header does not match the file)");
      const std::string what = field + " (value " + std::to_string(v.size() + 1) + " of " + std::to_string(n) + ")";
      const double x = t.real(k, what);
      if (std::fabs(x) > limits::kMaxTableAbsValue)
        t.fail(k, what, "|" + t.word(k) + "| exceeds 1e100, the largest table value glassbench accepts");
      v.push_back(x);
    }
  }
  return v;
}

void PotentialFileScanner::expect_end(const std::string& after_what) {
  if (!advance_to_content()) return;
  LineTokens t(path_, static_cast<int>(cur_ + 1), strip_comment(lines_[cur_]));
  t.fail(0, "end of file",
         "expected the end of the file after " + after_what + ", found '" + t.word(0) +
             "' (a count in the header is smaller than the tables in the file)");
}

long header_count(const LineTokens& t, int k, const std::string& field, long min_value, long max_value) {
  const long v = t.integer(k, field);
  if (v < min_value) t.fail(k, field, "expected an integer >= " + std::to_string(min_value) + ", got " + t.word(k));
  if (v > max_value) t.fail(k, field, "expected an integer <= " + std::to_string(max_value) + ", got " + t.word(k));
  return v;
}

long header_table_points(const LineTokens& t, int k, const std::string& field, long min_value) {
  return header_count(t, k, field, min_value, limits::kMaxTablePoints);
}

void require_values_fit(const PotentialFileScanner& in, const LineTokens& grid, long values) {
  const long room = in.max_values_left();
  if (values > room)
    grid.fail(0, "grid",
              "the header asks for " + std::to_string(values) + " table values, but the rest of the file can hold at "
              "most " + std::to_string(room) + " (Nrho or Nr too large, or the file is truncated)");
}

double header_spacing(const LineTokens& t, int k, const std::string& field, long n) {
  const double h = header_positive(t, k, field);
  if (!std::isfinite(h * static_cast<double>(n))) t.fail(k, field, "table extent (N-1)*" + field + " overflows");
  return h;
}

double header_cutoff(const LineTokens& t, int k, long nr, double dr) {
  const double c = header_positive(t, k, "cutoff");
  if (c > limits::kMaxCutoffA)
    t.fail(k, "cutoff", "cutoff " + t.word(k) + " A exceeds 100 A, the largest glassbench accepts");
  // LAMMPS reads any cutoff; shipped files end within one grid step of
  // (Nr-1)*dr.  Beyond the last knot there is no potential data, and the
  // OpenMM tables pad 64 knots: allow 32 grid steps.
  const double extent = static_cast<double>(nr - 1) * dr;
  if (c > extent + 32 * dr) {
    char e[32];
    std::snprintf(e, sizeof e, "%.6g", extent);
    t.fail(k, "cutoff", "cutoff " + t.word(k) + " A lies more than 32 grid steps beyond the r tables ((Nr-1)*dr = " +
                            e + " A): there is no potential data there");
  }
  return c;
}

double header_positive(const LineTokens& t, int k, const std::string& field) {
  const double v = t.real(k, field);
  if (!(v > 0)) t.fail(k, field, "expected a positive number, got " + t.word(k));
  return v;
}

double header_mass(const LineTokens& t, int k, const std::string& field) {
  const double m = header_positive(t, k, field);
  if (m > limits::kMaxMassAmu) t.fail(k, field, "mass " + t.word(k) + " amu exceeds 1e4 amu");
  return m;
}

}  // namespace gb
