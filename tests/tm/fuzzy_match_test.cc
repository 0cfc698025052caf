#include "tm/fuzzy_match.h"

#include <gtest/gtest.h>

namespace tilmash::tm {
namespace {

TEST(FuzzyMatchTest, RanksByScoreAndStopsEarly) {
  const Tokenizer tok = Tokenizer::create().value();
  const std::vector<std::string> texts{"Open the file", "open the file", "Open the files",
                                       "Open a file now"};
  const TokenizedText q = tok.analyze("Open the file");
  // Bases as search() would give them (best first).
  const std::vector<Candidate> cands{{0, 100, 0}, {1, 100, 0}, {2, 66, 1}, {3, 50, 2}};
  std::vector<std::uint64_t> fetched;
  const FetchSegment fetch = [&](std::uint64_t id) -> std::optional<TokenizedText> {
    fetched.push_back(id);
    return tok.analyze(texts[id]);
  };
  const auto top = rank(q, cands, fetch, 50, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].id, 0u);
  EXPECT_EQ(top[0].score.score, 100);
  EXPECT_EQ(top[1].id, 1u);
  EXPECT_EQ(top[1].score.score, 99);
  EXPECT_EQ(fetched, (std::vector<std::uint64_t>{0, 1}));  // 66 cannot beat 99
  const auto all = rank(q, cands, fetch, 60, 0);
  EXPECT_EQ(all.size(), 3u);
  const FetchSegment none = [](std::uint64_t) { return std::optional<TokenizedText>(); };
  EXPECT_TRUE(rank(q, cands, none, 50, 10).empty());
}

}  // namespace
}  // namespace tilmash::tm
