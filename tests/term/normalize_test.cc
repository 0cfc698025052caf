#include "term/normalize.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tilmash::term
