#pragma once
// A case's protocol as a LAMMPS input deck (units metal), so LAMMPS can run
// the same protocol as the OpenMM runner and serve as the independent oracle
// for whole simulations (docs/lammps-engine.md).
//
// One deck file per stage (lammps/NN-name.lmp) plus lammps/deck.lmp that
// `include`s them in order, so the whole protocol runs with
//   cd RUN_DIR && lmp -in lammps/deck.lmp
// and glassbench can run, and resume, one stage at a time.  Every path in a
// deck is relative to the run directory.  Mapping of the case:
//   structure          glassbench writes the start as lammps/start.data; the
//                      first stage minimises it (cg, ftol 1e-2 eV/A, <= 100
//                      iterations, as the OpenMM runner's 100 L-BFGS steps)
//   start_from         read_data lammps/<source>.final.data (write_data of that stage, with velocities)
//   velocities         `velocity create T seed dist gaussian mom yes rot no
//                      loop geom` where the OpenMM runner reassigns them
//   nose-hoover NVT    fix nvt temp T0 T1 Tdamp (Tdamp = the case's time constant)
//   nose-hoover NPT    fix npt ... iso P P Pdamp (Pdamp stated: 1000 time steps,
//                      LAMMPS' recommendation; OpenMM uses a Monte Carlo barostat)
//   langevin           fix langevin T0 T1 damp seed + fix nve (NVT) / fix nph (NPT)
//   quench             the thermostat's linear T0 -> T1 ramp over the run
//   output             thermo and dumps at the same global steps as the OpenMM
//                      runner: reset_timestep to the stage's first global step,
//                      dumps via stride() variables after the equilibration part
//   centre of mass     fix momentum every step (OpenMM: CMMotionRemover(1))
//   volume: zero-pressure (an NVT isotherm after its NPT pre-equilibration,
//                      StageSpec::box_from_mean): the NPT stage averages `vol`
//                      with fix ave/time over its second half of thermo rows
//                      (the rows from index rows/2 on, as the OpenMM runner) and
//                      prints the mean to lammps/NN-name.mean_volume.lmp; the
//                      NVT stage includes that file after read_data and
//                      rescales box and atoms isotropically onto the mean
//                      (change_box x/y/z scale f remap, tilts scaled by f)
//   volume: start-state the NVT stage keeps start_from's box as it is
// A stage kind the deck cannot express is refused with gb::InputError naming
// the case file, line and stage.
#include <cstdint>
#include <string>
#include <vector>

#include "cases/case_spec.hpp"
#include "potential/eam_potential.hpp"

namespace gb::lammps {

/// The LAMMPS Nose-Hoover barostat damping used for NPT stages, in time steps
/// of the stage ("Pdamp of around 1000 timesteps", LAMMPS fix nh documentation).
inline constexpr int kBarostatDampingSteps = 1000;
/// Minimisation of a fresh structure: force tolerance in eV/A, about the OpenMM
/// runner's 10 kJ/mol/nm (= 0.0104 eV/A), and its iteration cap.
inline constexpr double kMinimizeForceToleranceEvPerA = 1.0e-2;
inline constexpr int kMinimizeMaxIterations = 100;

struct DeckInputs {
  std::string potential_path;             // absolute path of the EAM file
  EamStyle style = EamStyle::Setfl;       // -> pair_style eam | eam/alloy | eam/fs
  /// Element of each LAMMPS type, in type order (the case's composition order),
  /// written on the pair_coeff line.  Must be in the potential file (eam/alloy,
  /// eam/fs); for funcfl `eam` one file per type is not supported here.
  std::vector<std::string> type_elements;
  uint64_t seed = 0;                      // the run's seed (the case's, or a replica's)
  std::string provenance;                 // one line for each deck's head comment
};

struct StageDeck {
  std::string deck_file;        // lammps/NN-name.lmp
  std::string log_file;         // lammps/NN-name.log
  std::string trajectory_dump;  // lammps/NN-name.trajectory.dump, "" if no positions output
  std::string velocity_dump;    // lammps/NN-name.velocities.dump, "" if none
  std::string final_data;       // lammps/NN-name.final.data (the runner copies it to stages/NN-name/final.data)
  std::string start_data;       // what read_data reads
  /// Written by this (NPT) stage when a later stage starts in its mean box:
  /// lammps/NN-name.mean_volume.lmp, one line `variable gb_mean_volume_A3 equal V`.
  std::string mean_volume_file;
  /// Read by this stage (box_from_mean): the source stage's mean_volume_file.
  std::string box_from_mean_file;
  bool reassigns_velocities = false;
  int velocity_seed = 0, langevin_seed = 0;
  std::string text;             // the deck
};

struct Deck {
  std::string master_file = "lammps/deck.lmp";
  std::string start_data = "lammps/start.data";
  std::string master_text;
  std::vector<StageDeck> stages;
};

/// Throws gb::InputError (case file, line, stage) for a stage the LAMMPS
/// engine cannot express.  Every stage kind of src/cases but `shear` (MD-DMA:
/// OpenMM engine only; LAMMPS's fix deform wiggle is its test oracle) is expressible.
void require_expressible(const cases::Case& c);

/// The LAMMPS variable a mean_volume_file defines (A^3).
inline constexpr const char* kMeanVolumeVariable = "gb_mean_volume_A3";

/// Step within a stage of the first thermo row of its second half: the rows
/// are at 0, interval, 2 interval, ... and the last step; the second half
/// starts at row index rows/2 (the OpenMM runner's mean_volume_second_half).
long second_half_first_thermo_step(long steps, long thermo_interval);

/// The value of kMeanVolumeVariable in the text of a mean_volume_file, or NaN.
double mean_volume_from_text(const std::string& text);

/// The decks for every stage of the case.
Deck make_deck(const cases::Case& c, const DeckInputs& in);

/// LAMMPS random seeds must lie in 1..900000000 (RanMars); maps any seed there.
int lammps_seed(uint64_t seed);

/// The seed of replica r of a run with case seed `seed`: replica 0 keeps the
/// case seed (so a 1-replica run is the plain run), others are SplitMix64-derived.
uint64_t replica_seed(uint64_t seed, int replica);

}  // namespace gb::lammps
