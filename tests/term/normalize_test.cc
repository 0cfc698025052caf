#include "term/normalize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace tilmash::term {
namespace {

TEST(NormalizeTest, CaseAndKazakhLetters) {
  EXPECT_EQ(normalize_word("ШЫҢЖАҢ"), "шыңжаң");
  EXPECT_EQ(normalize_word("ҰЙҒЫРЛАР"), "ұйғырлар");
  EXPECT_EQ(normalize_word("ӘӨҮІҚҒҺ"), "әөүіқғһ");
  EXPECT_EQ(normalize_word("АЛМАТЫ"), "алматы");
  EXPECT_EQ(normalize_word("Uyghur"), "uyghur");
  EXPECT_EQ(normalize_word("İstanbul"), "istanbul");
}

TEST(NormalizeTest, YoIsYe) {
  EXPECT_EQ(normalize_word("Баркёль"), "баркель");
  EXPECT_EQ(normalize_word("Жёсткий"), "жесткий");
}

TEST(NormalizeTest, NfdComposes) {
  // й written as и + combining breve.
  EXPECT_EQ(normalize_word("Сауытба\xD0\xB8\xCC\x86"), "сауытбай");
}

TEST(NormalizeTest, LatinLookalikesInCyrillicWords) {
  EXPECT_EQ(normalize_word("бiр"), "бір");              // Latin i
  EXPECT_EQ(normalize_word("Aлмaты"), "алматы");        // Latin A and a
  EXPECT_EQ(normalize_word("лагеpь"), "лагерь");        // Latin p
  EXPECT_EQ(normalize_word("Cинцзян"), "синцзян");      // Latin C
  EXPECT_EQ(normalize_word("camp"), "camp");            // Latin word stays Latin
  EXPECT_EQ(normalize_word("WhatsApp-та"), "whatsappта");
}

TEST(NormalizeTest, HyphensDashesApostrophes) {
  EXPECT_EQ(normalize_word("re-education"), "reeducation");
  EXPECT_EQ(normalize_word("re\u2010education"), "reeducation");
  EXPECT_EQ(normalize_word("Нұр\u2013Сұлтан"), "нұрсұлтан");
  EXPECT_EQ(normalize_word("Xinjiang\u2019s"), "xinjiang's");
  EXPECT_EQ(normalize_phrase("non-governmental organization"), "nongovernmental organization");
}

TEST(NormalizeTest, KazakhKeyDropsSoftSign) {
  EXPECT_EQ(kazakh_key("лагерь"), "лагер");
  EXPECT_EQ(kazakh_key("лагерьлері"), "лагерлері");
}

TEST(TokenizeTest, SpansPointIntoInput) {
  const std::string text = "«Атажұрт» Нұр-Сұлтанда, 2019 (RFE/RL).";
  const auto tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(text.substr(tokens[0].span.begin, tokens[0].span.size()), "Атажұрт");
  EXPECT_EQ(text.substr(tokens[1].span.begin, tokens[1].span.size()), "Нұр-Сұлтанда");
  EXPECT_EQ(tokens[1].key, "нұрсұлтанда");
  EXPECT_EQ(tokens[2].key, "2019");
  EXPECT_EQ(tokens[3].key, "rfe");
  EXPECT_EQ(tokens[4].key, "rl");
}

TEST(TokenizeTest, TrailingHyphenAndQuotesSeparate) {
  const auto tokens = tokenize("camp- 'quoted' x");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].key, "camp");
  EXPECT_EQ(tokens[1].key, "quoted");
}

TEST(TokenizeTest, EmptyAndPunctuation) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" — «» ...").empty());
}

TEST(EditDistanceTest, CodePoints) {
  EXPECT_EQ(edit_distance("kairylman", "kairilman", 2), 1u);
  EXPECT_EQ(edit_distance("оралман", "орламан", 2), 2u);
  EXPECT_EQ(edit_distance("Шыңжаң", "Шынжаң", 1), 1u);
  EXPECT_EQ(edit_distance("abc", "abcdef", 2), 3u);  // stops early: limit + 1
  EXPECT_EQ(edit_distance("", "", 1), 0u);
}

// The full Wagner-Fischer table, as the reference for the banded computation.
std::size_t full_levenshtein(std::u32string_view x, std::u32string_view y) {
  std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
  for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    }
  }
  return d[x.size()][y.size()];
}

TEST(EditDistanceTest, BandedEqualsFullTableCappedAtLimitPlusOne) {
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    // Short words over a 3-letter alphabet (many near misses), some past the 64-cell stack rows.
    const std::size_t long_words = round % 50 == 0 ? 70 : 0;
    std::u32string x;
    std::u32string y;
    for (std::size_t i = rng() % 9 + long_words; i > 0; --i) x.push_back(U'а' + rng() % 3);
    y = x;
    for (int e = static_cast<int>(rng() % 4); e > 0; --e) {
      const std::size_t at = y.empty() ? 0 : rng() % (y.size() + 1);
      switch (rng() % 3) {
        case 0: y.insert(y.begin() + static_cast<std::ptrdiff_t>(at), U'а' + rng() % 3); break;
        case 1: if (at < y.size()) y.erase(at, 1); break;
        default: if (at < y.size()) y[at] = U'а' + rng() % 3; break;
      }
    }
    const std::size_t limit = rng() % 4;
    const std::size_t want = std::min(full_levenshtein(x, y), limit + 1);
    ASSERT_EQ(edit_distance(std::u32string_view(x), std::u32string_view(y), limit), want)
        << round << " limit " << limit;
  }
}

TEST(FunctionWordTest, ClosedClassesPerLanguage) {
  EXPECT_TRUE(is_function_word("the", "en"));
  EXPECT_TRUE(is_function_word("of", "en-GB"));
  EXPECT_FALSE(is_function_word("committee", "en"));
  EXPECT_TRUE(is_function_word("по", "ru"));
  EXPECT_FALSE(is_function_word("комитет", "ru"));
  EXPECT_TRUE(is_function_word("және", "kk"));
  EXPECT_TRUE(is_function_word("жөніндегі", "kk"));
  EXPECT_FALSE(is_function_word("комитеті", "kk"));
  EXPECT_FALSE(is_function_word("по", "kk"));  // each language its own list
}

TEST(KeyboardFoldTest, KazakhLettersMeetTheirRussianLookalikes) {
  EXPECT_EQ(keyboard_fold("кұқықтары"), keyboard_fold("құқықтары"));
  EXPECT_EQ(keyboard_fold("әңгіме"), "ангиме");
  EXPECT_EQ(keyboard_fold("лагерь"), "лагерь");
  EXPECT_NE(keyboard_fold("қазақ"), keyboard_fold("қазан"));
}

}  // namespace
}  // namespace tilmash::term
