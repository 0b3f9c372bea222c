// Case files from a hostile user: hex, non-finite and absurd quantities,
// step and frame counts that would overflow.  Line/column numbers counted by
// hand from kCase (1-based; yaml marks a quoted scalar at its quote).
#include <gtest/gtest.h>

#include "cases/case_loader.hpp"
#include "hostile_support.hpp"

namespace {

const std::string kCase =
    "name: t\n"                                                // 1
    "system:\n"                                                // 2
    "  composition: {Cu: 64, Zr: 36}\n"                        // 3
    "  atoms: 500\n"                                           // 4
    "  structure: {kind: random, density: \"0.0585 /A^3\"}\n"  // 5
    "  seed: 1\n"                                              // 6
    "potential:\n"                                             // 7
    "  file: CuZr_mm.eam.fs\n"                                 // 8
    "  elements: [Cu, Zr]\n"                                   // 9
    "timestep: \"2 fs\"\n"                                     // 10
    "output:\n"                                                // 11
    "  thermo: \"0.1 ps\"\n"                                   // 12
    "  positions: \"0.1 ps\"\n"                                // 13
    "protocol:\n"                                              // 14
    "  - kind: equilibrate\n"                                  // 15
    "    name: liquid\n"                                       // 16
    "    temperature: \"2000 K\"\n"                            // 17
    "    ensemble: NVT\n"                                      // 18
    "    duration: \"1 ps\"\n"                                 // 19
    "  - kind: isothermal\n"                                   // 20
    "    start_from: liquid\n"                                 // 21
    "    ensemble: NVT\n"                                      // 22
    "    duration: \"1 ps\"\n"                                 // 23
    "    equilibration: \"0.2 ps\"\n"                          // 24
    "    temperatures: [\"1500 K\"]\n";                        // 25

std::string error_with(const std::string& from, const std::string& to) {
  std::string s = kCase;
  const size_t p = s.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return gb::testing::input_error_of([&] { gb::cases::parse_case(s, "bad.yaml"); });
}

}  // namespace

TEST(HostileCase, BaseIsValid) { EXPECT_EQ(error_with("name: t", "name: t"), "<no error>"); }

TEST(HostileCase, HexIsRejected) {
  EXPECT_EQ(error_with("positions: \"0.1 ps\"", "positions: \"0x1F ps\""),
            "bad.yaml:13:14: output.positions: expected an interval like \"1 ps\" or \"500 steps\", got '0x1F ps' "
            "('0x1F' is not a finite decimal number)");
  EXPECT_EQ(error_with("\"2000 K\"", "\"0x7D0 K\""),
            "bad.yaml:17:18: protocol[0].temperature: expected a temperature like \"2000 K\", got '0x7D0 K' "
            "('0x7D0' is not a finite decimal number)");
}

TEST(HostileCase, StepCountOverflowIsAnError) {
  // "1e308 ps" used to pass `check` with a negative frame count.
  EXPECT_EQ(error_with("equilibration: \"0.2 ps\"", "equilibration: \"1e308 ps\""),
            "bad.yaml:24:20: protocol[1].equilibration: 1e+305 ns is more than 1e12 time steps of 2 fs (the most "
            "glassbench allows per stage)");
  EXPECT_EQ(error_with("duration: \"1 ps\"\n  - kind", "duration: \"1e308 ps\"\n  - kind"),
            "bad.yaml:19:15: protocol[0].duration: 1e+305 ns is more than 1e12 time steps of 2 fs (the most "
            "glassbench allows per stage)");
  EXPECT_EQ(error_with("positions: \"0.1 ps\"", "positions: \"1e13 steps\""),
            "bad.yaml:13:14: output.positions: more than 1e12 steps; glassbench allows at most 1e12 steps per stage");
  EXPECT_EQ(error_with("duration: \"1 ps\"\n  - kind", "duration: \"1e308 us\"\n  - kind"),
            "bad.yaml:19:15: protocol[0].duration: expected a time like \"2 ns\" (units fs, ps, ns, us), got "
            "'1e308 us' ('1e308 us' is out of range (overflows on conversion))");
  // 1e9 ps = 5e11 steps (allowed) with a frame every step: 5e11+1 frames overflow the int frame counter.
  EXPECT_EQ(error_with("positions: \"0.1 ps\"\nprotocol:\n  - kind: equilibrate\n    name: liquid\n    temperature: "
                       "\"2000 K\"\n    ensemble: NVT\n    duration: \"1 ps\"",
                       "positions: \"1 steps\"\nprotocol:\n  - kind: equilibrate\n    name: liquid\n    temperature: "
                       "\"2000 K\"\n    ensemble: NVT\n    duration: \"1e9 ps\""),
            "bad.yaml:16:11: protocol[0].name: stage \"liquid\" would write 500000000001 trajectory frames; at most "
            "1e9 per stage (use a longer output interval)");
}

TEST(HostileCase, NonFiniteAndAbsurdValuesAreErrors) {
  EXPECT_EQ(error_with("\"0.0585 /A^3\"", "\"1e308 /A^3\""),
            "bad.yaml:5:38: system.structure.density: density above 1 /A^3, got '1e308 /A^3' (no solid is that dense)");
  EXPECT_EQ(error_with("positions: \"0.1 ps\"", "positions: \"-0 ps\""),
            "bad.yaml:13:14: output.positions: must not be negative, got '-0 ps'");
  EXPECT_EQ(error_with("\"2000 K\"", "\"1e308 K\""),
            "bad.yaml:17:18: protocol[0].temperature: temperature above 1e5 K, got '1e308 K'");
  EXPECT_EQ(error_with("\"2000 K\"", "\"inf K\""),
            "bad.yaml:17:18: protocol[0].temperature: expected a temperature like \"2000 K\", got 'inf K' ('inf' is "
            "not a finite decimal number)");
}
