#include "qa/number_check.h"

#include <gtest/gtest.h>

namespace tilmash::qa {
namespace {

TEST(NumberCheckTest, DatesEqualAcrossLanguages) {
  EXPECT_TRUE(compare_numbers("a January 28 gathering", "en", "28 қаңтарда өткен жиын", "kk").empty());
  EXPECT_TRUE(compare_numbers("a January 28 gathering", "en", "встреча 28 января", "ru").empty());
  EXPECT_TRUE(compare_numbers("January 28, 2019", "en", "2019 жылғы 28 қаңтар", "kk").empty());
  EXPECT_TRUE(compare_numbers("on 28 January", "en", "қаңтардың 28-і күні", "kk").empty());
}

TEST(NumberCheckTest, GroupingAndDecimalsPerLanguage) {
  EXPECT_TRUE(compare_numbers("1,500 people and 2.5 percent", "en", "1 500 человек и 2,5 процента", "ru").empty());
  EXPECT_TRUE(compare_numbers("10,000", "en", "10\u00a0000", "ru").empty());
  EXPECT_TRUE(compare_numbers("10,000", "en", "10,000", "kk").empty());
}

TEST(NumberCheckTest, ScaleWordsEqualDigits) {
  EXPECT_TRUE(compare_numbers("about 200,000 people", "en", "около 200 тысяч человек", "ru").empty());
  EXPECT_TRUE(compare_numbers("about 200,000 people", "en", "200 мың адам", "kk").empty());
  EXPECT_TRUE(compare_numbers("1 million", "en", "1 миллион", "ru").empty());
  EXPECT_TRUE(compare_numbers("1 million", "en", "1 млн", "ru").empty());
  EXPECT_TRUE(compare_numbers("1 million", "en", "1 млн", "kk").empty());
  EXPECT_TRUE(compare_numbers("2.5 million", "en", "2,5 млн", "ru").empty());
  EXPECT_TRUE(compare_numbers("5 per cent", "en", "5 пайыз", "kk").empty());
  EXPECT_TRUE(compare_numbers("5%", "en", "5 процентов", "ru").empty());
  // Still a mismatch when the value differs.
  auto d = compare_numbers("about 200,000 people", "en", "около 20 тысяч человек", "ru");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].token.value, "200000");
  EXPECT_EQ(d[1].token.value, "20000");
}

TEST(NumberCheckTest, UnknownLanguagesCompareDigitsOnly) {
  // German is not read for words, so neither side is: 2 = 2, as the text says.
  EXPECT_TRUE(compare_numbers("2 million people", "en", "2 Millionen Menschen", "de").empty());
  EXPECT_TRUE(compare_numbers("2 Millionen, 5 %", "de", "2 millions, 5 %", "fr").empty());
}

TEST(NumberCheckTest, ReportsMissingAndExtra) {
  auto d = compare_numbers("Some 30 Kazakhs on January 28", "en", "Около 40 казахов 28 февраля", "ru");
  ASSERT_EQ(d.size(), 4u);
  EXPECT_TRUE(d[0].in_source);
  EXPECT_EQ(d[0].token.value, "30");
  EXPECT_EQ(d[1].token.value, "month:1");
  EXPECT_FALSE(d[2].in_source);
  EXPECT_EQ(d[2].token.value, "40");
  EXPECT_EQ(d[3].token.value, "month:2");
}

TEST(NumberCheckTest, WordsForgivenNeverReported) {
  EXPECT_TRUE(compare_numbers("an estimated 1 million Muslims", "en", "около миллиона мусульман", "ru").empty());
  EXPECT_TRUE(compare_numbers("Two brothers may return", "en", "2 брата могут вернуться", "ru").empty());
  EXPECT_TRUE(compare_numbers("2 brothers", "en", "екі ағайынды", "kk").empty());
  // A word without a counterpart is wording, not a number to report.
  EXPECT_TRUE(compare_numbers("one of the camps", "en", "лагерьлердің бірі", "kk").empty());
  EXPECT_TRUE(compare_numbers("the camps", "en", "один из лагерей", "ru").empty());
  // But a digit the words do not match is reported.
  auto d = compare_numbers("3 brothers", "en", "два брата", "ru");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].token.value, "3");
}

TEST(NumberCheckTest, ThousandsOfIsNotANumber) {
  auto d = compare_numbers("1,000 people", "en", "мыңдаған адам", "kk");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].token.value, "1000");
  EXPECT_EQ(compare_numbers("1,000 people", "en", "тысячи людей", "ru").size(), 1u);
}

TEST(NumberCheckTest, FiguresCopiedVerbatimAgree) {
  EXPECT_TRUE(compare_numbers("in the range [0,31]", "en", "в диапазоне [0,31]", "ru").empty());
  EXPECT_EQ(compare_numbers("in the range [0,31]", "en", "в диапазоне [0,32]", "ru").size(), 3u);
  // Words must not take the parts first: "two" = «два» and "[2,3]" = «[2,3]».
  EXPECT_TRUE(compare_numbers("Index one must be [2,3] and two less", "en",
                              "Индекс один должен быть [2,3] и на два меньше", "ru").empty());
}

TEST(NumberCheckTest, AmbiguousMonthsAreNotReportedAlone) {
  EXPECT_TRUE(compare_numbers("June", "en", "Маусым", "kk").empty());
  EXPECT_TRUE(compare_numbers("They may go", "en", "Они могут уйти", "ru").empty());
  EXPECT_TRUE(compare_numbers("on June 5", "en", "5 маусымда", "kk").empty());
  EXPECT_EQ(compare_numbers("on May 5", "en", "5 июня", "ru").size(), 2u);
}

TEST(NumberCheckTest, PercentSignAloneIsForgiven) {
  EXPECT_TRUE(compare_numbers("from 5% to 10%", "en", "от 5 до 10%", "ru").empty());
}

TEST(NumberCheckTest, TimesAreComparedOnTheTwentyFourHourClock) {
  EXPECT_TRUE(compare_numbers("at 2:35 pm", "en", "в 14:35", "ru").empty());
  EXPECT_TRUE(compare_numbers("at 2 p.m.", "en", "сағат 14:00-де", "kk").empty());
  EXPECT_TRUE(compare_numbers("at 2 p.m.", "en", "в 14 часов", "ru").empty());
  EXPECT_TRUE(compare_numbers("at 2 p.m.", "en", "в 2 часа дня", "ru").empty());
  EXPECT_TRUE(compare_numbers("at 2:30 pm", "en", "в 14.30", "ru").empty());
  EXPECT_TRUE(compare_numbers("at 9:05", "en", "в 9.05", "ru").empty());
  EXPECT_EQ(compare_numbers("at 2:30 pm", "en", "в 14.20", "ru").size(), 2u);
  EXPECT_TRUE(compare_numbers("at 15:30", "en", "сағат 15\u223630-да", "kk").empty());
  auto d = compare_numbers("at 15:30", "en", "в 16:30", "ru");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(display_number(d[0].token.value), "15:30");
  EXPECT_TRUE(d[0].in_source);
  EXPECT_EQ(display_number(d[1].token.value), "16:30");
  // A time is one value: 2:35 pm is not 2 and 35, and 14:35 is not the hour 14.
  EXPECT_EQ(compare_numbers("at 2:35 pm", "en", "в 2 часа 35 минут", "ru").size(), 3u);
  EXPECT_EQ(compare_numbers("at 2:35 pm", "en", "в 14 часов", "ru").size(), 2u);
}

TEST(NumberCheckTest, FindsTheDateOfAByline) {
  EXPECT_EQ(find_date("By RFE/RL's Kazakh Service January 28, 2019", "en"), "2019-01-28");
  EXPECT_EQ(find_date("Казахская служба Радио Свобода, 28 января 2019 года", "ru"), "2019-01-28");
  EXPECT_EQ(find_date("released on 2020-05-13", "en"), "2020-05-13");
  EXPECT_EQ(find_date("2019 жылғы 28 қаңтар", "kk"), "2019-01-28");
  EXPECT_EQ(find_date("Some 30 Kazakhs", "en"), "");
}

TEST(NumberCheckTest, DisplaysMonthsByName) {
  EXPECT_EQ(display_number("month:1"), "January");
  EXPECT_EQ(display_number("2.5%"), "2.5%");
}

}  // namespace
}  // namespace tilmash::qa
