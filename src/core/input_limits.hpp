#pragma once
// Bounds every reader checks before it trusts a number from a file.  A count
// in a header is also checked against the bytes the file can hold (see
// max_items_in_bytes) before anything is allocated, so a hostile header
// ("2147483647 atoms") ends in a file:line error, never in bad_alloc.
// Each bound says why it is safe for real inputs.
#include <cstdint>

namespace gb::limits {

/// Atoms in a data file or dump frame.  Same bound as `system.atoms` in case
/// files; 1e8 atoms is ~20x the largest metallic-glass MD in the literature.
constexpr long kMaxAtoms = 100'000'000;
/// Atom ids: LAMMPS's default tagint is a 32-bit int (-DLAMMPS_SMALLBIG),
/// so ids above 2^31-1 cannot come from a standard LAMMPS build; larger
/// ids would wrap in 32-bit tools such as OVITO's old readers.
constexpr long kMaxAtomId = 2147483647;
/// Atom types (LAMMPS types, not elements): well above any EAM file.
constexpr long kMaxAtomTypes = 100'000;
/// Image flags: |image| beyond this cannot come from a finite MD run
/// (2^30 box lengths) and would overflow int when unwrapped.
constexpr long kMaxImageFlag = 1L << 30;
/// Points in one potential table.  Shipped LAMMPS files have <= 10001;
/// 1e7 doubles is 80 MB per table.
constexpr long kMaxTablePoints = 10'000'000;
/// Elements in one setfl/fs file (a periodic table and some).
constexpr long kMaxElements = 200;
/// Atomic number in a potential file (0 = unknown is allowed).
constexpr long kMaxAtomicNumber = 1000;
/// Element mass in a potential file, amu: ~35x the heaviest known element.
constexpr double kMaxMassAmu = 1e4;
/// |value| of a potential table entry: keeps spline differences, products
/// with r and squares finite in double (1e100^2 = 1e200 < 1.8e308); real
/// tables stay below 1e7 (eV, eV*Angstrom).
constexpr double kMaxTableAbsValue = 1e100;
/// EAM cutoff, Angstrom.  No shipped LAMMPS EAM file exceeds 11 A; 100 A
/// keeps neighbour cells and per-pair tables bounded.
constexpr double kMaxCutoffA = 100.0;
/// |coordinate|, box bound or tilt, Angstrom (1e8 A = 1 cm): unwrapped
/// drift in any MD run stays far below, and positions keep ~1e-8 A
/// resolution; squared displacements (<= 4e16 A^2) never overflow.
constexpr double kMaxAbsCoordinateA = 1e8;
/// Steps in one stage / in a whole case: 1e12 steps of 1 fs is 1 ms of MD,
/// ~1e5 times the paper's longest run; a sum of 1e3 such stages still fits
/// in a 64-bit step counter.
constexpr long kMaxSteps = 1'000'000'000'000;
/// One line of a text file: a dump line with 50k columns fits; a binary
/// file without newlines does not get read whole into one string.
constexpr std::uint64_t kMaxLineBytes = 1u << 20;
/// Frames in one dump written by a stage (frames are counted in int).
constexpr long kMaxFrames = 1'000'000'000;

/// How many whitespace-separated items of at least `min_bytes_each` bytes
/// (separator included) fit in `bytes`.
constexpr std::uint64_t max_items_in_bytes(std::uint64_t bytes, std::uint64_t min_bytes_each) {
  return min_bytes_each == 0 ? bytes : bytes / min_bytes_each;
}

}  // namespace gb::limits
