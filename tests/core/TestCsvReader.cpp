// The one CSV reader: comments and blank lines skipped, header, one nan rule
// (nan allowed only where the caller allows it; inf never), errors naming
// file:line:column:column-name.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "common/temp_dir.hpp"
#include "core/csv_reader.hpp"
#include "core/error.hpp"

TEST(CsvReader, HeaderRowsAndNanRule) {
  gb::testing::TempDir d;
  const std::string p = d.write("t.csv", "# provenance\n\nt_ps, ratio\n1,0.5\n2, nan\n");
  const gb::CsvDocument c = gb::read_csv(p);
  ASSERT_EQ(c.header, (std::vector<std::string>{"t_ps", "ratio"}));
  ASSERT_EQ(c.rows.size(), 2u);
  EXPECT_EQ(c.row_lines[1], 5);
  EXPECT_TRUE(std::isnan(c.number(1, c.column("ratio"))));
  EXPECT_EQ(c.numbers(0), (std::vector<double>{1, 2}));
  try {
    c.number(1, 1, false);
    FAIL() << "nan accepted where not allowed";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), p + ":5:4: ratio: expected a finite number, got 'nan'");
  }
}

TEST(CsvReader, ErrorsNameTheCell) {
  gb::testing::TempDir d;
  const std::string p = d.write("t.csv", "a,b\n1,inf\n");
  try {
    gb::read_csv(p).numbers(1);
    FAIL() << "inf accepted";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), p + ":2:3: b: expected a finite number or nan, got 'inf'");
  }
  const std::string q = d.write("short.csv", "a,b\n1\n");
  try {
    gb::read_csv(q);
    FAIL() << "short row accepted";
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), q + ":2:1: expected 2 comma-separated values, got 1");
  }
  EXPECT_THROW(gb::read_csv(d.write("empty.csv", "# only a comment\n")), gb::InputError);
  EXPECT_THROW(gb::read_csv(d.file("absent.csv")), gb::InputError);
  try {
    gb::read_csv(p).column("c");
    FAIL();
  } catch (const gb::InputError& e) {
    EXPECT_EQ(std::string(e.what()), p + ": header: no column 'c' (columns: a, b)");
  }
}
