#pragma once
// Runs gnuplot (Debian gnuplot-nox) on a script with `set terminal svg` and
// returns the SVG text, ready to embed inline in HTML (XML prolog and DOCTYPE
// removed).  Data files are written into a private temporary directory that
// the script sees as its working directory.
#include <map>
#include <string>

namespace gb::reports {

class GnuplotRunner {
 public:
  /// `executable`: gnuplot binary (default: $GLASSBENCH_GNUPLOT or "gnuplot").
  explicit GnuplotRunner(std::string executable = "");
  ~GnuplotRunner();
  GnuplotRunner(const GnuplotRunner&) = delete;
  GnuplotRunner& operator=(const GnuplotRunner&) = delete;

  /// True if the executable runs (`gnuplot --version`).
  bool available() const { return available_; }
  /// Add a data file (name relative to the working directory).
  void add_data(const std::string& name, const std::string& contents);
  /// Render: `script` must not set the terminal or output; this prepends
  /// `set terminal svg ...` and `set output`.  Throws std::runtime_error with
  /// gnuplot's stderr on failure.
  std::string render_svg(const std::string& script, int width = 760, int height = 460);

 private:
  std::string exe_, dir_;
  bool available_ = false;
  int count_ = 0;
};

}  // namespace gb::reports
