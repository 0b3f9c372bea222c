// Cost of the EAM force on 4000-atom Cu64Zr36 (the shipped 2000-atom 1500 K
// liquid, cases/cuzr/cu64zr36-2000.data, doubled along x; CuZr_mm.eam.fs):
//   BM_Force/<platform>/<kind>     one energy+force evaluation (OpenMM)
//   BM_MdSteps/<platform>/<kind>   VerletIntegrator steps of 2 fs
//   (platform CPU1: the CPU platform with 1 thread, for serial comparisons)
//   BM_CpuEvaluator/<threads>      one energy+force+virial evaluation, plain C++
// Counter atom_steps_per_s (= atoms x steps or evaluations per second) is
// what bench/lammps_compare.sh compares with LAMMPS.  <kind>: native (the
// EamPlugin::EamForce), hermite (CustomGBForce with LAMMPS-exact coefficient
// tables) or spline (CustomGBForce with natural-spline tables,
// default_table_options of the platform).
//   bench_eam_force --benchmark_filter=MdSteps/CPU
#include <benchmark/benchmark.h>

#include <OpenMM.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "core/lammps_data.hpp"
#include "evaluator/eam_evaluator.hpp"
#include "glassbench/version_info.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"

namespace {

const gb::EamPotential& potential() {
  static const gb::EamPotential p = gb::read_eam("CuZr_mm.eam.fs");
  return p;
}

// The shipped configuration replicated twice along x (LAMMPS `replicate 2 1 1`).
const gb::AtomConfig& config4000() {
  static const gb::AtomConfig c = [] {
    const char* src = std::getenv("GLASSBENCH_SOURCE_DIR");
    const std::string dir = src ? src : gb::build::kSourceDir;
    gb::AtomConfig a = gb::read_lammps_data(dir + "/cases/cuzr/cu64zr36-2000.data");
    gb::AtomConfig b = a;
    const size_t n = a.size();
    for (size_t i = 0; i < n; ++i) {
      b.ids.push_back(a.ids[i] + static_cast<long>(n));
      b.types.push_back(a.types[i]);
      b.positions.push_back(a.positions[i] + gb::Vec3(a.box.lx, 0, 0));
      if (!a.velocities.empty()) b.velocities.push_back(a.velocities[i]);
    }
    b.images.clear();
    b.box.lx *= 2;
    return b;
  }();
  return c;
}

struct Engine {
  gb::EamSystem sys;
  std::unique_ptr<OpenMM::VerletIntegrator> integ;
  std::unique_ptr<OpenMM::Context> ctx;
};

// nullptr (and SkipWithError) if the platform is not available here.
std::unique_ptr<Engine> make_engine(benchmark::State& state, const std::string& platform_arg,
                                    const std::string& kind) {
  const bool spline = kind == "spline";
  const std::string platform = platform_arg == "CPU1" ? "CPU" : platform_arg;
  gb::PlatformRequest req;
  req.name = platform;
  req.cpu_threads = platform_arg == "CPU1" ? 1 : 2;
  gb::PlatformChoice pc;
  try {
    pc = gb::choose_platform(req);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return nullptr;
  }
  gb::EamForceOptions fo;
  if (kind == "native") {
    if (!gb::native_force_available(pc.name)) {
      state.SkipWithError("no native EAM kernel for this platform");
      return nullptr;
    }
    fo.implementation = gb::EamImplementation::Native;
  }
  if (spline) {
    fo.tables = gb::default_table_options(pc.name);
    fo.tables.interpolation = gb::EamInterpolation::NaturalSpline;
  }
  auto e = std::make_unique<Engine>();
  e->sys = gb::build_eam_system(config4000(), potential(), {0, 1}, fo);
  e->integ = std::make_unique<OpenMM::VerletIntegrator>(0.002);
  e->ctx = gb::make_context(*e->sys.system, *e->integ, pc);
  e->ctx->setPositions(e->sys.positions_nm);
  e->ctx->setVelocities(e->sys.velocities_nm_per_ps);
  e->ctx->getState(OpenMM::State::Forces);  // warm-up: kernels compiled, neighbour lists built
  state.SetLabel(pc.name + "/" + pc.precision + "/" + kind + "/" + std::to_string(req.cpu_threads) + "threads");
  return e;
}

void BM_Force(benchmark::State& state, std::string platform, std::string kind) {
  auto e = make_engine(state, platform, kind);
  if (!e) return;
  for (auto _ : state) {
    // Re-setting positions invalidates any cached result, so each iteration
    // is a full neighbour search + force evaluation.
    e->ctx->setPositions(e->sys.positions_nm);
    benchmark::DoNotOptimize(e->ctx->getState(OpenMM::State::Forces | OpenMM::State::Energy).getPotentialEnergy());
  }
  state.counters["atom_steps_per_s"] =
      benchmark::Counter(static_cast<double>(config4000().size()) * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_MdSteps(benchmark::State& state, std::string platform, std::string kind) {
  auto e = make_engine(state, platform, kind);
  if (!e) return;
  const int steps = static_cast<int>(state.range(0));
  for (auto _ : state) {
    e->integ->step(steps);
    // Make sure queued device work is finished inside the timed region.
    benchmark::DoNotOptimize(e->ctx->getState(OpenMM::State::Energy).getPotentialEnergy());
  }
  state.counters["atom_steps_per_s"] = benchmark::Counter(
      static_cast<double>(config4000().size()) * steps * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_CpuEvaluator(benchmark::State& state) {
  const gb::EamEvaluator ev(potential(), {0, 1}, static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ev.compute(config4000()).energy_eV);
  state.counters["atom_steps_per_s"] =
      benchmark::Counter(static_cast<double>(config4000().size()) * state.iterations(), benchmark::Counter::kIsRate);
}

void register_all() {
  for (const std::string p : {"Reference", "CPU", "CPU1", "OpenCL", "CUDA"})
    for (const std::string t : {"native", "hermite", "spline"}) {
      benchmark::RegisterBenchmark(("BM_Force/" + p + "/" + t).c_str(), BM_Force, p, t)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime()
          ->MinTime(p == "Reference" ? 0.1 : 1.0);
      // Reference is ~10x slower: fewer steps per iteration.
      benchmark::RegisterBenchmark(("BM_MdSteps/" + p + "/" + t).c_str(), BM_MdSteps, p, t)
          ->Arg(p == "Reference" ? 2 : 20)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime()
          ->MinTime(p == "Reference" ? 0.1 : 1.0);
    }
  benchmark::RegisterBenchmark("BM_CpuEvaluator", BM_CpuEvaluator)
      ->Arg(1)
      ->Arg(2)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

}  // namespace

int main(int argc, char** argv) {
  gb::load_openmm_plugins();
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
