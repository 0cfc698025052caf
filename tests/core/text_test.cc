#include "core/text.h"

#include <string>

#include <gtest/gtest.h>

namespace tilmash::core {
namespace {

TEST(TextTest, RemovesBomAndNormalizesLineEnds) {
  auto t = clean_text("\xEF\xBB\xBFone\r\ntwo\rthree\n");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->had_bom);
  EXPECT_EQ(t->text, "one\ntwo\nthree\n");
}

TEST(TextTest, ComposesToNfc) {
  // "й" as и + combining breve, "ё" as е + combining diaeresis.
  auto t = clean_text("\xD0\xB8\xCC\x86 \xD0\xB5\xCC\x88");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->text, "й ё");
}

TEST(TextTest, RejectsNulWithOffset) {
  auto t = clean_text(std::string("ab\0c", 4));
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kControlChar);
  EXPECT_EQ(t.error().byte_offset, 2u);
}

TEST(TextTest, InvalidUtf8OffsetCountsTheBom) {
  auto t = clean_text("\xEF\xBB\xBF" "ab\xC3");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidUtf8);
  EXPECT_EQ(t.error().byte_offset, 5u);
}

TEST(TextTest, Utf16GetsAHint) {
  auto t = clean_text(std::string("\xFF\xFEh\0i\0", 6));
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("UTF-16"), std::string::npos);
}

TEST(TextTest, DropsControlsAndBreaksOnFormFeed) {
  auto t = clean_text("a\x1B[0mb\fc\x7F");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->text, "a[0mb\nc");
  EXPECT_EQ(t->removed_controls, 2u);
}

TEST(TextTest, ParagraphsOnePerLineBlankLinesSkipped) {
  auto p = split_paragraphs("  First\tone.  \n\n\nSecond\u00a0 one.\n   \n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "First one.");
  EXPECT_EQ(p[1], "Second one.");
  EXPECT_TRUE(split_paragraphs("").empty());
}

TEST(TextTest, MixedScriptsKeepEveryKeptCharacterInOrder) {
  // Kept runs of ASCII, Cyrillic and astral text between every kind of control and break.
  auto t = clean_text("Қазақ\r\nтілі\rru\u0085Ж\u2028x\u2029\x01ә😀\u0090\tend\x7F");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->text, "Қазақ\nтілі\nru\nЖ\nx\nә😀\tend");
  EXPECT_EQ(t->removed_controls, 3u);
  // Every space of is_space_cp and LF collapses; Cyrillic and other letters stay.
  EXPECT_EQ(collapse_space("\u00a0Ел\u2009\u3000 жұрт\n\u202fАлматы\u1680x\u205f "),
            "Ел жұрт Алматы x");
  EXPECT_EQ(collapse_space("é\u00a0ё"), "é ё");
}

TEST(TextTest, TimeStampIsDigitsWithAColon) {
  EXPECT_TRUE(is_time_stamp("12.03.2024 21:15"));
  EXPECT_FALSE(is_time_stamp("sic"));
  EXPECT_TRUE(is_time_stamp("21:15"));
  EXPECT_FALSE(is_time_stamp("12"));
  EXPECT_FALSE(is_time_stamp(""));
}

}  // namespace
}  // namespace tilmash::core

namespace tilmash::core {
namespace {

TEST(TextTest, AsciiSlugKeepsLettersAndDigits) {
  EXPECT_EQ(ascii_slug("Xinjiang's camps"), "xinjiang-s-camps");
  EXPECT_EQ(ascii_slug("  RFE/RL  2019 "), "rfe-rl-2019");
  EXPECT_EQ(ascii_slug("Шыңжаң"), "");
  EXPECT_EQ(ascii_slug("Atajurt — Атажұрт"), "atajurt");
}

TEST(TextTest, BracketedSentenceIsOneBracketToItsEnd) {
  EXPECT_TRUE(is_bracketed_sentence("(Кейіпкердің інісінің есімі өзгертілген.)"));
  EXPECT_TRUE(is_bracketed_sentence("[Бейнежазба осы жерде үзіледі.]"));
  EXPECT_TRUE(is_bracketed_sentence("(Кульджа, кит. Инин, — главный город (округа).)"));
  EXPECT_TRUE(is_bracketed_sentence("(See the note below)."));
  EXPECT_TRUE(is_bracketed_sentence("( Mitglieder-Nr. beifügen ! ) …"));
  EXPECT_FALSE(is_bracketed_sentence("(Reuters) - Officials said it was closed."));
  EXPECT_FALSE(is_bracketed_sentence("(a) the first, (b) the second."));
  EXPECT_FALSE(is_bracketed_sentence("The camp (in Kulja) was closed."));
  EXPECT_FALSE(is_bracketed_sentence("(unclosed"));
  EXPECT_FALSE(is_bracketed_sentence(""));
  EXPECT_FALSE(is_bracketed_sentence("..."));
}

}  // namespace
}  // namespace tilmash::core
