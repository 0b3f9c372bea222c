// Unit strings in case files: conversion to ps, K, bar, K/ps, 1/A^3, g/cm^3,
// Angstrom, steps; rejection of missing/unknown units and non-numbers.
// Expected values are the SI/metal-unit definitions, written out by hand.
#include <gtest/gtest.h>

#include "cases/internal/did_you_mean.hpp"
#include "cases/quantity.hpp"

using gb::cases::parse_quantity;
using gb::cases::Quantity;
using gb::cases::QuantityKind;

namespace {

double value(const std::string& text, QuantityKind kind) {
  Quantity q;
  std::string why;
  EXPECT_TRUE(parse_quantity(text, kind, q, why)) << text << ": " << why;
  return q.value;
}

std::string failure(const std::string& text, QuantityKind kind) {
  Quantity q;
  std::string why;
  EXPECT_FALSE(parse_quantity(text, kind, q, why)) << text;
  return why;
}

// Relative tolerance for unit conversions: one multiplication in double.
constexpr double kRel = 1e-15;

TEST(Quantities, Times) {
  EXPECT_NEAR(value("2 ns", QuantityKind::Time), 2000.0, 2000.0 * kRel);
  EXPECT_NEAR(value("2 fs", QuantityKind::Time), 0.002, 0.002 * kRel);
  EXPECT_NEAR(value("2fs", QuantityKind::Time), 0.002, 0.002 * kRel);
  EXPECT_NEAR(value("1.5 ps", QuantityKind::Time), 1.5, 1.5 * kRel);
  EXPECT_NEAR(value("3 us", QuantityKind::Time), 3e6, 3e6 * kRel);
}

TEST(Quantities, TemperaturePressureRate) {
  EXPECT_EQ(value("2000 K", QuantityKind::Temperature), 2000.0);
  EXPECT_EQ(value("0 bar", QuantityKind::Pressure), 0.0);
  EXPECT_NEAR(value("1 GPa", QuantityKind::Pressure), 1e4, 1e4 * kRel);  // 1 GPa = 1e9 Pa = 1e4 bar
  EXPECT_NEAR(value("1 atm", QuantityKind::Pressure), 1.01325, 1.01325 * kRel);
  EXPECT_NEAR(value("1e12 K/s", QuantityKind::CoolingRate), 1.0, kRel);   // 1e12 K/s = 1 K/ps
  EXPECT_NEAR(value("10 K/ns", QuantityKind::CoolingRate), 0.01, 0.01 * kRel);
}

TEST(Quantities, Densities) {
  Quantity q;
  std::string why;
  ASSERT_TRUE(parse_quantity("0.06 /A^3", QuantityKind::Density, q, why));
  EXPECT_FALSE(q.mass_density);
  EXPECT_EQ(q.value, 0.06);
  ASSERT_TRUE(parse_quantity("60 /nm^3", QuantityKind::Density, q, why));
  EXPECT_NEAR(q.value, 0.06, 0.06 * kRel);  // 1 nm^3 = 1000 A^3
  ASSERT_TRUE(parse_quantity("7.4 g/cm^3", QuantityKind::Density, q, why));
  EXPECT_TRUE(q.mass_density);
  EXPECT_EQ(q.value, 7.4);
  ASSERT_TRUE(parse_quantity("7400 kg/m^3", QuantityKind::Density, q, why));
  EXPECT_NEAR(q.value, 7.4, 7.4 * kRel);
}

TEST(Quantities, IntervalsInTimeOrSteps) {
  Quantity q;
  std::string why;
  ASSERT_TRUE(parse_quantity("500 steps", QuantityKind::Interval, q, why));
  EXPECT_TRUE(q.in_steps);
  EXPECT_EQ(q.value, 500.0);
  ASSERT_TRUE(parse_quantity("1 ps", QuantityKind::Interval, q, why));
  EXPECT_FALSE(q.in_steps);
  EXPECT_EQ(q.value, 1.0);
  EXPECT_EQ(failure("2.5 steps", QuantityKind::Interval), "a step count must be a whole number");
  EXPECT_NEAR(value("30 min", QuantityKind::WallTime), 1800.0, 1800 * kRel);
  EXPECT_NEAR(value("2.2 A", QuantityKind::Length), 2.2, 2.2 * kRel);
  EXPECT_NEAR(value("0.22 nm", QuantityKind::Length), 2.2, 2.2 * kRel);
}

TEST(Quantities, Rejections) {
  EXPECT_EQ(failure("2", QuantityKind::Time), "missing unit");
  EXPECT_EQ(failure("2 K", QuantityKind::Time), "unknown unit 'K'");
  EXPECT_EQ(failure("fast", QuantityKind::CoolingRate), "not a number with a unit");
  EXPECT_EQ(failure("", QuantityKind::Temperature), "not a number with a unit");
  EXPECT_EQ(failure("nan K", QuantityKind::Temperature), "'nan' is not a finite decimal number");
  EXPECT_EQ(failure("inf ps", QuantityKind::Time), "'inf' is not a finite decimal number");
  EXPECT_EQ(failure("1e12 K/min", QuantityKind::CoolingRate), "unknown unit 'K/min'");
  // Hex is not a decimal number, although strtod reads it (issue 13).
  EXPECT_EQ(failure("0x1F ps", QuantityKind::Time), "'0x1F' is not a finite decimal number");
  EXPECT_EQ(failure("1e308 us", QuantityKind::Time), "'1e308 us' is out of range (overflows on conversion)");
}

TEST(DidYouMean, EditDistanceAndSuggestions) {
  EXPECT_EQ(gb::cases::edit_distance("kitten", "sitting"), 3);  // textbook Levenshtein example
  EXPECT_EQ(gb::cases::edit_distance("", "abc"), 3);
  EXPECT_EQ(gb::cases::closest_match("tempreature", {"temperature", "duration"}), "temperature");
  EXPECT_EQ(gb::cases::closest_match("Duration", {"temperature", "duration"}), "duration");
  EXPECT_EQ(gb::cases::closest_match("xyz", {"temperature", "duration"}), "");
}

}  // namespace
