#include "io/json.h"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace tilmash::io {
namespace {

TEST(JsonTest, StringKeepsNonAsciiAsUtf8) {
  EXPECT_EQ(json_string("Қазақ тілі — «Русский»"), "\"Қазақ тілі — «Русский»\"");
  EXPECT_EQ(json_string(""), "\"\"");
}

TEST(JsonTest, StringEscapes) {
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string("жол\nжол\r\tсоңы"), "\"жол\\nжол\\r\\tсоңы\"");
  EXPECT_EQ(json_string("\x1B[0m\x01"), "\"\\u001b[0m\\u0001\"");
  EXPECT_EQ(json_string(std::string("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(json_string("\x7F/"), "\"\x7F/\"");  // DEL and '/' need no escape in JSON
}

TEST(JsonTest, NumberUpToFourDecimals) {
  EXPECT_EQ(json_number(0.5), "0.5");
  EXPECT_EQ(json_number(1.0), "1");
  EXPECT_EQ(json_number(0.8125), "0.8125");
  EXPECT_EQ(json_number(1.0 / 3.0), "0.3333");
  EXPECT_EQ(json_number(0.99999), "1");
  EXPECT_EQ(json_number(-1.25), "-1.25");
  EXPECT_EQ(json_number(120), "120");
  EXPECT_EQ(json_number(0.0), "0");
}

TEST(JsonTest, NumberNeverPrintsMinusZeroOrNonFinite) {
  EXPECT_EQ(json_number(-0.0), "0");
  EXPECT_EQ(json_number(-0.00001), "0");
  EXPECT_EQ(json_number(std::nan("")), "null");
  EXPECT_EQ(json_number(std::numeric_limits<double>::infinity()), "null");
}

}  // namespace
}  // namespace tilmash::io
