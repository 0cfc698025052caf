#include "qa/number_check.h"

#include <gtest/gtest.h>

namespace tilmash::qa {
namespace {

TEST(NumberCheckTest, DatesEqualAcrossLanguages) {
  EXPECT_TRUE(compare_numbers("a January 28 gathering", "en", "28 қаңтарда өткен жиын", "kk").empty());
  EXPECT_TRUE(compare_numbers("a January 28 gathering", "en", "встреча 28 января", "ru").empty());
  EXPECT_TRUE(compare_numbers("January 28, 2019", "en", "2019 жылғы 28 қаңтар", "kk").empty());
}

TEST(NumberCheckTest, GroupingAndDecimalsPerLanguage) {
  EXPECT_TRUE(compare_numbers("1,500 people and 2.5 percent", "en", "1 500 человек и 2,5 процента", "ru").empty());
  EXPECT_EQ(extract_numbers("10,000", "en")[0].value, "10000");
  EXPECT_EQ(extract_numbers("10\u00a0000", "ru")[0].value, "10000");
}

TEST(NumberCheckTest, ReportsMissingAndExtra) {
  auto d = compare_numbers("Some 30 Kazakhs on January 28", "en", "Около 40 казахов 28 февраля", "ru");
  ASSERT_EQ(d.size(), 4u);
  EXPECT_TRUE(d[0].in_source);
  EXPECT_EQ(d[0].token.value, "30");
  EXPECT_EQ(d[1].token.value, "month:1");
  EXPECT_FALSE(d[2].in_source);
  EXPECT_EQ(d[2].token.value, "40");
}

TEST(NumberCheckTest, WordsAndAmbiguousMonthsForgiven) {
  EXPECT_TRUE(compare_numbers("an estimated 1 million Muslims", "en", "около миллиона мусульман", "ru").empty());
  EXPECT_TRUE(compare_numbers("Two brothers may return", "en", "2 брата могут вернуться", "ru").empty());
  EXPECT_TRUE(extract_numbers("They may go", "en").empty());
  EXPECT_EQ(extract_numbers("on May 5", "en").size(), 2u);
}

TEST(NumberCheckTest, FindsTheDateOfAByline) {
  EXPECT_EQ(find_date("By RFE/RL's Kazakh Service January 28, 2019", "en"), "2019-01-28");
  EXPECT_EQ(find_date("Казахская служба Радио Свобода, 28 января 2019 года", "ru"), "2019-01-28");
  EXPECT_EQ(find_date("released on 2020-05-13", "en"), "2020-05-13");
  EXPECT_EQ(find_date("Some 30 Kazakhs", "en"), "");
}

}  // namespace
}  // namespace tilmash::qa
