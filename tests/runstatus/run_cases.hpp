#pragma once
// The small case every run-status test runs: 250 Cu64Zr36 atoms (the
// smallest box wider than twice the 7.6 A cutoff) on the Reference platform
// (deterministic, double precision), an NPT melt (Monte Carlo barostat
// random stream) and a Langevin NVT isotherm (integrator random stream),
// trajectory + velocity dumps, checkpoints every 30 steps so kills land
// between, on and inside checkpoints.  200 steps in all (melt 0.2 ps, the
// isotherm's zero-pressure NPT pre-stage 0.04 ps -- kept short, not off, so
// a three-stage run with a volume rescale is what gets killed and resumed);
// the crash test lengthens the melt.
#include <string>

namespace gb::testing {

inline std::string small_run_case(const std::string& extra_top_level = "", const std::string& melt = "0.2 ps") {
  return std::string(R"(name: runstatus
system:
  composition: {Cu: 64, Zr: 36}
  atoms: 250
  structure: {kind: random, density: "0.0585 /A^3", min_distance: "2.0 A"}
  seed: 11
potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}
platform: {preference: [Reference]}
timestep: "2 fs"
thermostat: {kind: nose-hoover, time_constant: "0.1 ps"}
barostat: {interval: 10}
output: {thermo: "10 steps", positions: "20 steps"}
checkpoint: {every: "30 steps", wall_time: none}
)") + extra_top_level + R"(protocol:
  - kind: equilibrate
    name: liquid
    temperature: "2000 K"
    ensemble: NPT
    pressure: "0 bar"
    duration: ")" + melt + R"("
  - kind: isothermal
    start_from: liquid
    thermostat: langevin
    ensemble: NVT
    npt_duration: "0.04 ps"
    duration: "0.16 ps"
    output: {velocities: "20 steps"}
    temperatures: ["1500 K"]
)";
}

}  // namespace gb::testing
