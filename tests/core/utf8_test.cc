#include "core/utf8.h"

#include "core/kazakh_letters.h"

#include <string>

#include <gtest/gtest.h>

namespace tilmash::core {
namespace {

TEST(Utf8Test, AcceptsKazakhRussianAndAstral) {
  EXPECT_FALSE(find_invalid_utf8("Қазақстан, Россия, 😀"));
  EXPECT_FALSE(find_invalid_utf8(""));
}

TEST(Utf8Test, FindsFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);           // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);      // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("Қ\xD2"), 2u);              // truncated at the end
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);   // above U+10FFFF
}

TEST(Utf8Test, DecodesAndEncodes) {
  std::string s = "Ғ😀";
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(s, pos), U'Ғ');
  EXPECT_EQ(next_code_point(s, pos), U'😀');
  EXPECT_EQ(pos, s.size());
  std::string out;
  append_utf8(out, U'Ғ');
  append_utf8(out, U'😀');
  EXPECT_EQ(out, s);
  EXPECT_EQ(count_code_points(s), 2u);
}

TEST(Utf8Test, CyrillicLettersAndHyphens) {
  for (char32_t c : {U'а', U'Я', U'ё', U'қ', U'Ұ', U'һ', U'ә', U'Ԥ'}) EXPECT_TRUE(is_cyrillic(c));
  for (char32_t c : {U'a', U'ç', U'ʼ', U'Ա'}) EXPECT_FALSE(is_cyrillic(c));
  // ASCII, typographic, minus, small, fullwidth and soft hyphens join a hyphenated word;
  // dashes of other kinds (⸺, the swung dash ⁓) and the apostrophe do not.
  for (char32_t c : {U'-', U'‐', U'‑', U'–', U'—', U'―', U'−', U'﹣', U'－', U'\u00AD'}) {
    EXPECT_TRUE(is_hyphen(c));
  }
  for (char32_t c : {U'⸺', U'⁓', U'\'', U'_', U'.'}) EXPECT_FALSE(is_hyphen(c));
}

TEST(KazakhLettersTest, KazakhLettersBecomeTheirRussianNeighbours) {
  EXPECT_EQ(kazakh_to_russian_letters("әғқңөұүһі"), "агкноуухи");
  EXPECT_EQ(kazakh_to_russian_letters("құқықтары"), kazakh_to_russian_letters("кұқықтары"));
  // Russian letters, Latin, digits and upper-case Kazakh letters stay as they are.
  EXPECT_EQ(kazakh_to_russian_letters("лагерь Xinjiang 2019 Қ"), "лагерь Xinjiang 2019 Қ");
}

}  // namespace
}  // namespace tilmash::core
