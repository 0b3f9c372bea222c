// Numbers in every text input are plain decimal, as LAMMPS's
// utils::numeric accepts: no hex, no inf/nan, no Fortran D exponents, no
// junk, no control characters.
#include <gtest/gtest.h>

#include <limits>

#include "core/text_parse.hpp"
#include "hostile_support.hpp"

TEST(NumberSyntax, AcceptsDecimalForms) {
  for (const char* s : {"0", "-0", "+1", "1.", ".5", "-.5e-3", "1e308", "6.02214076E+23", "007", "1e-400"}) {
    double v = -1;
    EXPECT_TRUE(gb::parse_finite_double(s, v)) << s;
  }
  double v = 0;
  ASSERT_TRUE(gb::parse_finite_double("1e-400", v));  // underflow reads as 0, as strtod/LAMMPS do
  EXPECT_EQ(v, 0.0);
}

TEST(NumberSyntax, RejectsHexInfNanAndJunk) {
  for (const char* s : {"0x1F", "0X1f", "0x1p3", "inf", "-inf", "infinity", "nan", "NAN(123)", "1e309", "-1e309",
                        "1.0D+00", "1.0d0", "1e", "e5", ".", "-", "+", "1e+", "1.2.3", " 1", "1 ", "1,5", "٣"}) {
    double v = 0;
    EXPECT_FALSE(gb::parse_finite_double(s, v)) << s;
  }
}

TEST(NumberSyntax, IntegersAreDecimalAndInRange) {
  long v = 0;
  EXPECT_TRUE(gb::parse_long("-42", v));
  EXPECT_EQ(v, -42);
  for (const char* s : {"0x1F", "1e3", "1.0", "9223372036854775808", "+", "", " 7", "7 "})
    EXPECT_FALSE(gb::parse_long(s, v)) << s;
}

TEST(NumberSyntax, ControlCharacterInALineIsAnErrorWithColumn) {
  const std::string line = std::string("1 2 ") + '\x01' + '\x02' + " 3";
  EXPECT_EQ(gb::testing::input_error_of([&] { gb::LineTokens t("f.txt", 7, line); }),
            "f.txt:7:5: text: control character 0x01 in the line (corrupt or binary file?)");
  const std::string nul = std::string("1 ") + '\0' + " 3";
  EXPECT_EQ(gb::testing::input_error_of([&] { gb::LineTokens t("f.txt", 2, nul); }),
            "f.txt:2:3: text: control character 0x00 in the line (corrupt or binary file?)");
  EXPECT_EQ(gb::testing::input_error_of([&] { gb::LineTokens t("f.txt", 2, "1\t2\r"); }), "<no error>");
}
