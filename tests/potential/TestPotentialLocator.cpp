// Finding potentials by path or by name ($LAMMPS_POTENTIALS, then
// /usr/share/lammps/potentials), and style detection from the file name.
#include <gtest/gtest.h>

#include <cstdlib>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"

namespace {

TEST(PotentialLocator, PathThenEnvironmentDirectory) {
  gb::testing::TempDir dir;
  const std::string p = dir.write("Mine.eam.fs", "x\n");
  EXPECT_EQ(gb::locate_potential(p), p);
  ::setenv("LAMMPS_POTENTIALS", dir.path().c_str(), 1);
  EXPECT_EQ(gb::locate_potential("Mine.eam.fs"), dir.file("Mine.eam.fs"));
  ::unsetenv("LAMMPS_POTENTIALS");
}

TEST(PotentialLocator, NotFoundListsEveryPlace) {
  gb::testing::TempDir dir;
  ::setenv("LAMMPS_POTENTIALS", dir.path().c_str(), 1);
  try {
    gb::locate_potential("Nothing.eam.fs");
    FAIL() << "no error";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), "potential file 'Nothing.eam.fs' not found; looked at: Nothing.eam.fs; " +
                                         dir.file("Nothing.eam.fs") +
                                         "; /usr/share/lammps/potentials/Nothing.eam.fs"
                                         " (set $LAMMPS_POTENTIALS or give a path)");
  }
  ::unsetenv("LAMMPS_POTENTIALS");
}

TEST(PotentialLocator, StyleFromExtensionAndName) {
  EXPECT_EQ(gb::eam_style_from_extension("a/CuZr_mm.eam.fs"), gb::EamStyle::FinnisSinclair);
  EXPECT_EQ(gb::eam_style_from_extension("AlCu.eam.alloy"), gb::EamStyle::Setfl);
  EXPECT_EQ(gb::eam_style_from_extension("Cu_u3.eam"), gb::EamStyle::Funcfl);
  EXPECT_FALSE(gb::eam_style_from_extension("Cu.meam").has_value());
  EXPECT_EQ(gb::eam_style_from_name("eam/fs"), gb::EamStyle::FinnisSinclair);
  EXPECT_EQ(gb::eam_style_from_name("eam/alloy"), gb::EamStyle::Setfl);
  EXPECT_EQ(gb::eam_style_from_name("eam"), gb::EamStyle::Funcfl);
  EXPECT_THROW(gb::eam_style_from_name("meam"), gb::InputError);
  EXPECT_STREQ(gb::eam_style_name(gb::EamStyle::FinnisSinclair), "eam/fs");
  EXPECT_EQ(gb::element_symbol(40), "Zr");
  EXPECT_EQ(gb::element_symbol(0), "");
}

}  // namespace
