// Dynamics analysis cost on a synthetic 4000-atom, 1000-frame trajectory
// (random walk at liquid density, ~0.06 atoms/A^3): string-like atom search
// per frame pair, MSD over the whole trajectory (all origins), and the full
// string-ratio curve with the default origins.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "analysis/msd.hpp"
#include "analysis/string_atoms.hpp"

namespace {

using namespace gb::analysis;

const Trajectory& trajectory() {
  static const Trajectory t = [] {
    Trajectory t;
    const int n = 4000, frames = 1000;
    const double L = std::cbrt(n / 0.06);
    std::mt19937_64 eng(1);
    std::normal_distribution<double> g(0.0, 1.0);  // benchmark input only: portability irrelevant
    std::uniform_real_distribution<double> u(0.0, L);
    std::vector<gb::Vec3> r(n);
    for (int a = 0; a < n; ++a) {
      t.ids.push_back(a + 1);
      t.types.push_back(1 + (a % 3 == 0));
      r[a] = {u(eng), u(eng), u(eng)};
    }
    const double s = std::sqrt(2 * 0.05 * 0.1);  // D = 0.05 A^2/ps, 0.1 ps per frame
    for (int f = 0; f < frames; ++f) {
      if (f)
        for (auto& x : r) x += gb::Vec3{s * g(eng), s * g(eng), s * g(eng)};
      t.positions.push_back(r);
      t.boxes.push_back(gb::Box::cubic(L));
      t.timesteps.push_back(f * 50L);
    }
    t.frame_interval_ps = 0.1;
    return t;
  }();
  return t;
}

void BM_StringCountFramePair(benchmark::State& st) {
  const auto& t = trajectory();
  const int lag = static_cast<int>(st.range(0));
  for (auto _ : st) {
    auto c = count_fast_and_string(t.boxes[0], t.positions[0], t.positions[lag], StringOptions{});
    benchmark::DoNotOptimize(c);
  }
  st.counters["atoms"] = t.atoms();
}
BENCHMARK(BM_StringCountFramePair)->Arg(10)->Arg(999)->Unit(benchmark::kMillisecond);

void BM_Msd1000Frames(benchmark::State& st) {
  const auto& t = trajectory();
  for (auto _ : st) benchmark::DoNotOptimize(compute_msd(t, MsdOptions{}));
}
BENCHMARK(BM_Msd1000Frames)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_StringRatio1000Frames(benchmark::State& st) {
  const auto& t = trajectory();
  for (auto _ : st) benchmark::DoNotOptimize(compute_string_ratio(t, StringOptions{}));
}
BENCHMARK(BM_StringRatio1000Frames)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
