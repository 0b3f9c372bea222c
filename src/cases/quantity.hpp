#pragma once
// Physical quantities written as strings with units in case files
// ("2 ns", "2 fs", "1e12 K/s", "0 bar", "2000 K", "0.06 /A^3", "7.4 g/cm^3").
// Every quantity is converted to the unit the runner uses internally (metal
// units: ps, K, bar, Angstrom; K/ps for rates) right here, at the boundary.
#include <string>

namespace gb::cases {

enum class QuantityKind {
  Time,         // -> ps          units: fs ps ns us
  Temperature,  // -> K           units: K
  Pressure,     // -> bar         units: bar atm Pa kPa MPa GPa
  CoolingRate,  // -> K/ps        units: K/s K/ns K/ps K/fs
  Density,      // -> 1/A^3 or g/cm^3 (see Quantity::mass_density)  units: /A^3 1/A^3 /nm^3 g/cm^3 kg/m^3
  Length,       // -> Angstrom    units: A Angstrom nm
  Interval,     // -> ps, or a step count ("500 steps")
  WallTime,     // -> seconds     units: s min h
};

struct Quantity {
  double value = 0;           // in the canonical unit of its kind
  bool in_steps = false;      // Interval given as "N steps" (value = N)
  bool mass_density = false;  // Density given in g/cm^3 (value in g/cm^3), else 1/A^3
};

/// Parse `text` as a quantity of `kind`.  On failure returns false and sets
/// `why` to a short reason ("missing unit", "unknown unit 'K/min'", ...).
bool parse_quantity(const std::string& text, QuantityKind kind, Quantity& out, std::string& why);

/// What a value of this kind looks like, for error messages:
/// e.g. `a rate like "1e12 K/s"`.
std::string quantity_example(QuantityKind kind);

/// Format a time in ps for humans: "2 ns", "950 ps", "20 fs".
std::string format_time_ps(double ps);

}  // namespace gb::cases
