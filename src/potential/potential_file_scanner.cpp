#include "potential/potential_file_scanner.hpp"

#include <fstream>

#include "core/error.hpp"

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
      v.push_back(t.real(k, field + " (value " + std::to_string(v.size() + 1) + " of " + std::to_string(n) + ")"));
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

long header_count(const LineTokens& t, int k, const std::string& field, long min_value) {
  const long v = t.integer(k, field);
  if (v < min_value) t.fail(k, field, "expected an integer >= " + std::to_string(min_value) + ", got " + t.word(k));
  return v;
}

double header_positive(const LineTokens& t, int k, const std::string& field) {
  const double v = t.real(k, field);
  if (!(v > 0)) t.fail(k, field, "expected a positive number, got " + t.word(k));
  return v;
}

}  // namespace gb
