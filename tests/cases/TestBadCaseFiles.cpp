// A table of bad case files and the exact message each must produce:
// "file:line:column: key.path: what was expected".  Line/column numbers were
// counted by hand from kBase below (1-based), not taken from the parser.
#include <gtest/gtest.h>

#include <string>

#include "cases/case_loader.hpp"
#include "core/error.hpp"

namespace {

const std::string kBase =
    "name: t\n"                                           // 1
    "system:\n"                                           // 2
    "  composition: {Cu: 64, Zr: 36}\n"                   // 3
    "  atoms: 500\n"                                      // 4
    "  structure: {kind: random, density: \"0.0585 /A^3\"}\n"  // 5
    "  seed: 1\n"                                         // 6
    "potential:\n"                                        // 7
    "  file: CuZr_mm.eam.fs\n"                            // 8
    "  elements: [Cu, Zr]\n"                              // 9
    "timestep: \"2 fs\"\n"                                // 10
    "output:\n"                                           // 11
    "  thermo: \"0.1 ps\"\n"                              // 12
    "protocol:\n"                                         // 13
    "  - kind: equilibrate\n"                             // 14
    "    temperature: \"2000 K\"\n"                       // 15
    "    ensemble: NPT\n"                                 // 16
    "    pressure: \"0 bar\"\n"                           // 17
    "    duration: \"1 ps\"\n"                            // 18
    "  - kind: quench\n"                                  // 19
    "    to: \"100 K\"\n"                                 // 20
    "    rate: \"1e15 K/s\"\n"                            // 21
    "    ensemble: NPT\n"                                 // 22
    "    pressure: \"0 bar\"\n";                          // 23

std::string replaced(const std::string& from, const std::string& to) {
  std::string s = kBase;
  const size_t p = s.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return s;
}

std::string error_of(const std::string& text) {
  try {
    gb::cases::parse_case(text, "bad.yaml");
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

struct BadCase {
  std::string from, to, message;
};

TEST(BadCaseFiles, BaseIsValid) { EXPECT_EQ(error_of(kBase), "(no error)"); }

TEST(BadCaseFiles, ExactMessages) {
  const BadCase table[] = {
      {"rate: \"1e15 K/s\"", "rate: \"fast\"",
       "bad.yaml:21:11: protocol[1].rate: expected a rate like \"1e12 K/s\" (units K/s, K/ns, K/ps, K/fs), got "
       "'fast' (not a number with a unit)"},
      {"rate: \"1e15 K/s\"", "rate: \"-1e12 K/s\"",
       "bad.yaml:21:11: protocol[1].rate: rate must be positive (the direction follows from `from` and `to`)"},
      {"temperature: \"2000 K\"", "tempreature: \"2000 K\"",
       "bad.yaml:15:5: protocol[0].tempreature: unknown key \"tempreature\"; did you mean \"temperature\"?"},
      {"temperature: \"2000 K\"", "temperature: \"-5 K\"",
       "bad.yaml:15:18: protocol[0].temperature: temperature must be above 0 K, got '-5 K'"},
      {"temperature: \"2000 K\"", "temperature: \"2000 C\"",
       "bad.yaml:15:18: protocol[0].temperature: expected a temperature like \"2000 K\", got '2000 C' (unknown unit "
       "'C')"},
      {"duration: \"1 ps\"", "duration: \"-1 ps\"",
       "bad.yaml:18:15: protocol[0].duration: must be positive, got '-1 ps'"},
      {"duration: \"1 ps\"", "duration: \"1.001 ps\"",
       "bad.yaml:18:15: protocol[0].duration: 1.001 ps is not a whole number of 2 fs time steps (500.5)"},
      {"atoms: 500", "atoms: 499",
       "bad.yaml:4:10: system.atoms: 499 atoms cannot honour the composition: Cu would get 319.36 atoms; use a "
       "multiple of 25"},
      {"atoms: 500", "atoms: -4", "bad.yaml:4:10: system.atoms: expected a positive number of atoms"},
      {"timestep: \"2 fs\"", "timestep: \"2\"",
       "bad.yaml:10:11: timestep: expected a time like \"2 ns\" (units fs, ps, ns, us), got '2' (missing unit)"},
      {"timestep: \"2 fs\"", "time_step: \"2 fs\"",
       "bad.yaml:10:1: time_step: unknown key \"time_step\"; did you mean \"timestep\"?"},
      // A quench entry turned into shear: its keys are not shear's (issue 11: shear is a stage kind now).
      {"kind: quench", "kind: shear",
       "bad.yaml:20:5: protocol[1].to: unknown key \"to\"; expected one of: temperatures period strain_amplitude "
       "cycles replicas decorrelation samples_per_cycle volume npt_duration kind name ensemble pressure timestep thermostat output "
       "start_from barostat"},
      {"kind: quench", "kind: quensh",
       "bad.yaml:19:11: protocol[1].kind: unknown stage kind \"quensh\"; did you mean \"quench\"?"},
      {"    ensemble: NPT\n    pressure: \"0 bar\"\n    duration", "    ensemble: NVT\n    pressure: \"0 bar\"\n    duration",
       "bad.yaml:17:15: protocol[0].pressure: a pressure is only used with ensemble NPT"},
      {"    ensemble: NPT\n    pressure: \"0 bar\"\n    duration", "    ensemble: NPT\n    duration",
       "bad.yaml:14:5: protocol[0].pressure: missing required key \"pressure\""},
      {"    duration: \"1 ps\"\n", "",
       "bad.yaml:14:5: protocol[0].duration: missing required key \"duration\""},
      {"{Cu: 64, Zr: 36}", "{Cu: 64, Zx: 36}",
       "bad.yaml:3:25: system.composition.Zx: element \"Zx\" is not in potential.elements [Cu, Zr]; did you mean "
       "\"Zr\"?"},
      {"{Cu: 64, Zr: 36}", "{Cu: 64, Zr: 0}",
       "bad.yaml:3:29: system.composition.Zr: expected a positive amount, got '0'"},
      {"  elements: [Cu, Zr]\n", "  elements: [Cu, Zr]\n  sha256: abc\n",
       "bad.yaml:10:11: potential.sha256: expected 64 hexadecimal digits (the output of sha256sum)"},
      {"thermo: \"0.1 ps\"", "thermo: \"3 fs\"",
       "bad.yaml:12:11: output.thermo: 3 fs is not a whole number of 2 fs time steps (1.5)"},
      {"density: \"0.0585 /A^3\"", "density: \"0.0585 /cm^3\"",
       "bad.yaml:5:38: system.structure.density: expected a density like \"0.06 /A^3\" or \"7.4 g/cm^3\", got "
       "'0.0585 /cm^3' (unknown unit '/cm^3')"},
      {"timestep: \"2 fs\"\n", "timestep: \"2 fs\"\nplatform: {preference: [OpenCl, CPU]}\n",
       "bad.yaml:11:25: platform.preference[0]: unknown OpenMM platform \"OpenCl\"; did you mean \"OpenCL\"?"},
      {"timestep: \"2 fs\"\n", "timestep: \"2 fs\"\nplatform: {force: fast}\n",
       "bad.yaml:11:19: platform.force: expected native (the EamForce plugin) or custom (CustomGBForce), got 'fast'"},
      {"timestep: \"2 fs\"\n", "timestep: \"2 fs\"\nthermostat: nose_hover\n",
       "bad.yaml:11:13: thermostat: unknown thermostat \"nose_hover\"; did you mean \"nose-hoover\"?"},
      {"name: t\n", "name: t\nname: u\n", "bad.yaml:2:1: name: key \"name\" appears twice"},
  };
  for (const auto& b : table) EXPECT_EQ(error_of(replaced(b.from, b.to)), b.message) << "replacing " << b.from;
}

TEST(BadCaseFiles, StartFromMustNameAnEarlierStage) {
  const std::string text = kBase +
                           "  - kind: isothermal\n"        // 24
                           "    start_from: equilibrat\n"  // 25
                           "    ensemble: NVT\n"
                           "    duration: \"1 ps\"\n"
                           "    temperatures: [\"300 K\"]\n";
  EXPECT_EQ(error_of(text),
            "bad.yaml:25:17: protocol[2].start_from: \"equilibrat\" is not an earlier stage; did you mean "
            "\"equilibrate\"?");
}

TEST(BadCaseFiles, IsothermalNamesMustBeDistinct) {
  const std::string text = kBase +
                           "  - kind: isothermal\n"  // 24
                           "    ensemble: NVT\n"
                           "    duration: \"1 ps\"\n"
                           "    temperatures: [\"300 K\", \"300 K\"]\n";  // 27
  EXPECT_EQ(error_of(text),
            "bad.yaml:27:29: protocol[2].temperatures[1]: stage name \"isothermal-0300K\" is used twice; give each "
            "stage a distinct name");
}

TEST(BadCaseFiles, YamlSyntaxErrorNamesLineAndColumn) {
  const std::string msg = error_of(replaced("atoms: 500", "atoms: [500"));
  EXPECT_EQ(msg.rfind("bad.yaml:", 0), 0u) << msg;
  EXPECT_NE(msg.find("YAML syntax error"), std::string::npos) << msg;
}

TEST(BadCaseFiles, MissingFileAndEmptyFile) {
  try {
    gb::cases::load_case("/nonexistent/case.yaml");
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/case.yaml: cannot open the case file");
  }
  EXPECT_EQ(error_of(""), "bad.yaml: the case file is empty");
}

}  // namespace
