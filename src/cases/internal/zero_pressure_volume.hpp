#pragma once
// The volume of an NVT stage group (isothermal, shear): by default the
// zero-pressure volume at the group's temperature, found by an NPT
// pre-equilibration stage <name>-npt at T and 0 bar whose second-half mean box
// the NVT stage starts in (StageSpec::box_from_mean); or start_from's own box
// ("start-state", the literal reading of the paper's "relaxed at different
// temperatures in the NVT ensemble").  docs/cases.md.
#include <string>

#include "cases/stage_type.hpp"

namespace gb::cases {

/// `volume` (and `npt_duration`) of group entry e: "zero-pressure" (default
/// for NVT) or "start-state"; "" for an NPT group.  Bad values fail on the field.
std::string read_volume_mode(const YamlField& e, ProtocolReader& r);

/// For mode "zero-pressure": adds the NPT pre-equilibration of `s` (named
/// s.name + "-npt", starting where s would, no trajectory or stress series;
/// `npt_duration` of e, default 20 ps) and points s at its mean box.  Call after
/// s is named and resolved, before r.add(s).  `where` is blamed for errors.
void add_zero_pressure_prestage(StageSpec& s, const YamlField& e, const YamlField& where, ProtocolReader& r);

}  // namespace gb::cases
