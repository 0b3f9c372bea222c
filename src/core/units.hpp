#pragma once
// Unit conversions at the boundaries.  Internally:
//   * LAMMPS "metal" side (potential files, data/dump files, CPU evaluator):
//     Angstrom, ps, eV, amu, K, bar.
//   * OpenMM side: nm, ps, kJ/mol, amu (g/mol), K, bar.
// Values are CODATA 2018 as used by OpenMM 7.7+/LAMMPS (metal units).
namespace gb::units {

inline constexpr double kAngstromPerNm = 10.0;
inline constexpr double kNmPerAngstrom = 0.1;
/// 1 eV in kJ/mol (CODATA 2018: e * N_A / 1000).
inline constexpr double kKJPerMolPerEV = 96.48533212331002;
inline constexpr double kEVPerKJPerMol = 1.0 / kKJPerMolPerEV;
/// Force: eV/Angstrom -> kJ/mol/nm.
inline constexpr double kKJPerMolNmPerEVPerAngstrom = kKJPerMolPerEV * kAngstromPerNm;
/// Boltzmann constant in eV/K (CODATA 2018), as LAMMPS metal units.
inline constexpr double kBoltzmannEVPerK = 8.617333262e-5;
/// Boltzmann constant in kJ/mol/K (OpenMM's BOLTZ).
inline constexpr double kBoltzmannKJPerMolPerK = 0.00831446261815324;
/// LAMMPS metal nktv2p: converts eV/Angstrom^3 to bar.
inline constexpr double kBarPerEVPerAngstrom3 = 1.6021765e6;
/// Exact: 1 eV/A^3 = 1.602176634e11 Pa = 1.602176634e6 bar.  LAMMPS's
/// nktv2p (1.6021765e6) differs at the 1e-7 level; we use LAMMPS's value when
/// comparing with LAMMPS output, the exact one elsewhere.
inline constexpr double kBarPerEVPerAngstrom3Exact = 1.602176634e6;
/// LAMMPS metal mvv2e: amu*(A/ps)^2 -> eV.
inline constexpr double kEVPerAmuA2PerPs2 = 1.0364269e-4;
inline constexpr double kPaPerBar = 1.0e5;
/// Atomic mass unit in kg (density output g/cm^3 uses kAmuGram).
inline constexpr double kAmuGram = 1.66053906660e-24;
inline constexpr double kCm3PerAngstrom3 = 1.0e-24;

}  // namespace gb::units
