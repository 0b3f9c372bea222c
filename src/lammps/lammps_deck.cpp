#include "lammps/lammps_deck.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "runners/stage_dynamics.hpp"

namespace gb::lammps {

using cases::StageSpec;
using cases::ThermostatSpec;

namespace {

// Upper end of the stride() series for thermo/dump variables: past any
// protocol's last step (stride() errors once a series is exhausted).
constexpr long long kStrideEnd = 1000000000000LL;

std::string num(double x) { return fmt::format("{:.17g}", x); }

// Whether the OpenMM runner draws fresh velocities at the start of stage k
// (the first stage, or a start from a stage that ended at another temperature).
bool reassigns(const cases::Case& c, size_t k) {
  const StageSpec& st = c.stages[k];
  if (st.start_from.empty()) return true;
  const int src = c.stage_index(st.start_from);
  return src < 0 || std::fabs(c.stages[static_cast<size_t>(src)].t_end_K - st.t_start_K) > 1e-9;
}

}  // namespace

long second_half_first_thermo_step(long steps, long thermo_interval) {
  const long rows = steps / thermo_interval + 1 + (steps % thermo_interval != 0 ? 1 : 0);
  return std::min(steps, (rows / 2) * thermo_interval);
}

double mean_volume_from_text(const std::string& text) {
  const std::string key = std::string("variable ") + kMeanVolumeVariable + " equal ";
  const size_t at = text.find(key);
  if (at == std::string::npos) return NAN;
  try {
    return std::stod(text.substr(at + key.size()));
  } catch (const std::exception&) {
    return NAN;
  }
}

int lammps_seed(uint64_t seed) { return 1 + static_cast<int>(seed % 899999999ULL); }

uint64_t replica_seed(uint64_t seed, int replica) {
  if (replica == 0) return seed;
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(replica);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return (z ^ (z >> 31)) % 4000000000ULL + 1;  // stays a readable positive integer
}

void require_expressible(const cases::Case& c) {
  for (const StageSpec& st : c.stages) {
    switch (st.kind) {
      case StageSpec::Kind::Equilibrate:
      case StageSpec::Kind::Quench:
      case StageSpec::Kind::Relax:
      case StageSpec::Kind::Isothermal:
        break;
      default:
        throw InputError(st.where, "protocol",
                         fmt::format("stage {} is of kind '{}', which the LAMMPS engine cannot express; run this "
                                     "case with --engine openmm",
                                     st.name, cases::stage_kind_name(st.kind)));
    }
    if (st.timestep_ps <= 0 || st.steps <= 0 || st.output.thermo_steps <= 0)
      throw InputError(st.where, "protocol", "stage " + st.name + " has no steps, time step or thermo interval");
  }
}

Deck make_deck(const cases::Case& c, const DeckInputs& in) {
  require_expressible(c);
  if (in.type_elements.empty()) throw InputError("LAMMPS deck: no atom types");
  Deck deck;
  std::string elements;
  for (const auto& e : in.type_elements) elements += " " + e;
  const std::string pair_style = eam_style_name(in.style);
  if (in.style == EamStyle::Funcfl && in.type_elements.size() > 1)
    throw InputError(c.potential.where, "potential.file",
                     "the LAMMPS engine supports funcfl (pair_style eam) potentials for one element only; use a "
                     "setfl (eam/alloy) or eam/fs file for alloys");
  const std::string pair_coeff =
      in.style == EamStyle::Funcfl ? fmt::format("pair_coeff 1 1 {}", in.potential_path)
                                   : fmt::format("pair_coeff * * {}{}", in.potential_path, elements);

  deck.master_text = fmt::format(
      "# LAMMPS deck for glassbench case '{}' ({}), all stages in order.\n"
      "# {}\n# Run from the run directory:  lmp -in {}\n",
      c.name, c.file, in.provenance, deck.master_file);

  for (size_t k = 0; k < c.stages.size(); ++k) {
    const StageSpec& st = c.stages[k];
    const int ki = static_cast<int>(k);
    StageDeck sd;
    sd.deck_file = "lammps/" + st.dir_name + ".lmp";
    sd.log_file = "lammps/" + st.dir_name + ".log";
    if (st.output.positions_steps > 0) sd.trajectory_dump = "lammps/" + st.dir_name + ".trajectory.dump";
    if (st.output.velocities_steps > 0) sd.velocity_dump = "lammps/" + st.dir_name + ".velocities.dump";
    sd.final_data = "lammps/" + st.dir_name + ".final.data";
    if (st.start_from.empty()) {
      sd.start_data = deck.start_data;
    } else {
      const int src = c.stage_index(st.start_from);
      if (src < 0 || src >= ki)
        throw InputError(st.where, "start_from", "stage " + st.start_from + " is not an earlier stage");
      sd.start_data = "lammps/" + c.stages[static_cast<size_t>(src)].dir_name + ".final.data";
    }
    for (size_t j = k + 1; j < c.stages.size(); ++j)
      if (c.stages[j].box_from_mean && c.stages[j].start_from == st.name) {
        if (!st.npt)
          throw InputError(c.stages[j].where, "volume",
                           "stage " + c.stages[j].name + " starts in the mean box of " + st.name +
                               ", which is not an NPT stage");
        sd.mean_volume_file = "lammps/" + st.dir_name + ".mean_volume.lmp";
      }
    if (st.box_from_mean) sd.box_from_mean_file = "lammps/" + c.stages[static_cast<size_t>(c.stage_index(st.start_from))].dir_name + ".mean_volume.lmp";
    sd.reassigns_velocities = reassigns(c, k);
    sd.velocity_seed = lammps_seed(static_cast<uint64_t>(
        runners::stage_seed(in.seed, ki, runners::SeedPurpose::Velocities)));
    sd.langevin_seed = lammps_seed(static_cast<uint64_t>(
        runners::stage_seed(in.seed, ki, runners::SeedPurpose::Langevin)));

    const long first = c.stage_offset(k);
    const double T0 = st.t_start_K, T1 = st.t_end_K;
    const double tdamp = st.thermostat.time_constant_ps;
    const double pdamp = kBarostatDampingSteps * st.timestep_ps;
    std::string t;
    t += fmt::format("# glassbench stage {} ({}, {}{}), case '{}'.\n# {}\n", st.dir_name,
                     cases::stage_kind_name(st.kind), st.npt ? "NPT" : "NVT",
                     st.kind == StageSpec::Kind::Quench ? fmt::format(", {:g} K -> {:g} K", T0, T1)
                                                        : fmt::format(", {:g} K", T0),
                     c.name, in.provenance);
    t += "clear\nunits metal\natom_style atomic\nboundary p p p\natom_modify map array\n";
    t += fmt::format("read_data {}\n", sd.start_data);
    t += fmt::format("pair_style {}\n{}\n", pair_style, pair_coeff);
    t += fmt::format("timestep {}\n", num(st.timestep_ps));
    t += "thermo_style custom step temp pe ke etotal vol density press\n";
    t += "thermo_modify norm no format float %.12g\n";
    if (st.start_from.empty()) {
      t += fmt::format("# fresh structure: relax close pairs before the dynamics\nmin_style cg\nminimize 0 {} {} {}\n",
                       num(kMinimizeForceToleranceEvPerA), kMinimizeMaxIterations, 10 * kMinimizeMaxIterations);
    }
    if (!sd.box_from_mean_file.empty()) {
      // Zero-pressure volume: the mean box of the NPT pre-equilibration's second
      // half, reached by an isotropic rescale of its final box and atoms (the
      // barostat is isotropic, so the shape is kept; tilts scale with the box).
      t += fmt::format("# NVT at the zero-pressure volume: the mean volume of the second half of {}\n",
                       st.start_from);
      t += fmt::format("include {}\n", sd.box_from_mean_file);
      t += fmt::format("variable gb_box_scale equal (v_{}/vol)^(1.0/3.0)\n", kMeanVolumeVariable);
      t += "variable gb_scale_now equal ${gb_box_scale}\n";
      t += "change_box all x scale ${gb_scale_now} y scale ${gb_scale_now} z scale ${gb_scale_now} remap\n";
      t += "if \"$(xy) != 0 || $(xz) != 0 || $(yz) != 0\" then &\n"
           "  \"change_box all xy final $(xy*v_gb_scale_now) xz final $(xz*v_gb_scale_now) yz final "
           "$(yz*v_gb_scale_now) remap units box\"\n";
    }
    t += fmt::format("reset_timestep {}\n", first);
    if (sd.reassigns_velocities)
      t += fmt::format("velocity all create {} {} dist gaussian mom yes rot no loop geom\n", num(T0),
                       sd.velocity_seed);
    if (st.thermostat.kind == ThermostatSpec::Kind::NoseHoover) {
      if (st.npt)
        t += fmt::format("fix gb_md all npt temp {} {} {} iso {} {} {}\n", num(T0), num(T1), num(tdamp),
                         num(st.pressure_bar), num(st.pressure_bar), num(pdamp));
      else
        t += fmt::format("fix gb_md all nvt temp {} {} {}\n", num(T0), num(T1), num(tdamp));
    } else {
      if (st.npt)
        t += fmt::format("fix gb_md all nph iso {} {} {}\n", num(st.pressure_bar), num(st.pressure_bar), num(pdamp));
      else
        t += "fix gb_md all nve\n";
      t += fmt::format("fix gb_langevin all langevin {} {} {} {}\n", num(T0), num(T1), num(tdamp), sd.langevin_seed);
    }
    t += "fix gb_momentum all momentum 1 linear 1 1 1\n";
    t += fmt::format("variable gb_thermo equal stride({},{},{})\nthermo v_gb_thermo\n", first, kStrideEnd,
                     st.output.thermo_steps);
    auto dump = [&](const char* id, const std::string& file, long every, const char* cols) {
      t += fmt::format("variable {}_at equal stride({},{},{})\n", id, first + st.equilibration_steps, kStrideEnd,
                       every);
      t += fmt::format("dump {} all custom 1 {} {}\n", id, file, cols);
      t += fmt::format("dump_modify {} every v_{}_at sort id format float %.17g\n", id, id);
    };
    if (!sd.trajectory_dump.empty()) dump("gb_traj", sd.trajectory_dump, st.output.positions_steps, "id type xu yu zu");
    if (!sd.velocity_dump.empty())
      dump("gb_vel", sd.velocity_dump, st.output.velocities_steps, "id type xu yu zu vx vy vz");
    if (!sd.mean_volume_file.empty()) {
      // The mean volume over the second half of this stage's thermo rows (the
      // OpenMM runner's rule), for the NVT stage that starts in its mean box.
      const long from = first + second_half_first_thermo_step(st.steps, st.output.thermo_steps);
      t += "variable gb_vol equal vol\n";
      t += fmt::format("fix gb_vmean all ave/time {0} 1 {0} v_gb_vol ave running start {1}\n",
                       st.output.thermo_steps, from);
    }
    t += fmt::format("run {}\n", st.steps);
    if (!sd.mean_volume_file.empty())
      // No samples only when the run was skipped (lmp -skiprun checks the deck): then the final volume.
      t += fmt::format(
          "if \"$(f_gb_vmean) > 0\" then &\n"
          "  \"print 'variable {0} equal $(f_gb_vmean:%.17g)' file {1} screen no\" &\n"
          "else &\n"
          "  \"print '# no volume samples (run skipped: -skiprun); the final volume' file {1} screen no\" &\n"
          "  \"print 'variable {0} equal $(vol:%.17g)' append {1} screen no\"\n",
          kMeanVolumeVariable, sd.mean_volume_file);
    t += fmt::format("write_data {} nocoeff\n", sd.final_data);
    sd.text = std::move(t);
    deck.master_text += fmt::format("include {}\n", sd.deck_file);
    deck.stages.push_back(std::move(sd));
  }
  return deck;
}

}  // namespace gb::lammps
