#include "cases/quantity.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "core/text_parse.hpp"

namespace gb::cases {
namespace {

struct UnitFactor {
  const char* name;
  double factor;  // multiply a value in this unit by factor -> canonical unit
};

// Time in ps.
const std::vector<UnitFactor> kTime = {{"fs", 1e-3}, {"ps", 1.0}, {"ns", 1e3}, {"us", 1e6}, {"µs", 1e6}};
const std::vector<UnitFactor> kTemperature = {{"K", 1.0}};
// Pressure in bar.
const std::vector<UnitFactor> kPressure = {{"bar", 1.0},   {"atm", 1.01325}, {"Pa", 1e-5},
                                           {"kPa", 1e-2},  {"MPa", 10.0},    {"GPa", 1e4}};
// Cooling rate in K/ps.
const std::vector<UnitFactor> kRate = {{"K/s", 1e-12}, {"K/ns", 1e-3}, {"K/ps", 1.0}, {"K/fs", 1e3}};
// Number density in 1/A^3.
const std::vector<UnitFactor> kNumberDensity = {{"/A^3", 1.0}, {"1/A^3", 1.0}, {"/Å^3", 1.0},
                                                {"1/Å^3", 1.0}, {"/nm^3", 1e-3}, {"1/nm^3", 1e-3}};
// Mass density in g/cm^3.
const std::vector<UnitFactor> kMassDensity = {{"g/cm^3", 1.0}, {"kg/m^3", 1e-3}};
// Length in Angstrom.
const std::vector<UnitFactor> kLength = {{"A", 1.0}, {"Å", 1.0}, {"Angstrom", 1.0}, {"nm", 10.0}};
const std::vector<UnitFactor> kWall = {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}};

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

// Split "1e12 K/s" / "2fs" into number and unit.  The number is the longest
// prefix strtod accepts.
bool split(const std::string& text, std::string& number, std::string& unit) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  const char* begin = t.c_str();
  char* end = nullptr;
  std::strtod(begin, &end);
  if (end == begin) return false;
  number = t.substr(0, static_cast<size_t>(end - begin));
  unit = trim(t.substr(number.size()));
  return true;
}

const UnitFactor* find_unit(const std::vector<UnitFactor>& table, const std::string& unit) {
  for (const auto& u : table)
    if (unit == u.name) return &u;
  return nullptr;
}

std::string unit_list(const std::vector<UnitFactor>& table) {
  std::string s;
  for (const auto& u : table) {
    if (std::string(u.name) == "µs" || std::string(u.name).find("Å") != std::string::npos) continue;
    if (!s.empty()) s += ", ";
    s += u.name;
  }
  return s;
}

}  // namespace

std::string quantity_example(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::Time: return "a time like \"2 ns\" (units " + unit_list(kTime) + ")";
    case QuantityKind::Temperature: return "a temperature like \"2000 K\"";
    case QuantityKind::Pressure: return "a pressure like \"0 bar\" (units " + unit_list(kPressure) + ")";
    case QuantityKind::CoolingRate: return "a rate like \"1e12 K/s\" (units " + unit_list(kRate) + ")";
    case QuantityKind::Density: return "a density like \"0.06 /A^3\" or \"7.4 g/cm^3\"";
    case QuantityKind::Length: return "a length like \"2.2 A\" (units A, nm)";
    case QuantityKind::Interval: return "an interval like \"1 ps\" or \"500 steps\"";
    case QuantityKind::WallTime: return "a wall time like \"30 min\" (units s, min, h)";
  }
  return "a quantity";
}

bool parse_quantity(const std::string& text, QuantityKind kind, Quantity& out, std::string& why) {
  std::string number, unit;
  if (!split(text, number, unit)) {
    why = "not a number with a unit";
    return false;
  }
  double v = 0;
  if (!parse_finite_double(number, v)) {
    why = "'" + number + "' is not a finite decimal number";
    return false;
  }
  if (unit.empty()) {
    why = "missing unit";
    return false;
  }
  Quantity q;
  const UnitFactor* u = nullptr;
  switch (kind) {
    case QuantityKind::Time: u = find_unit(kTime, unit); break;
    case QuantityKind::Temperature: u = find_unit(kTemperature, unit); break;
    case QuantityKind::Pressure: u = find_unit(kPressure, unit); break;
    case QuantityKind::CoolingRate: u = find_unit(kRate, unit); break;
    case QuantityKind::Length: u = find_unit(kLength, unit); break;
    case QuantityKind::WallTime: u = find_unit(kWall, unit); break;
    case QuantityKind::Density:
      u = find_unit(kNumberDensity, unit);
      if (!u) {
        u = find_unit(kMassDensity, unit);
        q.mass_density = (u != nullptr);
      }
      break;
    case QuantityKind::Interval:
      if (unit == "steps" || unit == "step") {
        if (v != std::floor(v)) {
          why = "a step count must be a whole number";
          return false;
        }
        q.in_steps = true;
        q.value = v;
        out = q;
        return true;
      }
      u = find_unit(kTime, unit);
      break;
  }
  if (!u) {
    why = "unknown unit '" + unit + "'";
    return false;
  }
  q.value = v * u->factor;
  if (!std::isfinite(q.value)) {
    why = "'" + text + "' is out of range (overflows on conversion)";
    return false;
  }
  out = q;
  return true;
}

std::string format_time_ps(double ps) {
  char buf[64];
  const double a = std::fabs(ps);
  if (a >= 1e3)
    std::snprintf(buf, sizeof buf, "%g ns", ps / 1e3);
  else if (a >= 1.0 || a == 0.0)
    std::snprintf(buf, sizeof buf, "%g ps", ps);
  else
    std::snprintf(buf, sizeof buf, "%g fs", ps * 1e3);
  return buf;
}

}  // namespace gb::cases
