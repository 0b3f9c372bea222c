// MD throughput of the EAM force (native EamForce, or the CustomGBForce with
// the `custom` variants) on each OpenMM platform: Cu64Zr36
// liquid (random structure at 0.0585 /A^3, CuZr_mm.eam.fs), NVT Nose-Hoover
// at 2000 K, 2 fs steps -- the paper-protocol workload.  Reports steps/s and
// ns/day as counters; `glassbench run` adds thermo/dump/checkpoint overhead.
//   bench_md_steps --benchmark_filter='Cu64Zr36/4000'
#include <benchmark/benchmark.h>

#include <OpenMM.h>

#include <memory>

#include "core/structure_builder.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"

namespace {

void BM_Cu64Zr36(benchmark::State& state, const char* platform_name, bool native) {
  const int n = static_cast<int>(state.range(0));
  const int ncu = n * 64 / 100;
  gb::EamPotential pot = gb::read_eam("CuZr_mm.eam.fs");
  const auto elem = gb::map_elements(pot, {"Cu", "Zr"});
  gb::AtomConfig cfg = gb::random_structure({{"Cu", ncu}, {"Zr", n - ncu}}, {pot.masses[elem[0]], pot.masses[elem[1]]},
                                            0.0585, 2.0, 12345);
  gb::PlatformRequest req;
  req.name = platform_name;
  gb::PlatformChoice pc;
  try {
    pc = gb::choose_platform(req);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  gb::EamForceOptions fo;
  fo.tables.max_table_points = gb::default_table_points(pc.name);
  if (native) {
    if (!gb::native_force_available(pc.name)) {
      state.SkipWithError("no native EAM kernel for this platform");
      return;
    }
    fo.implementation = gb::EamImplementation::Native;
  }
  gb::EamSystem es = gb::build_eam_system(cfg, pot, elem, fo);
  es.system->addForce(new OpenMM::CMMotionRemover(1));
  OpenMM::NoseHooverIntegrator integ(2000.0, 10.0, 0.002);
  OpenMM::Context ctx(*es.system, integ, *pc.platform, pc.properties);
  ctx.setPositions(es.positions_nm);
  OpenMM::LocalEnergyMinimizer::minimize(ctx, 10.0, 50);
  ctx.setVelocitiesToTemperature(2000.0, 1);
  integ.step(20);  // warm-up (kernel compilation, neighbour lists)
  const int chunk = n > 1000 ? 10 : 50;
  for (auto _ : state) {
    integ.step(chunk);
    ctx.getState(OpenMM::State::Energy);  // synchronise
  }
  const double steps = double(state.iterations()) * chunk;
  state.counters["steps_per_s"] = benchmark::Counter(steps, benchmark::Counter::kIsRate);
  state.counters["ns_per_day"] = benchmark::Counter(steps * 0.002e-3 * 86400.0, benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK_CAPTURE(BM_Cu64Zr36, Reference/native, "Reference", true)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, Reference/custom, "Reference", false)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, CPU/native, "CPU", true)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, CPU/custom, "CPU", false)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, OpenCL/native, "OpenCL", true)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, OpenCL/custom, "OpenCL", false)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, CUDA/native, "CUDA", true)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_CAPTURE(BM_Cu64Zr36, CUDA/custom, "CUDA", false)->Arg(500)->Arg(4000)->Unit(benchmark::kMillisecond)->MinTime(5)->UseRealTime();
BENCHMARK_MAIN();
