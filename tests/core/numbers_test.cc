#include "core/numbers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tilmash::core {
namespace {

// The values read from `text`, in order; spelled ones marked with a leading '~'.
std::vector<std::string> values(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const NumberToken& t : read_numbers(text, lang)) out.push_back((t.spelled ? "~" : "") + t.value);
  return out;
}

using V = std::vector<std::string>;

TEST(NumbersTest, DigitsWithEveryGroupingMark) {
  EXPECT_EQ(values("about 200,000 people", "en"), V{"200000"});
  EXPECT_EQ(values("около 200 000 человек", "ru"), V{"200000"});
  EXPECT_EQ(values("около 200\u00a0000 человек", "ru"), V{"200000"});
  EXPECT_EQ(values("200\u2009000 адам", "kk"), V{"200000"});
  EXPECT_EQ(values("200\u202f000 адам", "kk"), V{"200000"});
  EXPECT_EQ(values("200.000 Menschen", "de"), V{"200000"});
  EXPECT_EQ(values("3'000 m", "de"), V{"3000"});
  EXPECT_EQ(values("1,234,567.5", "en"), V{"1234567.5"});
  EXPECT_EQ(values("1.234.567,5", "de"), V{"1234567.5"});
  EXPECT_EQ(values("1 234 567,50", "ru"), V{"1234567.5"});
}

TEST(NumbersTest, DecimalsListsAndDates) {
  EXPECT_EQ(values("2.5 million", "de"), V{"2.5"});  // de: no words
  EXPECT_EQ(values("2,5", "ru"), V{"2.5"});
  EXPECT_EQ(values("0,125", "ru"), V{"0.125"});      // a leading 0 never groups
  EXPECT_EQ(values("28.01.2019", "ru"), (V{"28", "1", "2019"}));
  EXPECT_EQ(values("articles 1,2,3", "en"), (V{"1", "2", "3"}));
  EXPECT_EQ(values("in the range [0,31]", "en"), (V{"0", "31"}));  // no decimal comma in en
  EXPECT_EQ(values("в диапазоне [0,31]", "ru"), V{"0.31"});
  EXPECT_EQ(values("'%1$s' of %.2f, %d", "en"), V{});              // printf conversions
  EXPECT_EQ(values("2019-01-28", "en"), (V{"2019", "1", "28"}));
  EXPECT_EQ(values("in 2019, 300 people", "en"), (V{"2019", "300"}));
  EXPECT_EQ(values("in 2019 150 people", "en"), (V{"2019", "150"}));  // 4 digits never group
  EXPECT_EQ(values("1-бап, 28-і, 1990s", "kk"), (V{"1", "28", "1990"}));
}

TEST(NumbersTest, EnglishScaleWordsAndWords) {
  EXPECT_EQ(values("1 million", "en"), V{"1000000"});
  EXPECT_EQ(values("2.5 million", "en"), V{"2500000"});
  EXPECT_EQ(values("$2.5bn", "en"), V{"2500000000"});
  EXPECT_EQ(values("3 thousand", "en"), V{"3000"});
  EXPECT_EQ(values("a million Uyghurs", "en"), V{"~1000000"});
  EXPECT_EQ(values("two brothers", "en"), V{"~2"});
  EXPECT_EQ(values("Twenty-five years", "en"), V{"~25"});
  EXPECT_EQ(values("two hundred and fifty thousand", "en"), V{"~250000"});
  EXPECT_EQ(values("one of them", "en"), V{"~1"});
  EXPECT_TRUE(values("thousands of people, millions of Muslims", "en").empty());
  EXPECT_TRUE(values("everyone and someone", "en").empty());
  EXPECT_EQ(values("the third and fourth forms", "en"), (V{"~3", "~4"}));
}

TEST(NumbersTest, RussianScaleWordsInEveryCase) {
  EXPECT_EQ(values("около 200 тысяч", "ru"), V{"200000"});
  EXPECT_EQ(values("2 тысячи", "ru"), V{"2000"});
  EXPECT_EQ(values("200 тыс. человек", "ru"), V{"200000"});
  EXPECT_EQ(values("1 миллион", "ru"), V{"1000000"});
  EXPECT_EQ(values("1 млн", "ru"), V{"1000000"});
  EXPECT_EQ(values("2,5 млн", "ru"), V{"2500000"});
  EXPECT_EQ(values("5 миллионов", "ru"), V{"5000000"});
  EXPECT_EQ(values("с 3 миллиардами", "ru"), V{"3000000000"});
  EXPECT_EQ(values("1,5 млрд", "ru"), V{"1500000000"});
  EXPECT_EQ(values("около миллиона мусульман", "ru"), V{"~1000000"});
  EXPECT_EQ(values("тысячу человек", "ru"), V{"~1000"});
  // «тысячи» alone is "thousands" (and the genitive singular): not a number.
  EXPECT_TRUE(values("тысячи людей", "ru").empty());
  EXPECT_TRUE(values("миллионы мусульман, десятки тысяч", "ru").empty());
}

TEST(NumbersTest, RussianNumberWordsInTheirCases) {
  EXPECT_EQ(values("два брата", "ru"), V{"~2"});
  EXPECT_EQ(values("двух братьев", "ru"), V{"~2"});
  EXPECT_EQ(values("с тремя детьми", "ru"), V{"~3"});
  EXPECT_EQ(values("пятерых задержанных", "ru"), V{"~5"});
  EXPECT_EQ(values("двадцати пяти лет", "ru"), V{"~25"});
  EXPECT_EQ(values("двести тысяч", "ru"), V{"~200000"});
  EXPECT_EQ(values("Трёх", "ru"), V{"~3"});  // ё, capital
  EXPECT_EQ(values("во второй форме, в третьей", "ru"), (V{"~2", "~3"}));
  EXPECT_EQ(values("нулевую высоту", "ru"), V{"~0"});
  EXPECT_EQ(values("двухбайтовые, трёхходовое, восьмибитного", "ru"), (V{"~2", "~3", "~8"}));
  EXPECT_TRUE(values("семинар, десятичные", "ru").empty());
  EXPECT_EQ(values("десятичные двухбайтовые единицы", "ru"), V{"~2"});
}

TEST(NumbersTest, KazakhScaleWordsAndWords) {
  EXPECT_EQ(values("200 мың адам", "kk"), V{"200000"});
  EXPECT_EQ(values("200 мыңнан астам", "kk"), V{"200000"});
  EXPECT_EQ(values("1 млн", "kk"), V{"1000000"});
  EXPECT_EQ(values("2,5 миллион", "kk"), V{"2500000"});
  EXPECT_EQ(values("1 миллионға жуық", "kk"), V{"1000000"});
  EXPECT_EQ(values("екі жүз мың", "kk"), V{"~200000"});
  EXPECT_EQ(values("екі ағайынды", "kk"), V{"~2"});
  EXPECT_EQ(values("екеуін", "kk"), V{"~2"});
  EXPECT_EQ(values("үшке", "kk"), V{"~3"});
  EXPECT_EQ(values("екінші бөлімде", "kk"), V{"~2"});
  EXPECT_EQ(values("он бір", "kk"), V{"~11"});
  EXPECT_EQ(values("жиырма бес жыл", "kk"), V{"~25"});
  EXPECT_EQ(values("миллионнан астам", "kk"), V{"~1000000"});
  // «мыңдаған» "thousands of", «ондаған» "tens of", and words that only look like numbers.
  EXPECT_TRUE(values("мыңдаған адам", "kk").empty());
  EXPECT_TRUE(values("миллиондаған", "kk").empty());
  EXPECT_TRUE(values("ондаған адам, онда, ондай, оның, онымен, үшін, алтын, жер жүзі", "kk").empty());
}

TEST(NumbersTest, Percent) {
  EXPECT_EQ(values("5 per cent", "en"), V{"5%"});
  EXPECT_EQ(values("5 percent", "en"), V{"5%"});
  EXPECT_EQ(values("2.5%", "en"), V{"2.5%"});
  EXPECT_EQ(values("3 percentage points", "en"), V{"3%"});
  EXPECT_EQ(values("five percent", "en"), V{"~5%"});
  EXPECT_EQ(values("5 процентов", "ru"), V{"5%"});
  EXPECT_EQ(values("2,5 %", "ru"), V{"2.5%"});
  EXPECT_EQ(values("5 пайыз", "kk"), V{"5%"});
  EXPECT_EQ(values("5 пайызға", "kk"), V{"5%"});
  EXPECT_EQ(values("5%", "de"), V{"5"});  // unknown language: digits only
  EXPECT_TRUE(values("the percentage", "en").empty());
}

TEST(NumbersTest, MonthsInEveryLanguageAndCase) {
  EXPECT_EQ(values("28 January", "en"), (V{"28", "month:1"}));
  EXPECT_EQ(values("Jan. 28", "en"), (V{"month:1", "28"}));
  EXPECT_EQ(values("28 января", "ru"), (V{"28", "month:1"}));
  EXPECT_EQ(values("в январе", "ru"), V{"month:1"});
  EXPECT_EQ(values("28 қаңтар", "kk"), (V{"28", "month:1"}));
  EXPECT_EQ(values("қаңтардың 28-і", "kk"), (V{"month:1", "28"}));
  EXPECT_EQ(values("желтоқсанда", "kk"), V{"month:12"});
  EXPECT_EQ(values("9 мая", "ru"), (V{"9", "month:5"}));
  EXPECT_EQ(values("январские события", "ru"), V{"month:1"});
  EXPECT_EQ(values("Чт 3 мар 2005", "ru"), (V{"3", "month:3", "2005"}));
  EXPECT_EQ(values("Сен-Мартен, Августин", "ru"), V{"~month:9"});  // сен: an abbreviation
  // Ambiguous names are sure only with a number next to them; else they may be words.
  EXPECT_EQ(values("They May March", "en"), (V{"~month:5", "~month:3"}));
  EXPECT_EQ(values("on May 5", "en"), (V{"month:5", "5"}));
  // English month names are capitalised: these are verbs.
  EXPECT_EQ(values("version 3 may fail", "en"), V{"3"});
  EXPECT_EQ(values("-march=armv5", "en"), V{"5"});
  EXPECT_EQ(values("Jan Egeland", "en"), V{"~month:1"});
  EXPECT_EQ(values("Қазан қаласы, жаңа маусым", "kk"), (V{"~month:10", "~month:6"}));
  EXPECT_EQ(values("3 қазан", "kk"), (V{"3", "month:10"}));
  EXPECT_EQ(values("3-қазанда", "kk"), (V{"3", "month:10"}));
  EXPECT_TRUE(values("28 January", "fr").size() == 1);
}

TEST(NumbersTest, TimesOfDayAreOneValueOnTheTwentyFourHourClock) {
  EXPECT_EQ(values("e.g. 15:30, 2:35 pm, 14:15:20, 11:46:30 am, 4 pm", "en"),
            (V{"time:15:30", "time:14:35", "time:14:15:20", "time:11:46:30", "time:16:00"}));
  EXPECT_EQ(values("at 2 p.m. and 12 a.m.", "en"), (V{"time:14:00", "time:00:00"}));
  EXPECT_EQ(values("мысалы, 15\u223630, 14\u223615\u223620", "kk"),
            (V{"time:15:30", "time:14:15:20"}));
  EXPECT_EQ(values("в 9:05 утра", "ru"), V{"time:09:05"});
  // Not times: a ratio, minutes over 59, a 12-hour marker after 13, a value after a key, a word.
  EXPECT_EQ(values("a 2:1 ratio", "en"), (V{"2", "1"}));
  EXPECT_EQ(values("12:75", "en"), (V{"12", "75"}));
  EXPECT_EQ(values("13 pm", "en"), V{"13"});
  EXPECT_EQ(values("calendar:week_start:0", "en"), V{"0"});
  EXPECT_EQ(values("4 pmol", "en"), V{"4"});
  EXPECT_EQ(values("1:22:33:44", "en"), (V{"1", "22", "33", "44"}));
  EXPECT_EQ(values("10:30\u2236", "en"), V{"time:10:30"});  // a separator at the very end
  // Digits only outside en/kk/ru: the pair is compared as digits on both sides.
  EXPECT_EQ(values("um 15:30 Uhr", "de"), (V{"15", "30"}));
}

TEST(NumbersTest, SpansCoverWhatWasRead) {
  const std::string text = "около 2,5 млн. человек и 5 %";
  const auto t = read_numbers(text, "ru");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(text.substr(t[0].span.begin, t[0].span.size()), "2,5 млн.");
  EXPECT_EQ(text.substr(t[1].span.begin, t[1].span.size()), "5 %");
}

TEST(NumbersTest, KnowsItsLanguages) {
  EXPECT_TRUE(reads_number_words("en"));
  EXPECT_TRUE(reads_number_words("kk-Cyrl"));
  EXPECT_TRUE(reads_number_words("ru"));
  EXPECT_FALSE(reads_number_words("de"));
  EXPECT_FALSE(reads_number_words(""));
}

}  // namespace
}  // namespace tilmash::core
