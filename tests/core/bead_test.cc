#include "core/bead.h"

#include <gtest/gtest.h>

namespace tilmash::core {
namespace {

TEST(BeadTest, RoundTripsTwoAndThreeSides) {
  for (const char* text : {"0,1:0", "5:", ":3", "0:0,1:0", "2,3:4,5"}) {
    auto bead = parse_bead(text);
    ASSERT_TRUE(bead) << text;
    EXPECT_EQ(format_bead(*bead), text);
  }
}

TEST(BeadTest, ReadsTextBergBrackets) {
  auto bead = parse_bead("[0, 1]:[2]");
  ASSERT_TRUE(bead);
  EXPECT_EQ(bead->sides, (std::vector<std::vector<int>>{{0, 1}, {2}}));
  auto empty = parse_bead("[]:[7]");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->sides[0].empty());
}

TEST(BeadTest, RejectsGarbageWithOffset) {
  auto bead = parse_bead("0,x:1");
  ASSERT_FALSE(bead);
  EXPECT_EQ(bead.error().byte_offset, 2u);
  EXPECT_FALSE(parse_bead("0:1:2", 2));
  EXPECT_FALSE(parse_bead("99999999999:1"));
}

}  // namespace
}  // namespace tilmash::core
