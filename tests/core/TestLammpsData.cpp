// LAMMPS data files: round trip, triclinic header, image flags, and bad
// input reported with file:line:column and the field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/lammps_data.hpp"

namespace fs = std::filesystem;

namespace {
std::string write_tmp(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("gb_data_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string p = (dir / name).string();
  std::ofstream(p) << text;
  return p;
}

std::string error_of(const std::string& path) {
  try {
    gb::read_lammps_data(path);
  } catch (const gb::InputError& e) {
    return e.what();
  }
  return "<no error>";
}

const char* kGood =
    "test file\n\n3 atoms\n2 atom types\n\n0 10 xlo xhi\n0 11 ylo yhi\n-1 12 zlo zhi\n1.5 -0.5 0.25 xy xz yz\n\n"
    "Masses\n\n1 63.546\n2 91.224\n\nAtoms # atomic\n\n"
    "3 2 1.0 2.0 3.0 0 1 -1\n1 1 4.0 5.0 6.0 0 0 0\n2 1 7.5 8.5 9.5 1 0 0\n\n"
    "Velocities\n\n1 0.1 0.2 0.3\n2 0 0 0\n3 -1 -2 -3\n";
}  // namespace

TEST(LammpsData, ReadsTriclinicWithImagesAndVelocities) {
  const auto cfg = gb::read_lammps_data(write_tmp("good.data", kGood));
  ASSERT_EQ(cfg.size(), 3u);
  EXPECT_EQ(cfg.ntypes, 2);
  EXPECT_DOUBLE_EQ(cfg.box.lz, 13.0);
  EXPECT_DOUBLE_EQ(cfg.box.xy, 1.5);
  EXPECT_DOUBLE_EQ(cfg.type_masses[1], 91.224);
  EXPECT_EQ(cfg.ids[0], 3);
  EXPECT_EQ(cfg.images[0][2], -1);
  EXPECT_DOUBLE_EQ(cfg.velocities[0].z, -3.0);  // velocity matched by id, not line order
  EXPECT_DOUBLE_EQ(cfg.velocities[1].x, 0.1);
}

TEST(LammpsData, RoundTripIsExact) {
  const auto a = gb::read_lammps_data(write_tmp("good2.data", kGood));
  const std::string out = write_tmp("rt.data", "");
  gb::write_lammps_data(out, a, "round trip");
  const auto b = gb::read_lammps_data(out);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.ids[i], b.ids[i]);
    EXPECT_EQ(a.positions[i].x, b.positions[i].x);  // %.17g round-trips doubles exactly
    EXPECT_EQ(a.velocities[i].y, b.velocities[i].y);
  }
  EXPECT_EQ(a.box.yz, b.box.yz);
}

TEST(LammpsData, NonNumericCoordinateNamesLineColumnField) {
  std::string t = kGood;
  t.replace(t.find("4.0 5.0"), 3, "4.x");
  const std::string p = write_tmp("bad1.data", t);
  EXPECT_EQ(error_of(p), p + ":19:5: Atoms.x: expected a finite number, got '4.x'");
}

TEST(LammpsData, NaNIsRejected) {
  std::string t = kGood;
  t.replace(t.find("7.5"), 3, "nan");
  const std::string p = write_tmp("bad2.data", t);
  EXPECT_EQ(error_of(p), p + ":20:5: Atoms.x: expected a finite number, got 'nan'");
}

TEST(LammpsData, TruncatedAtomsSection) {
  std::string t = kGood;
  t = t.substr(0, t.find("2 1 7.5"));
  const std::string p = write_tmp("bad3.data", t);
  EXPECT_EQ(error_of(p), p + ":19: Atoms: file ends inside section: expected 3 lines, got 2");
}

TEST(LammpsData, TypeOutOfRange) {
  std::string t = kGood;
  t.replace(t.find("1 1 4.0"), 7, "1 3 4.0");
  const std::string p = write_tmp("bad4.data", t);
  EXPECT_EQ(error_of(p), p + ":19:3: Atoms.type: expected a type in 1..2");
}

TEST(LammpsData, WrongAtomStyleHint) {
  std::string t = kGood;
  t.replace(t.find("# atomic"), 8, "# full");
  const std::string p = write_tmp("bad5.data", t);
  EXPECT_EQ(error_of(p), p + ":16:9: Atoms: atom style 'full' is not supported; expected 'atomic' (id type x y z)");
}

TEST(LammpsData, MissingFile) {
  EXPECT_EQ(error_of("/nonexistent/x.data"), "/nonexistent/x.data: cannot open LAMMPS data file");
}

TEST(LammpsData, SkipsCoeffSectionsWrittenByLammps) {
  // LAMMPS write_data writes "Pair Coeffs" unless given `nocoeff`.
  std::string t = kGood;
  t.replace(t.find("Atoms # atomic"), 0, "Pair Coeffs # eam/fs\n\n1\n2\n\n");
  const auto cfg = gb::read_lammps_data(write_tmp("coeffs.data", t));
  EXPECT_EQ(cfg.size(), 3u);
}

TEST(LammpsData, UnknownSectionIsAnError) {
  std::string t = kGood;
  t.replace(t.find("Atoms # atomic"), 0, "Bonds\n\n1 1 1 2\n\n");
  const std::string p = write_tmp("bad6.data", t);
  EXPECT_EQ(error_of(p), p + ":16:1: section: unsupported section 'Bonds' (expected Masses, Atoms, Velocities or a Coeffs section)");
}
