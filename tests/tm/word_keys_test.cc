// Tokenizer::for_each_word_key hands a long text to ICU in pieces, cut only after white space
// before a letter or digit. The keys must be those of the whole text analysed at once, for
// texts far longer than a piece, whatever sits around the cuts.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tm/match_percent.h"

namespace tilmash::tm {
namespace {

class WordKeysTest : public ::testing::Test {
 protected:
  std::vector<std::string> whole(std::string_view text) { return tok_.analyze(text).word_keys(); }
  Tokenizer tok_ = Tokenizer::create().value();
};

// Pieces chosen for what could join across a cut: marks and ZWJ after a space, runs of
// spaces, CR LF, numbers with separators, dictionary scripts (Thai, CJK), Kazakh and Greek
// letters, emoji sequences, apostrophes and full stops inside words.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> kFragments = {
      "Адам ", "құқықтары ", "ТУРАЛЫ ", "декларация. ", "the ", "Open ", "files ", "3 ",
      "1,000.5 ", "x86_64 ", "e-mail ", "don't ", "U.S.A. ", "  ", "\t", "\n", "\r\n",
      " \u0301", " \u200D", "\u200D", " \u0483x ", "ภาษาไทย ", "中文文本 ", "日本語 ", "한국어 ",
      "😀 ", "👩‍💻 ", "🇰🇿🇷🇺 ", "Ёлка ", "ΣΊΣΥΦΟΣ ", "Straße ", "Ǆ ", "\u00a0", "\u2009",
      "«цитата» ", "...", "—", "a", "7", "Ж", ":", "'", ".", ",", "_"};
  return kFragments;
}

TEST_F(WordKeysTest, LongTextsGiveTheKeysOfTheWhole) {
  std::uint32_t seed = 11;
  for (int round = 0; round < 6; ++round) {
    std::string text;
    while (text.size() < 300000) {  // several 64 KiB pieces
      seed = seed * 1664525u + 1013904223u;
      text += fragments()[(seed >> 8) % fragments().size()];
    }
    std::vector<std::string> pieced;
    tok_.for_each_word_key(text, [&pieced](std::string_view k) { pieced.emplace_back(k); });
    const std::vector<std::string> expected = whole(text);
    ASSERT_EQ(pieced.size(), expected.size()) << "round " << round;
    EXPECT_TRUE(pieced == expected) << "round " << round;
    EXPECT_EQ(tok_.word_keys(text), expected);
  }
}

// Long texts with no cut point (no white space, or white space before marks only) go whole.
TEST_F(WordKeysTest, TextsWithoutCutPoints) {
  std::string cjk;
  while (cjk.size() < 200000) cjk += "中文文本日本語";
  EXPECT_EQ(tok_.word_keys(cjk), whole(cjk));
  std::string marks;
  while (marks.size() < 200000) marks += "a \u0301b \u0301";
  EXPECT_EQ(tok_.word_keys(marks), whole(marks));
}

}  // namespace
}  // namespace tilmash::tm
