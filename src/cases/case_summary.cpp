#include "cases/case_summary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gb::cases {

std::string case_summary(const Case& c) {
  std::string s;
  s += fmt::format("case {} ({})\n", c.name, c.file);
  if (!c.description.empty()) s += fmt::format("  {}\n", c.description);
  std::string comp;
  for (const auto& [el, n] : c.system.counts) comp += fmt::format("{}{} ", el, n);
  s += fmt::format("system: {} atoms: {}seed {}\n", c.system.atoms, comp, c.system.seed);
  const auto& st = c.system.structure;
  if (st.kind == StructureSpec::Kind::Random)
    s += fmt::format("  start: random placement at {:g} {}, min distance {:g} A\n", st.density,
                     st.mass_density ? "g/cm^3" : "/A^3", st.min_distance_A);
  else
    s += fmt::format("  start: fcc a = {:g} A, {}x{}x{} cells\n", st.lattice_constant_A, st.cells[0], st.cells[1],
                     st.cells[2]);
  std::string els;
  for (const auto& e : c.potential.elements) els += (els.empty() ? "" : " ") + e;
  if (!c.potential.missing_env.empty())
    s += fmt::format("potential: NOT SUPPLIED (set ${} or pass --potential), elements {}\n", c.potential.missing_env,
                     els);
  else
    s += fmt::format("potential: {} (elements {}){}\n", c.potential.file, els,
                     c.potential.sha256.empty() ? "" : ", sha256 checked");
  std::string pref;
  for (const auto& p : c.platform.preference) pref += (pref.empty() ? "" : " > ") + p;
  s += fmt::format("platform: {} ({} precision{}{})\n", pref,
                   c.platform.precision.empty() ? "default" : c.platform.precision,
                   c.platform.device >= 0 ? fmt::format(", device {}", c.platform.device) : "",
                   c.platform.threads > 0 ? fmt::format(", {} CPU threads", c.platform.threads) : "");
  s += fmt::format("force: {}\n", c.platform.force.empty() ? "native where available" : c.platform.force);
  s += "stages:\n";
  size_t w = 22;  // the dir column fits the longest name (isothermal-0300K-npt pre-equilibrations)
  for (const auto& g : c.stages) w = std::max(w, g.dir_name.size());
  s += fmt::format("  {:<{}} {:<11} {:<4} {:>9} {:>9} {:>8} {:>6} {:>11} {:>10} {:>7}  {}\n", "dir", w, "kind", "ens",
                   "T0/K", "T1/K", "P/bar", "dt/fs", "steps", "time/ps", "frames", "from");
  for (size_t i = 0; i < c.stages.size(); ++i) {
    const auto& g = c.stages[i];
    const long rec = g.steps - g.equilibration_steps;
    const long frames = g.output.positions_steps > 0 ? rec / g.output.positions_steps + 1 : 0;
    s += fmt::format("  {:<{}} {:<11} {:<4} {:>9g} {:>9g} {:>8} {:>6g} {:>11} {:>10g} {:>7}  {}\n", g.dir_name, w,
                     stage_kind_name(g.kind), g.npt ? "NPT" : "NVT", g.t_start_K, g.t_end_K,
                     g.npt ? fmt::format("{:g}", g.pressure_bar) : "-", g.timestep_ps * 1e3, g.steps,
                     g.duration_ps(), frames, g.start_from.empty() ? "(new structure)" : g.start_from);
  }
  s += fmt::format("total: {} stages, {} steps, {:g} ns simulated\n", c.stages.size(), c.total_steps(),
                   c.total_time_ps() / 1e3);
  return s;
}

}  // namespace gb::cases
