// EAM readers: tables written from analytic functions come back exactly
// (setfl, eam/fs with asymmetric densities, arbitrary line wrapping), funcfl
// files are resampled the way LAMMPS resamples them, and shipped potentials
// read with the values printed in the files.
#include <gtest/gtest.h>

#include <cmath>

#include "common/eam_test_files.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"

namespace {

using gb::EamPotential;
using gb::EamStyle;

void expect_same_tables(const EamPotential& a, const EamPotential& b) {
  ASSERT_EQ(a.elements, b.elements);
  EXPECT_EQ(a.masses, b.masses);
  EXPECT_EQ(a.atomic_numbers, b.atomic_numbers);
  EXPECT_EQ(a.nrho, b.nrho);
  EXPECT_EQ(a.nr, b.nr);
  EXPECT_EQ(a.drho, b.drho);
  EXPECT_EQ(a.dr, b.dr);
  EXPECT_EQ(a.cutoff, b.cutoff);
  // %.17g text round-trips doubles exactly, so exact equality is expected.
  EXPECT_EQ(a.embedding, b.embedding);
  EXPECT_EQ(a.density_tab, b.density_tab);
  EXPECT_EQ(a.z2r_tab, b.z2r_tab);
}

EamPotential three_element_alloy() {
  return gb::testing::tabulate_eam(
      EamStyle::Setfl, {"Ni", "Al", "H"}, {58.69, 26.98, 1.008}, {28, 13, 1}, 503, 0.01, 707, 5.0 / 706, 5.0,
      [](int e, double rho) { return -(1.0 + e) * std::sqrt(rho) + 0.1 * rho; },
      [](int s, int, double r) { return (1.0 + s) * std::exp(-r) * (5.0 - r); },
      [](int a, int b, double r) { return (1.0 + a + 2 * b) * std::exp(-2 * r) - 0.01 * (5.0 - r); });
}

TEST(EamReader, SetflRoundTripThreeElementsOddWrapping) {
  gb::testing::TempDir dir;
  const EamPotential want = three_element_alloy();
  for (int per_line : {1, 3, 5, 7}) {
    const std::string p = dir.file("NiAlH" + std::to_string(per_line) + ".eam.alloy");
    gb::testing::write_setfl_file(p, want, per_line);
    const EamPotential got = gb::read_eam(p);
    EXPECT_EQ(got.style, EamStyle::Setfl);
    EXPECT_EQ(got.source, p);
    EXPECT_EQ(got.rho_extrapolation_start, (want.nrho - 1) * want.drho);
    expect_same_tables(got, want);
  }
}

TEST(EamReader, FinnisSinclairRoundTripKeepsDensityOrientation) {
  gb::testing::TempDir dir;
  const EamPotential want = gb::testing::asymmetric_fs_potential();
  const std::string p = dir.file("asym.eam.fs");
  gb::testing::write_setfl_file(p, want, 4);
  const EamPotential got = gb::read_eam(p);
  EXPECT_EQ(got.style, EamStyle::FinnisSinclair);
  expect_same_tables(got, want);
  // density(src, dst): the Cu block's Zr column is what a Zr atom receives from Cu.
  const double r = 2.5;
  const int k = static_cast<int>(std::lround(r / got.dr));
  EXPECT_NEAR(got.density(0, 1)[k], 3.0 * std::exp(-1.4 * (k * got.dr - 2.5)) * std::pow((6.0 - k * got.dr) / 6.0, 3),
              1e-12);  // analytic Cu->Zr density of asymmetric_fs_potential(); 1e-12: rounding
  // At r = 2.5 A the exponentials are 1: Cu->Zr is 3x Zr->Cu by construction.
  EXPECT_NEAR(got.density(0, 1)[k] / got.density(1, 0)[k], 3.0 * std::exp(-(1.4 - 0.6) * (k * got.dr - 2.5)),
              1e-12);  // rounding only
}

TEST(EamReader, StyleOverrideReadsFsFileWithOtherName) {
  gb::testing::TempDir dir;
  const std::string p = dir.file("asym.txt");
  gb::testing::write_setfl_file(p, gb::testing::asymmetric_fs_potential());
  EXPECT_EQ(gb::read_eam(p, EamStyle::FinnisSinclair).style, EamStyle::FinnisSinclair);
}

gb::testing::FuncflTables funcfl_tables(int z, double mass, int nrho, double drho, int nr, double dr, double cut,
                                        double scale) {
  gb::testing::FuncflTables t;
  t.atomic_number = z;
  t.mass = mass;
  t.nrho = nrho;
  t.drho = drho;
  t.nr = nr;
  t.dr = dr;
  t.cutoff = cut;
  for (int k = 0; k < nrho; ++k) t.frho.push_back(-scale * std::sqrt(k * drho) + 3.0 * k * drho * k * drho);
  for (int k = 0; k < nr; ++k) {
    const double r = k * dr;
    t.zr.push_back(scale * std::exp(-0.8 * r) * (1 + r));
    t.rhor.push_back(0.02 * scale * std::exp(-r) * r * r);
  }
  return t;
}

TEST(EamReader, FuncflIsResampledLikeLammps) {
  gb::testing::TempDir dir;
  const auto t = funcfl_tables(29, 63.55, 300, 0.001, 400, 0.0125, 4.95, 1.0);
  const std::string p = dir.file("Cu_test.eam");
  gb::testing::write_funcfl_file(p, t, 5);
  const EamPotential got = gb::read_eam(p);
  EXPECT_EQ(got.style, EamStyle::Funcfl);
  ASSERT_EQ(got.elements, std::vector<std::string>{"Cu"});
  EXPECT_EQ(got.masses, std::vector<double>{63.55});
  // LAMMPS keeps int((n-1)*h/h + 0.5) = n-1 knots: the last file value is dropped.
  EXPECT_EQ(got.nrho, 299);
  EXPECT_EQ(got.nr, 399);
  EXPECT_EQ(got.drho, 0.001);
  EXPECT_EQ(got.dr, 0.0125);
  EXPECT_EQ(got.cutoff, 4.95);
  EXPECT_DOUBLE_EQ(got.rho_extrapolation_start, 299 * 0.001);
  // On the file's own grid the Lagrange weights are (0,1,0,0): knots come
  // back to rounding (1e-15 absolute on values of order 1).
  for (int k = 0; k < got.nrho; ++k) EXPECT_NEAR(got.embedding[0][k], t.frho[k], 1e-15) << k;
  for (int k = 0; k < got.nr; ++k) {
    EXPECT_NEAR(got.density(0, 0)[k], t.rhor[k], 1e-15) << k;
    EXPECT_NEAR(got.z2r(0, 0)[k], 27.2 * 0.529 * t.zr[k] * t.zr[k], 1e-13) << k;  // 14.4 * O(1)^2, rounding
  }
}

TEST(EamReader, FuncflMixtureUsesCoarsestGridAndGeometricPairTerm) {
  gb::testing::TempDir dir;
  const auto a = funcfl_tables(29, 63.55, 300, 0.001, 400, 0.0125, 4.95, 1.0);
  const auto b = funcfl_tables(47, 107.87, 250, 0.0015, 500, 0.011, 5.55, 1.7);
  const std::string pa = dir.file("a.eam"), pb = dir.file("b.eam");
  gb::testing::write_funcfl_file(pa, a);
  gb::testing::write_funcfl_file(pb, b, 4);
  const EamPotential m = gb::read_funcfl_mixture({pa, pb, pa});  // repeated file read once
  ASSERT_EQ(m.elements, (std::vector<std::string>{"Cu", "Ag"}));
  EXPECT_EQ(m.drho, 0.0015);
  EXPECT_EQ(m.dr, 0.0125);
  EXPECT_EQ(m.nrho, static_cast<int>(std::max(299 * 0.001, 249 * 0.0015) / 0.0015 + 0.5));
  EXPECT_EQ(m.nr, static_cast<int>(std::max(399 * 0.0125, 499 * 0.011) / 0.0125 + 0.5));
  EXPECT_EQ(m.cutoff, 5.55);
  // Resampled values follow the analytic functions to 4-point Lagrange
  // accuracy (h^4 f''''/24 ~ 1e-9 here; 1e-7 bound) inside each file's range.
  auto z = [](double s, double r) { return s * std::exp(-0.8 * r) * (1 + r); };
  for (int k = 10; k < m.nr; k += 37) {
    const double r = k * m.dr;
    if (r > 4.9) break;
    EXPECT_NEAR(m.z2r(0, 1)[k], 27.2 * 0.529 * z(1.0, r) * z(1.7, r), 1e-7) << r;
    EXPECT_EQ(m.z2r(0, 1), m.z2r(1, 0));
    EXPECT_NEAR(m.density(1, 0)[k], 0.02 * 1.7 * std::exp(-r) * r * r, 1e-7) << r;
    EXPECT_EQ(m.density(1, 0), m.density(1, 1));  // funcfl density depends on the source only
  }
}

TEST(EamReader, ShippedCuZrFileValuesAsPrinted) {
  EamPotential p;
  try {
    p = gb::read_eam("CuZr_mm.eam.fs");
  } catch (const gb::InputError& e) {
    GTEST_SKIP() << "lammps-data potentials not installed: " << e.what();
  }
  ASSERT_EQ(p.elements, (std::vector<std::string>{"Cu", "Zr"}));
  EXPECT_EQ(p.nrho, 10000);
  EXPECT_EQ(p.nr, 10000);
  EXPECT_EQ(p.drho, 3.0e-2);
  EXPECT_EQ(p.dr, 7.6e-4);
  EXPECT_EQ(p.cutoff, 7.6);
  EXPECT_EQ(p.masses[0], 63.546);
  EXPECT_EQ(p.atomic_numbers, (std::vector<int>{29, 40}));
  // First values of the Cu F(rho) table as printed on line 6 of the file.
  EXPECT_EQ(p.embedding[0][0], 0.0);
  EXPECT_EQ(p.embedding[0][1], -1.73205080800000E-0001);
  EXPECT_EQ(p.embedding[0][2], -2.44948974300000E-0001);
}

}  // namespace
