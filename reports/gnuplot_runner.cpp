#include "core/text_util.hpp"
#include "reports/internal/gnuplot_runner.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace gb::reports {
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) { return gb::read_text_file(p.string()); }
std::string quote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return o + "'";
}
}  // namespace

GnuplotRunner::GnuplotRunner(std::string executable) : exe_(std::move(executable)) {
  if (exe_.empty()) exe_ = std::getenv("GLASSBENCH_GNUPLOT") ? std::getenv("GLASSBENCH_GNUPLOT") : "gnuplot";
  std::string templ = (fs::temp_directory_path() / "gb-report-XXXXXX").string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary directory for gnuplot");
  dir_ = templ;
  available_ = std::system((quote(exe_) + " --version >/dev/null 2>&1").c_str()) == 0;
}

GnuplotRunner::~GnuplotRunner() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void GnuplotRunner::add_data(const std::string& name, const std::string& contents) {
  std::ofstream(fs::path(dir_) / name) << contents;
}

std::string GnuplotRunner::render_svg(const std::string& script, int width, int height) {
  if (!available_) throw std::runtime_error("gnuplot not found (install Debian package gnuplot-nox)");
  const int k = count_++;
  const std::string svg = fmt::format("fig{}.svg", k), gp = fmt::format("fig{}.gp", k), err = fmt::format("fig{}.err", k);
  std::ofstream(fs::path(dir_) / gp) << fmt::format(
      "set terminal svg size {},{} enhanced font 'DejaVu Sans,12' background rgb 'white'\n"
      "set output '{}'\nset encoding utf8\n{}\nunset output\n",
      width, height, svg, script);
  const std::string cmd = "cd " + quote(dir_) + " && " + quote(exe_) + " " + gp + " 2>" + err;
  if (std::system(cmd.c_str()) != 0 || !fs::exists(fs::path(dir_) / svg))
    throw std::runtime_error("gnuplot failed: " + slurp(fs::path(dir_) / err));
  std::string s = slurp(fs::path(dir_) / svg);
  const size_t start = s.find("<svg");
  if (start == std::string::npos) throw std::runtime_error("gnuplot wrote no <svg> element");
  return s.substr(start);
}

}  // namespace gb::reports
