#include "runners/thermo_file.hpp"

#include <fmt/format.h>

#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace gb::runners {

const char* ThermoFile::header() {
  return "stage,step,time_ps,temperature_K,potential_energy_eV,kinetic_energy_eV,total_energy_eV,volume_A3,"
         "density_g_cm3,pressure_bar,target_temperature_K";
}

ThermoFile::ThermoFile(const std::string& path, const std::string& provenance_comment) : path_(path) {
  out_.open(path, std::ios::out | std::ios::trunc);
  if (!out_) throw InputError(SourceLocation{path, 0, 0}, "", "cannot create the thermo file");
  out_ << "# " << provenance_comment << "\n" << header() << "\n";
  flush();
}

ThermoFile ThermoFile::resume(const std::string& path, long keep_rows) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path, 0, 0}, "", "cannot read the thermo file to resume");
  std::string line, kept;
  long rows = 0;
  int lineno = 0;
  bool header_seen = false;
  // Comment and header lines first (always kept), then `keep_rows` data rows.
  while ((!header_seen || rows < keep_rows) && std::getline(in, line)) {
    ++lineno;
    kept += line + "\n";
    if (!header_seen) header_seen = line.rfind("stage,", 0) == 0;
    else ++rows;
  }
  in.close();
  if (rows < keep_rows || !header_seen)
    throw InputError(SourceLocation{path, lineno, 0}, "",
                     fmt::format("has {} thermo rows but the checkpoint expects {}; the run directory is damaged",
                                 rows, keep_rows));
  write_file_atomically(path, kept);
  ThermoFile f;
  f.path_ = path;
  f.out_.open(path, std::ios::out | std::ios::app);
  f.rows_ = rows;
  return f;
}

void ThermoFile::append(const ThermoRow& r) {
  out_ << fmt::format("{},{},{:.6f},{:.6f},{:.10g},{:.10g},{:.10g},{:.10g},{:.8g},{:.8g},{:.6f}\n", r.stage, r.step,
                      r.time_ps, r.temperature_K, r.potential_energy_eV, r.kinetic_energy_eV, r.total_energy_eV(),
                      r.volume_A3, r.density_g_cm3, r.pressure_bar, r.target_temperature_K);
  ++rows_;
}

void ThermoFile::flush() {
  out_.flush();
  if (!out_) throw IoError("cannot write " + path_ + " (disk full?)");
}

}  // namespace gb::runners
