#pragma once
// Reading what LAMMPS prints: thermo blocks of a log (or screen) text, the
// LAMMPS version line and the first ERROR line.
//
// A thermo block starts at a header line whose first word is "Step" and holds
// the numeric lines after it up to "Loop time of ..." (or the end of the text,
// for a run that was cut short); WARNING and other non-numeric lines inside a
// block are skipped.  `minimize` and every `run` each print one block.
#include <string>
#include <vector>

namespace gb::lammps {

struct ThermoBlock {
  std::vector<std::string> columns;         // as printed: Step Temp PotEng ...
  std::vector<std::vector<double>> rows;    // one per printed line
  bool complete = false;                    // ended with "Loop time"
  int header_line = 0;                      // 1-based line of the header
  int column(const std::string& name) const;  // index or -1
};

/// Every thermo block of `text`, in order.  `source` names the text in errors.
std::vector<ThermoBlock> parse_thermo_blocks(const std::string& text, const std::string& source);

/// "29 Sep 2021 - Update 2" from a line "LAMMPS (29 Sep 2021 - Update 2)"; "" if none.
std::string lammps_version_from_text(const std::string& text);

/// The first "ERROR..." line (with the line after it when LAMMPS prints
/// "Last command: ..."), or "" if none.
std::string lammps_error_from_text(const std::string& text);

}  // namespace gb::lammps
