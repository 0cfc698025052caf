#include "tm/match_percent.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace tilmash::tm {
namespace {

class MatchPercentTest : public ::testing::Test {
 protected:
  MatchScore score(std::string_view q, std::string_view c, std::string_view c_xml = {}) {
    return match_percent(tok_.analyze(q), tok_.analyze(c, c_xml));
  }
  std::vector<std::string> keys(std::string_view text) { return tok_.analyze(text).word_keys(); }
  Tokenizer tok_ = Tokenizer::create().value();
};

TEST_F(MatchPercentTest, TokensAreFoldedAndNumbersAlike) {
  EXPECT_EQ(keys("Open 3 Files."), (std::vector<std::string>{"open", "#", "files"}));
  EXPECT_EQ(keys("Файлды АШУ"), (std::vector<std::string>{"файлды", "ашу"}));
  EXPECT_EQ(keys("Ёлка 2,5 кг"), (std::vector<std::string>{"елка", "#", "кг"}));
  EXPECT_TRUE(keys("").empty());
  EXPECT_TRUE(keys(" ... !").empty());
}

// The import's fast path must index exactly the keys lookups compute: same folding (full
// case folding, ё = е, ß -> ss, final sigma), numbers, scripts, punctuation and white space,
// including words longer than its stack buffer.
TEST_F(MatchPercentTest, FastWordKeysEqualAnalyze) {
  std::vector<std::string> texts{
      "Open 3 Files.", "Файлды АШУ", "Ёлка 2,5 кг, ЁЖ", "Straße STRASSE ΣΊΣΥΦΟΣ", "İstanbul ǅemal",
      "Қазақ тілі: Әлем, Ғалым, Үкімет, Өмір, Ұлт, Һ, І", "mp3 x86_64 e-mail foo@bar.org 1,000.5",
      "日本語のテキスト 中文 한국어", "emoji 😀 test", "\u00a0nbsp\u2009thin", "a\tb\nc",
      "Ünïcödé ÀÉÎÕÜ ǈ ﬁle", std::string(300, 'A') + " " + "Ж" + std::string(200, 'x'),
      ""};
  std::string longword;
  for (int i = 0; i < 150; ++i) longword += "Ё";
  texts.push_back(longword + " " + longword + "ß");
  // Random mixtures of the pieces above, cut at code point boundaries.
  const auto cut = [](const std::string& x, std::size_t n) {
    n = std::min(n, x.size());
    while (n > 0 && n < x.size() && (static_cast<unsigned char>(x[n]) & 0xC0) == 0x80) --n;
    return x.substr(0, n);
  };
  std::uint32_t seed = 7;
  for (int i = 0; i < 300; ++i) {
    std::string t;
    for (int k = 0; k < 6; ++k) {
      seed = seed * 1664525u + 1013904223u;
      t += cut(texts[(seed >> 8) % 14], (seed >> 4) % 48);
      t += (seed & 1) != 0u ? " " : "";
    }
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    EXPECT_EQ(tok_.word_keys(t), keys(t)) << t;
  }
}

TEST_F(MatchPercentTest, ExactIsHundred) {
  EXPECT_EQ(score("Open the file.", "Open the file.").score, 100);
  EXPECT_EQ(score("Файлды ашу", "Файлды  ашу").score, 100);  // white space is not a token
}

TEST_F(MatchPercentTest, WordEditsFollowOmegaTFormula) {
  // OmegaT: 100 * (L - D) / L over tokens; 1 of 4 words replaced -> 75.
  const MatchScore s = score("Open the new file", "Open the old file");
  EXPECT_EQ(s.distance, 1u);
  EXPECT_EQ(s.score, 75);
  ASSERT_EQ(s.differing.size(), 1u);
  EXPECT_EQ(s.differing[0], (core::Span{9, 12}));  // "old"
  // Insertion: L = 5, D = 1 -> 80.
  EXPECT_EQ(score("Save the file now", "Save the whole file now").score, 80);
  // Floor, not round: L = 3, D = 1 -> 66.
  EXPECT_EQ(score("Қазақ тілі пәні", "Қазақ тілі сабағы").score, 66);
  EXPECT_EQ(score("Сохранить файл", "Удалить папку").score, 0);
}

TEST_F(MatchPercentTest, SmallPenalties) {
  // Only a number differs: 100 - 2 (OmegaT's word-only score says 100, its adjusted one 75).
  EXPECT_EQ(score("Page 3 of 10", "Page 4 of 10").score, 98);
  // Only case: 100 - 1.
  EXPECT_EQ(score("open the file", "Open the file").score, 99);
  // Only punctuation: one edit.
  EXPECT_EQ(score("Open the file.", "Open the file?").score, 99);
  EXPECT_EQ(score("Open the file", "Open... the file!!").score, 97);  // capped at 3
  // Tags in the candidate (<ph/> twice) but not the query.
  EXPECT_EQ(score("Click OK", "Click OK", "Click <ph x=\"1\"/>OK<ph x=\"2\"/>").score, 98);
  // Penalties never raise: base bounds score.
  const MatchScore s = score("Page 3 of 10.", "page 4 of 11");
  EXPECT_EQ(s.base, 100);
  EXPECT_EQ(s.score, 100 - 2 - 2 - 1 - 1);
}

TEST_F(MatchPercentTest, WordDistanceBand) {
  const std::vector<std::uint32_t> a{1, 2, 3, 4, 5};
  const std::vector<std::uint32_t> b{1, 9, 3, 4};
  EXPECT_EQ(word_distance(a, b, 5), 2u);
  EXPECT_EQ(word_distance(a, b, 1), 2u);  // over the limit: limit + 1
  EXPECT_EQ(word_distance(a, a, 0), 0u);
  EXPECT_EQ(word_distance({}, b, 10), 4u);
  EXPECT_EQ(base_percent(0, 0, 0), 100);
  EXPECT_EQ(base_percent(10, 7, 3), 70);
}

TEST_F(MatchPercentTest, CountsInlineTags) {
  EXPECT_EQ(count_inline_tags("a <bpt i=\"1\">&lt;b&gt;</bpt>b<ept i=\"1\">x</ept> <ph/>"), 3u);
  EXPECT_EQ(count_inline_tags("<hi>x</hi><sub>y</sub><it pos=\"begin\"/>"), 3u);
  EXPECT_EQ(count_inline_tags("a &lt;b"), 0u);
}

}  // namespace
}  // namespace tilmash::tm
