// Every override docs/cases.md documents takes effect, and only where it is
// written: per-stage timestep / thermostat / output / start_from, and the
// per-temperature mapping {temperature, duration, equilibration, start_from}
// of an isothermal group.  Before the YamlField fix, assigning one field over
// another rewrote the shared YAML node, so a per-temperature override was
// dropped silently (the group's values were used) and a thermostat mapping
// was replaced by its own kind.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cases/case_loader.hpp"
#include "cases/yaml_field.hpp"
#include "core/error.hpp"

namespace {

using gb::cases::StageSpec;
using gb::cases::ThermostatSpec;

const std::string kCase =
    "name: t\n"
    "system:\n"
    "  composition: {Cu: 64, Zr: 36}\n"
    "  atoms: 500\n"
    "  structure: {kind: random, density: \"0.0585 /A^3\"}\n"
    "  seed: 1\n"
    "potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}\n"
    "timestep: \"2 fs\"\n"
    "thermostat: {kind: nose-hoover, time_constant: \"0.2 ps\"}\n"
    "output: {thermo: \"0.1 ps\", positions: \"1 ps\"}\n"
    "protocol:\n"
    "  - kind: equilibrate\n"
    "    name: liquid\n"
    "    temperature: \"2000 K\"\n"
    "    ensemble: NPT\n"
    "    pressure: \"0 bar\"\n"
    "    duration: \"2 ps\"\n"
    "    timestep: \"1 fs\"\n"
    "    thermostat: {kind: langevin, time_constant: \"0.5 ps\"}\n"
    "  - kind: quench\n"
    "    to: \"100 K\"\n"
    "    rate: \"1e15 K/s\"\n"
    "    ensemble: NPT\n"
    "    pressure: \"0 bar\"\n"
    "    thermostat: langevin\n"
    "    output: {thermo: \"0.2 ps\", positions: none}\n"
    "  - kind: isothermal\n"
    "    start_from: quench\n"
    "    ensemble: NVT\n"
    "    volume: start-state\n"
    "    duration: \"10 ps\"\n"
    "    equilibration: \"2 ps\"\n"
    "    temperatures:\n"
    "      - \"300 K\"\n"
    "      - {temperature: \"1400 K\", duration: \"30 ps\", equilibration: \"15 ps\"}\n"
    "      - {temperature: \"1500 K\", start_from: liquid}\n"
    "      - \"700 K\"\n";

TEST(CaseOverrides, IsothermalPerTemperatureOverridesTakeEffect) {
  const auto c = gb::cases::parse_case(kCase, "t.yaml");
  ASSERT_EQ(c.stages.size(), 6u);
  const StageSpec& t300 = c.stages[2];
  const StageSpec& t1400 = c.stages[3];
  const StageSpec& t1500 = c.stages[4];
  const StageSpec& t700 = c.stages[5];
  EXPECT_EQ(t300.name, "isothermal-0300K");
  EXPECT_EQ(t300.steps, 5000);  // group: 10 ps / 2 fs
  EXPECT_EQ(t300.equilibration_steps, 1000);
  EXPECT_EQ(t1400.name, "isothermal-1400K");
  EXPECT_EQ(t1400.t_end_K, 1400.0);
  EXPECT_EQ(t1400.steps, 15000);  // own: 30 ps / 2 fs
  EXPECT_EQ(t1400.equilibration_steps, 7500);  // own: 15 ps
  EXPECT_EQ(t1400.start_from, "quench");
  EXPECT_EQ(t1500.steps, 5000);  // the group's duration survives the 1400 K override
  EXPECT_EQ(t1500.equilibration_steps, 1000);
  EXPECT_EQ(t1500.start_from, "liquid");  // own start
  EXPECT_EQ(t700.steps, 5000);
  EXPECT_EQ(t700.start_from, "quench");
}

TEST(CaseOverrides, StageTimestepThermostatAndOutputOverridesTakeEffect) {
  const auto c = gb::cases::parse_case(kCase, "t.yaml");
  const StageSpec& liquid = c.stages[0];
  EXPECT_DOUBLE_EQ(liquid.timestep_ps, 0.001);
  EXPECT_EQ(liquid.steps, 2000);
  EXPECT_EQ(liquid.thermostat.kind, ThermostatSpec::Kind::Langevin);
  EXPECT_DOUBLE_EQ(liquid.thermostat.time_constant_ps, 0.5);
  EXPECT_EQ(liquid.output.thermo_steps, 100);  // 0.1 ps in 1 fs steps
  const StageSpec& quench = c.stages[1];
  EXPECT_DOUBLE_EQ(quench.timestep_ps, 0.002);
  EXPECT_EQ(quench.thermostat.kind, ThermostatSpec::Kind::Langevin);
  EXPECT_DOUBLE_EQ(quench.thermostat.time_constant_ps, 0.2);  // kind only: the default time constant stays
  EXPECT_EQ(quench.output.thermo_steps, 100);
  EXPECT_EQ(quench.output.positions_steps, 0);
  const StageSpec& iso = c.stages[2];
  EXPECT_EQ(iso.thermostat.kind, ThermostatSpec::Kind::NoseHoover);  // top-level default
  EXPECT_DOUBLE_EQ(iso.thermostat.time_constant_ps, 0.2);
  EXPECT_EQ(iso.output.positions_steps, 500);
}

TEST(CaseOverrides, PotentialOverrideReplacesTheFile) {
  gb::cases::LoadOptions o;
  o.potential_override = "/elsewhere/CuZr.eam.fs";
  const auto c = gb::cases::parse_case(kCase, "t.yaml", o);
  EXPECT_EQ(c.potential.file, "/elsewhere/CuZr.eam.fs");
}

TEST(YamlField, AssignmentRebindsWithoutRewritingTheDocument) {
  YAML::Node doc = YAML::Load("a: {x: 1, y: 2}\nb: 3\n");
  const gb::cases::YamlField root(doc, "f.yaml", "");
  gb::cases::YamlField f = root.child("a");
  f = f.child("x");  // must rebind f, not replace the mapping `a` by 1
  EXPECT_EQ(f.as_integer(), 1);
  EXPECT_EQ(f.path(), "a.x");
  ASSERT_TRUE(doc["a"].IsMap());
  EXPECT_EQ(doc["a"]["y"].as<int>(), 2);
  gb::cases::YamlField g = root.child("b");
  g = root.child("a");
  EXPECT_EQ(doc["b"].as<int>(), 3);
  EXPECT_TRUE(g.is_map());
}

}  // namespace

// ---- structure: {kind: data, file: ...} ------------------------------------
namespace {

std::string data_case(const std::string& structure, const std::string& composition = "{Cu: 64, Zr: 36}",
                      int atoms = 2000, const std::string& elements = "[Cu, Zr]") {
  return "name: d\n"
         "system:\n"
         "  composition: " + composition + "\n"
         "  atoms: " + std::to_string(atoms) + "\n"
         "  structure: " + structure + "\n"
         "  seed: 1\n"
         "potential: {file: CuZr_mm.eam.fs, elements: " + elements + "}\n"
         "timestep: \"2 fs\"\n"
         "output: {thermo: \"0.1 ps\"}\n"
         "protocol:\n"
         "  - {kind: equilibrate, temperature: \"1500 K\", ensemble: NVT, duration: \"0.1 ps\"}\n";
}

std::string case_error(const std::string& text, const std::string& label) {
  try {
    gb::cases::parse_case(text, label);
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string src_dir() {
  const char* d = std::getenv("GLASSBENCH_SOURCE_DIR");
  return d && *d ? d : GB_SOURCE_DIR;
}

}  // namespace

TEST(DataStructure, ShippedLiquidIsAUsableStartRelativeToTheCaseFile) {
  // The case "lives" in cases/cuzr/, so a bare file name resolves there.
  const auto c = gb::cases::parse_case(data_case("{kind: data, file: cu64zr36-2000.data}"),
                                       src_dir() + "/cases/cuzr/x.yaml");
  EXPECT_EQ(c.system.structure.kind, gb::cases::StructureSpec::Kind::Data);
  EXPECT_EQ(c.system.structure.data_file, src_dir() + "/cases/cuzr/cu64zr36-2000.data");
  EXPECT_TRUE(c.system.structure.data_has_velocities);
  EXPECT_FALSE(c.system.structure.data_triclinic);
}

TEST(DataStructure, MismatchesWithTheCaseAreErrorsAtTheField) {
  const std::string label = src_dir() + "/cases/cuzr/x.yaml";
  const std::string file = "{kind: data, file: cu64zr36-2000.data}";
  EXPECT_NE(case_error(data_case(file, "{Cu: 64, Zr: 36}", 500), label).find("system.atoms: 500 atoms, but"),
            std::string::npos);
  // Zr listed first in potential.elements: type 1 (1280 atoms) becomes Zr, so the composition cannot match.
  EXPECT_NE(case_error(data_case(file, "{Cu: 64, Zr: 36}", 2000, "[Zr, Cu]"), label)
                .find("the composition asks for 1280 Cu atoms"),
            std::string::npos);
  EXPECT_NE(case_error(data_case("{kind: data, file: nowhere.data}"), label).find("system.structure.file: cannot use"),
            std::string::npos);
  EXPECT_NE(case_error(data_case("{kind: data, file: cu64zr36-2000.data, density: \"7 g/cm^3\"}"), label)
                .find("not used with kind: data"),
            std::string::npos);
  EXPECT_NE(case_error(data_case("{kind: random, density: \"0.06 /A^3\", file: a.data}", "{Cu: 64, Zr: 36}", 500), label)
                .find("only used with kind: data"),
            std::string::npos);
}
