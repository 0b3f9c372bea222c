// Cost of one pressure sample of the runner (ThermoSampler) against one MD
// step, 4000-atom Cu64Zr36 liquid on the CPU platform with the native EAM
// force (1 and 2 threads: the /N suffix; random structure at 0.0585 /A^3, CuZr_mm.eam.fs, NVT
// Nose-Hoover at 2000 K, 2 fs), all in one run so the ratios hold under load:
//   MdStep             one integrator step (the reference cost);
//   StressSample/*     the pressure tensor of a shear / Green-Kubo stress
//                      sample (OpenMMStageControl::pressure_tensor_bar):
//                      native = State with Velocities|Energy (one energy
//                      evaluation of the native force) + getVirial;
//                      evaluator = State with Positions|Velocities + a CPU
//                      evaluator pass (same threads), the custom-force path;
//   ThermoSample/*     a thermo.csv row with the State the runner requests
//                      anyway (Positions|Velocities|Energy): native reads the
//                      virial of that evaluation, evaluator adds a host pass.
//   bench_thermo_sample --benchmark_min_time=3
#include <benchmark/benchmark.h>

#include <OpenMM.h>

#include <map>
#include <memory>

#include "core/structure_builder.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "runners/thermo_sampler.hpp"

namespace {

constexpr int kAtoms = 4000;

struct Rig {
  gb::EamPotential pot = gb::read_eam("CuZr_mm.eam.fs");
  std::vector<int> elem = gb::map_elements(pot, {"Cu", "Zr"});
  gb::EamSystem es;
  std::unique_ptr<OpenMM::NoseHooverIntegrator> integ;
  std::unique_ptr<OpenMM::Context> ctx;
  std::unique_ptr<gb::runners::ThermoSampler> sampler;

  explicit Rig(int threads) {
    const int ncu = kAtoms * 64 / 100;
    gb::AtomConfig cfg = gb::random_structure({{"Cu", ncu}, {"Zr", kAtoms - ncu}},
                                                    {pot.masses[elem[0]], pot.masses[elem[1]]}, 0.0585, 2.0, 12345);
    gb::PlatformRequest req;
    req.name = "CPU";
    req.cpu_threads = threads;
    const gb::PlatformChoice pc = gb::choose_platform(req);
    gb::EamForceOptions fo;
    fo.implementation = gb::EamImplementation::Native;
    es = gb::build_eam_system(cfg, pot, elem, fo);
    es.system->addForce(new OpenMM::CMMotionRemover(1));
    integ = std::make_unique<OpenMM::NoseHooverIntegrator>(2000.0, 10.0, 0.002);
    ctx = gb::make_context(*es.system, *integ, pc);
    ctx->setPeriodicBoxVectors(es.box_nm[0], es.box_nm[1], es.box_nm[2]);
    ctx->setPositions(es.positions_nm);
    OpenMM::LocalEnergyMinimizer::minimize(*ctx, 10.0, 50);
    ctx->setVelocitiesToTemperature(2000.0, 1);
    integ->step(50);  // warm-up: neighbour lists, thread pools
    cfg.type_names = {"Cu", "Zr"};
    cfg.type_masses = {pot.masses[elem[0]], pot.masses[elem[1]]};
    sampler = std::make_unique<gb::runners::ThermoSampler>(pot, elem, threads, gb::runners::topology_of(cfg));
  }
};

// One liquid per thread count for every row (state.range(0) = CPU threads, also the evaluator's).
Rig& rig(int threads) {
  // Never destroyed: tearing Contexts down during static destruction crashed at exit.
  static auto* rigs = new std::map<int, std::unique_ptr<Rig>>;
  auto& r = (*rigs)[threads];
  if (!r) r = std::make_unique<Rig>(threads);
  return *r;
}

void BM_MdStep(benchmark::State& state) {
  Rig& r = rig(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    r.integ->step(10);
    r.ctx->getState(OpenMM::State::Energy);  // synchronise (one energy evaluation per 10 steps)
  }
  state.counters["steps_per_s"] = benchmark::Counter(double(state.iterations()) * 10, benchmark::Counter::kIsRate);
}

void BM_StressSample(benchmark::State& state, bool native) {
  Rig& r = rig(static_cast<int>(state.range(0)));
  double sink = 0;
  for (auto _ : state) {
    const int types = native ? OpenMM::State::Velocities : OpenMM::State::Positions | OpenMM::State::Velocities;
    const auto s = gb::runners::capture_state(*r.ctx, types, native ? r.es.native : nullptr);
    sink += r.sampler->pressure_tensor_bar(s)[3];
  }
  benchmark::DoNotOptimize(sink);
}

void BM_ThermoSample(benchmark::State& state, bool native) {
  Rig& r = rig(static_cast<int>(state.range(0)));
  double sink = 0;
  for (auto _ : state) {
    const auto s = gb::runners::capture_state(
        *r.ctx, OpenMM::State::Positions | OpenMM::State::Velocities | OpenMM::State::Energy,
        native ? r.es.native : nullptr);
    sink += r.sampler->sample(s).pressure_bar;
  }
  benchmark::DoNotOptimize(sink);
}

}  // namespace

BENCHMARK(BM_MdStep)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_StressSample, native, true)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_StressSample, evaluator, false)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_ThermoSample, native, true)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_ThermoSample, evaluator, false)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
