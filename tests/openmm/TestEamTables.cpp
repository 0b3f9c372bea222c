// Table layouts handed to OpenMM.
#include <gtest/gtest.h>

#include <cmath>

#include "openmm/eam_hermite_tables.hpp"
#include "openmm/eam_tables.hpp"
#include "potential/eam_reader.hpp"
#include "potential/eam_spline.hpp"

namespace {

TEST(EamTables, HermiteCoefficientsReproduceLammpsInterpolant) {
  const gb::EamPotential pot = gb::read_eam("AlCu.eam.alloy");
  const gb::EamHermiteTables t(pot);
  const int ne = pot.nelements(), seg = t.z2r().segments;
  ASSERT_EQ(seg, pot.nr - 1);
  const double scale = 96.48533212331002 * 0.1;  // eV*A -> kJ/mol*nm
  const gb::EamSpline ref(pot.z2r(0, 1), pot.dr);
  for (double r : {1.7, 2.345, 3.9, 5.5, 6.6}) {
    const double x = r / pot.dr;
    const int k = static_cast<int>(std::floor(x));
    const double u = x - k;
    const int idx = (0 * ne + 1) * seg + k;
    const auto& c = t.z2r().c;
    const double v = c[0][idx] + u * (c[1][idx] + u * (c[2][idx] + u * c[3][idx]));
    // Same cubic, different operation order: ~1e-15 relative.
    EXPECT_NEAR(v / scale, ref.value(r), 1e-12 * (1 + std::fabs(ref.value(r)))) << r;
  }
}

TEST(EamTables, SplineBlocksPaddedAndResampledFromLammpsInterpolant) {
  const gb::EamPotential pot = gb::read_eam("Cu_u3.eam");
  gb::EamTableOptions o;
  o.interpolation = gb::EamInterpolation::NaturalSpline;
  o.upsample = 4;
  const gb::EamTables t(pot, o);
  EXPECT_EQ(t.r_knots(), (pot.nr - 1) * 4 + 1);
  EXPECT_EQ(t.density().values.size(), static_cast<size_t>(t.r_knots() + 2 * gb::EamTables::kPadKnots));
  // Knot j of the table sits at x = start + j*h; every 4th knot is a file knot.
  const auto& d = t.density();
  const int j = 4 * 123;
  EXPECT_DOUBLE_EQ(d.values[gb::EamTables::kPadKnots + j], pot.density(0, 0)[123]);
  // Knots in between are LAMMPS's interpolant.
  const gb::EamSpline s(pot.density(0, 0), 1.0);
  EXPECT_NEAR(d.values[gb::EamTables::kPadKnots + j + 1], s.value(123.25), 1e-15);
}

}  // namespace
