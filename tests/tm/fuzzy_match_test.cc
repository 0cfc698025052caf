#include "tm/fuzzy_match.h"

#include <map>
#include <random>
#include <string>
#include <vector>

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
  // In batches: the two certain to be scored at once; with max = 0, all four at once.
  std::vector<std::vector<std::uint64_t>> calls;
  const FetchSegments batch = [&](std::span<const std::uint64_t> ids) {
    calls.emplace_back(ids.begin(), ids.end());
    std::vector<std::optional<TokenizedText>> out;
    for (const std::uint64_t id : ids) out.push_back(tok.analyze(texts[id]));
    return out;
  };
  EXPECT_EQ(rank(q, cands, batch, 50, 2).size(), 2u);
  EXPECT_EQ(calls, (std::vector<std::vector<std::uint64_t>>{{0, 1}}));
  calls.clear();
  EXPECT_EQ(rank(q, cands, batch, 60, 0).size(), 3u);
  EXPECT_EQ(calls, (std::vector<std::vector<std::uint64_t>>{{0, 1, 2, 3}}));
}

// Batched fetching asks for exactly the candidates the one-at-a-time order scores, in that
// order, and ranks them the same, whatever max, threshold and left-out segments.
TEST(FuzzyMatchTest, BatchedFetchScoresTheSameCandidatesAsOneAtATime) {
  const Tokenizer tok = Tokenizer::create().value();
  const std::vector<std::string> words{"open", "the", "file", "File", "close", "a", "window",
                                       "now", "files", "(", ")", "%s", "new", "old"};
  std::mt19937 rng(42);
  const auto sentence = [&] {
    std::string s;
    const std::size_t n = 2 + rng() % 6;
    for (std::size_t i = 0; i < n; ++i) s += (s.empty() ? "" : " ") + words[rng() % words.size()];
    return s;
  };
  std::vector<std::string> texts;
  for (int i = 0; i < 400; ++i) texts.push_back(sentence());
  std::map<std::string, std::uint32_t> ids;
  const auto token_ids = [&](const std::string& text) {
    std::vector<std::uint32_t> out;
    for (const std::string& k : tok.analyze(text).word_keys()) {
      out.push_back(ids.emplace(k, static_cast<std::uint32_t>(ids.size())).first->second);
    }
    return out;
  };
  std::vector<std::vector<std::uint32_t>> segs;
  for (const std::string& t : texts) segs.push_back(token_ids(t));
  std::size_t batched_calls = 0;
  std::size_t batched_ids = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string qtext = sentence();
    const TokenizedText q = tok.analyze(qtext);
    const int min = 40 + static_cast<int>(rng() % 60);
    const std::size_t max = rng() % 4 == 0 ? 0 : 1 + rng() % 6;
    const std::uint32_t skip = rng() % 5;  // ids divisible by skip + 2 are left out
    const std::vector<Candidate> cands = brute_force(segs, token_ids(qtext), min);
    const auto keep = [&](std::uint64_t id) { return id % (skip + 2) != 0; };
    std::vector<std::uint64_t> one_order;
    const FetchSegment one = [&](std::uint64_t id) -> std::optional<TokenizedText> {
      one_order.push_back(id);
      if (!keep(id)) return std::nullopt;
      return tok.analyze(texts[id]);
    };
    std::vector<std::uint64_t> batch_order;
    const FetchSegments batch = [&](std::span<const std::uint64_t> asked) {
      ++batched_calls;
      batched_ids += asked.size();
      std::vector<std::optional<TokenizedText>> out;
      for (const std::uint64_t id : asked) {
        batch_order.push_back(id);
        out.push_back(keep(id) ? std::optional<TokenizedText>(tok.analyze(texts[id])) : std::nullopt);
      }
      return out;
    };
    const auto a = rank(q, cands, one, min, max);
    const auto b = rank(q, cands, batch, min, max);
    ASSERT_EQ(batch_order, one_order) << qtext << " min " << min << " max " << max;
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].id, b[i].id);
      EXPECT_EQ(a[i].score.score, b[i].score.score);
      EXPECT_EQ(a[i].score.base, b[i].score.base);
    }
  }
  EXPECT_LT(batched_calls, batched_ids);  // some batches of several ids
}

}  // namespace
}  // namespace tilmash::tm
