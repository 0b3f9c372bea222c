// A time step far too large must stop the run cleanly: gb::SimulationError
// naming stage and step, the last good checkpoint kept, provenance marked
// failed, and no thermo row from the bad state.
#include <gtest/gtest.h>

#include <filesystem>

#include "cases/case_loader.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "run_test_support.hpp"
#include "runners/protocol_runner.hpp"
#include "runners/internal/runner_checkpoint.hpp"

namespace {

// 40 fs at 2000 K: twenty times the paper's step; EAM metals need <= ~5 fs.
const char* kCase = R"(name: blow-up
system:
  composition: {Cu: 64, Zr: 36}
  atoms: 250
  structure: {kind: random, density: "0.0585 /A^3", min_distance: "2.0 A"}
  seed: 11
potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}
platform: {preference: [CPU, Reference], threads: 2}
timestep: "40 fs"
output: {thermo: "5 steps", positions: "5 steps"}
checkpoint: {every: "10 steps", wall_time: none}
protocol:
  - kind: equilibrate
    name: liquid
    temperature: "2000 K"
    ensemble: NVT
    duration: "40 ps"
)";

TEST(BlowUp, TooLargeTimeStepStopsWithStageAndStep) {
  gb::testing::TempDir t("gb-blowup");
  const auto c = gb::cases::load_case(t.write("blow-up.yaml", kCase));
  gb::runners::RunOptions o;
  o.out_dir = t.file("run");
  o.echo_log = false;
  o.handle_signals = false;
  std::string msg;
  try {
    gb::runners::ProtocolRunner(c, o).run();
  } catch (const gb::SimulationError& e) {
    msg = e.what();
  }
  ASSERT_FALSE(msg.empty()) << "the run did not stop";
  EXPECT_EQ(msg.rfind("stage 01-liquid, step ", 0), 0u) << msg;
  EXPECT_NE(msg.find("(global step "), std::string::npos) << msg;
  const bool named_cause = msg.find("exploding temperature") != std::string::npos ||
                           msg.find("NaN") != std::string::npos || msg.find("lost") != std::string::npos ||
                           msg.find("outside") != std::string::npos || msg.find("OpenMM stopped") != std::string::npos ||
                           msg.find("box volume") != std::string::npos;
  EXPECT_TRUE(named_cause) << msg;
  EXPECT_NE(msg.find("last good"), std::string::npos) << msg;

  // The checkpoint named in the runner state exists and is from before the failure.
  const auto ck = gb::runners::load_runner_checkpoint(o.out_dir);
  if (!ck.openmm_checkpoint.empty()) {
    EXPECT_TRUE(std::filesystem::exists(gb::runners::checkpoint_dir(o.out_dir) + "/" + ck.openmm_checkpoint));
  }
  EXPECT_NE(gbtest::read_text(o.out_dir + "/provenance.yaml").find("status: failed"), std::string::npos);
  EXPECT_NE(gbtest::read_text(o.out_dir + "/run.log").find("simulation stopped: stage 01-liquid, step "),
            std::string::npos);
  // Rows written before the failure all passed the temperature limit (5*2000+1000 K).
  for (const auto& r : gbtest::thermo_rows(o.out_dir + "/thermo.csv"))
    EXPECT_LE(std::stod(r.at("temperature_K")), 11000.0);
}

}  // namespace
