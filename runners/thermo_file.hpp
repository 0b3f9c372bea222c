#pragma once
// DIR/thermo.csv: one row per thermo interval over all stages (docs/run-directory.md).
// A '#' comment line with provenance comes first, then the header with units.
// The file is appended as the run goes; on --resume it is cut back to the
// number of rows recorded in the checkpoint (rewritten atomically), so rows
// are never lost or duplicated.
#include <fstream>
#include <string>

namespace gb::runners {

struct ThermoRow {
  std::string stage;  // stage name
  long step = 0;      // global step
  double time_ps = 0; // global simulated time
  double temperature_K = 0;
  double potential_energy_eV = 0;
  double kinetic_energy_eV = 0;
  double volume_A3 = 0;
  double density_g_cm3 = 0;
  double pressure_bar = 0;
  double target_temperature_K = 0;  // thermostat set point (extension of the contract)
  double total_energy_eV() const { return potential_energy_eV + kinetic_energy_eV; }
};

class ThermoFile {
 public:
  static const char* header();
  /// Start a new file (truncates).
  ThermoFile(const std::string& path, const std::string& provenance_comment);
  /// Resume: keep the first `keep_rows` data rows.  Throws gb::InputError if
  /// the file has fewer.
  static ThermoFile resume(const std::string& path, long keep_rows);

  void append(const ThermoRow& row);
  void flush();
  long rows() const { return rows_; }

 private:
  ThermoFile() = default;
  std::string path_;
  std::ofstream out_;
  long rows_ = 0;
};

}  // namespace gb::runners
