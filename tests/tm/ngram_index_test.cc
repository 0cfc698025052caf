#include "tm/ngram_index.h"

#include <algorithm>
#include <bit>
#include <random>

#include <gtest/gtest.h>

#include "tm/match_percent.h"

namespace tilmash::tm {
namespace {

TEST(NgramIndexTest, CountFilterBound) {
  const CountFilter f = count_filter(10, 70);
  EXPECT_EQ(f.min_len, 7u);
  EXPECT_EQ(f.max_len, 14u);
  EXPECT_EQ(f.min_shared, 7u);
  EXPECT_EQ(f.prefix, 4u);
  EXPECT_EQ(count_filter(1, 70).prefix, 1u);
  EXPECT_EQ(max_distance(10, 14, 70), 4u);  // 100 * 10 / 14 = 71
  EXPECT_EQ(base_percent(10, 14, 4), 71);
  EXPECT_LT(base_percent(10, 15, 5), 70);
}

TEST(NgramIndexTest, FindsTheObviousOnes) {
  MemoryIndex index({{1, 2, 3, 4}, {1, 2, 3, 5}, {6, 7}, {1, 2, 3, 4, 8}});
  const std::vector<std::uint32_t> q{1, 2, 3, 4};
  const auto r = search(index, q, 70);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0], (Candidate{0, 100, 0}));
  EXPECT_EQ(r[1], (Candidate{3, 80, 1}));
  EXPECT_EQ(r[2], (Candidate{1, 75, 1}));
  EXPECT_TRUE(search(index, std::vector<std::uint32_t>{}, 70).empty());
  EXPECT_TRUE(search(index, std::vector<std::uint32_t>{kUnknownToken}, 70).empty());
}

// Zipf-distributed vocabulary, segments of 1–25 words; queries are edited copies of stored
// segments (so many fall in the 60–100 % band) plus random ones. The index must return exactly
// what brute force returns at every threshold tried.
TEST(NgramIndexTest, SameAsBruteForceOnRandomQueries) {
  std::mt19937 rng(42);
  const std::size_t vocab = 400;
  std::vector<double> w(vocab);
  for (std::size_t i = 0; i < vocab; ++i) w[i] = 1.0 / static_cast<double>(i + 1);
  std::discrete_distribution<std::uint32_t> word(w.begin(), w.end());
  std::uniform_int_distribution<int> len(1, 25);
  std::vector<std::vector<std::uint32_t>> segs(1500);
  for (auto& s : segs) {
    s.resize(static_cast<std::size_t>(len(rng)));
    for (auto& t : s) t = word(rng);
  }
  const MemoryIndex index(segs);
  std::size_t nonempty = 0;
  for (int qi = 0; qi < 2000; ++qi) {
    std::vector<std::uint32_t> q;
    if (qi % 4 == 0) {
      q.resize(static_cast<std::size_t>(len(rng)));
      for (auto& t : q) t = word(rng);
    } else {
      q = segs[rng() % segs.size()];
      const int edits = static_cast<int>(rng() % 5);
      for (int e = 0; e < edits; ++e) {
        const std::size_t pos = q.empty() ? 0 : rng() % (q.size() + 1);
        switch (rng() % 3) {
          case 0: q.insert(q.begin() + static_cast<std::ptrdiff_t>(pos), word(rng)); break;
          case 1: if (pos < q.size()) q.erase(q.begin() + static_cast<std::ptrdiff_t>(pos)); break;
          default: if (pos < q.size()) q[pos] = word(rng) + (rng() % 2 ? 0 : 1000); break;
        }
      }
    }
    for (int t : {60, 70, 90}) {
      const auto fast = search(index, q, t);
      const auto ref = brute_force(index.segments(), q, t);
      ASSERT_EQ(fast, ref) << "query " << qi << " threshold " << t;
      if (t == 70 && !ref.empty()) ++nonempty;
    }
  }
  EXPECT_GT(nonempty, 1000u);  // the test exercises real matches, not empty sets
}

// search() may not rely on the order a source gives its lists in: one that returns every
// list shuffled (lengths mixed, ids out of order) must give the brute-force result too. With
// `signatures` false it also drops the signatures (core::kAllBits), as an index that keeps none.
class ShuffledIndex : public IndexSource {
 public:
  ShuffledIndex(const MemoryIndex& inner, bool signatures)
      : inner_(inner), signatures_(signatures) {}
  std::uint64_t frequency(std::uint32_t t) const override { return inner_.frequency(t); }
  void postings_range(std::uint32_t t, std::size_t lo, std::size_t hi,
                      std::vector<core::Posting>& out) const override {
    const std::size_t from = out.size();
    inner_.postings_range(t, lo, hi, out);
    std::shuffle(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(), rng_);
    if (!signatures_) {
      for (std::size_t i = from; i < out.size(); ++i) out[i].signature = core::kAllBits;
    }
  }
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override { return inner_.tokens(id); }

 private:
  const MemoryIndex& inner_;
  bool signatures_;
  mutable std::mt19937 rng_{3};
};

TEST(NgramIndexTest, AnyListOrderGivesTheSameResult) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::uint32_t> word(0, 40);
  std::uniform_int_distribution<int> len(1, 20);
  std::vector<std::vector<std::uint32_t>> segs(800);
  for (auto& s : segs) {
    s.resize(static_cast<std::size_t>(len(rng)));
    for (auto& t : s) t = word(rng) % (1 + word(rng));  // skewed: small ids frequent
  }
  const MemoryIndex index(segs);
  const ShuffledIndex shuffled(index, true);
  const ShuffledIndex unsigned_(index, false);
  for (int qi = 0; qi < 500; ++qi) {
    std::vector<std::uint32_t> q = segs[rng() % segs.size()];
    if (!q.empty() && qi % 2 == 0) q[rng() % q.size()] = word(rng);
    if (qi % 3 == 0) q.push_back(word(rng));
    for (int t : {50, 70, 85}) {
      const auto ref = brute_force(index.segments(), q, t);
      ASSERT_EQ(search(shuffled, q, t), ref) << qi << " " << t;
      ASSERT_EQ(search(unsigned_, q, t), ref) << qi << " " << t;
    }
  }
}

// The signature bound is what makes lookups cheap: over a vocabulary much larger than its 64
// bits it rules out most prefix candidates unread, and the result stays the brute-force one.
TEST(NgramIndexTest, SignaturesRuleOutMostPrefixCandidates) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::uint32_t> rare(100, 5000);
  std::uniform_int_distribution<std::uint32_t> common(0, 20);
  std::vector<std::vector<std::uint32_t>> segs(3000);
  for (auto& s : segs) {
    s.resize(12);
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = i % 2 ? common(rng) : rare(rng);
  }
  const MemoryIndex index(segs);
  const ShuffledIndex unsigned_(index, false);
  SearchStats with{};
  SearchStats without{};
  for (int qi = 0; qi < 200; ++qi) {
    std::vector<std::uint32_t> q = segs[rng() % segs.size()];
    q[rng() % q.size()] = rare(rng);
    const auto ref = brute_force(index.segments(), q, 70);
    ASSERT_FALSE(ref.empty());
    ASSERT_EQ(search(index, q, 70, &with), ref) << qi;
    ASSERT_EQ(search(unsigned_, q, 70, &without), ref) << qi;
  }
  EXPECT_EQ(without.signature_pruned, 0u);
  EXPECT_GT(with.signature_pruned, 0u);
  EXPECT_LT(with.candidates * 4, without.candidates);
  EXPECT_LT(with.verified, without.verified + 1);
}

// A source behind a server pays a round trip per call: search() must read its prefix lists in
// one postings_many() call and the tokens of the segments it verifies in one tokens_many()
// call, never tokens() one by one, each asked once, and find exactly what brute force finds.
class CountingIndex : public IndexSource {
 public:
  explicit CountingIndex(const MemoryIndex& inner) : inner_(inner) {}
  std::uint64_t frequency(std::uint32_t t) const override { return inner_.frequency(t); }
  void postings_range(std::uint32_t t, std::size_t lo, std::size_t hi,
                      std::vector<core::Posting>& out) const override {
    inner_.postings_range(t, lo, hi, out);
  }
  void postings_many(std::span<const core::PostingRange> ranges,
                     std::vector<std::vector<core::Posting>>& out) const override {
    ++list_batches;
    out.assign(ranges.size(), {});
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      inner_.postings_range(ranges[i].token, ranges[i].min_len, ranges[i].max_len, out[i]);
    }
  }
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override {
    ++single;
    return inner_.tokens(id);
  }
  void tokens_many(std::span<const std::uint64_t> ids,
                   std::vector<std::vector<std::uint32_t>>& out) const override {
    ++batches;
    asked.assign(ids.begin(), ids.end());
    out.clear();
    for (const std::uint64_t id : ids) out.push_back(inner_.tokens(id));
  }
  mutable std::size_t list_batches = 0;
  mutable std::size_t single = 0;
  mutable std::size_t batches = 0;
  mutable std::vector<std::uint64_t> asked;

 private:
  const MemoryIndex& inner_;
};

TEST(NgramIndexTest, VerifiedSegmentsAreReadInOneBatch) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::uint32_t> word(0, 60);
  std::vector<std::vector<std::uint32_t>> segs(2000);
  for (auto& s : segs) {
    s.resize(4 + rng() % 10);
    for (auto& w : s) w = word(rng);
  }
  const MemoryIndex index(segs);
  const CountingIndex counting(index);
  std::size_t many = 0;
  for (int qi = 0; qi < 100; ++qi) {
    std::vector<std::uint32_t> q = segs[rng() % segs.size()];
    q[rng() % q.size()] = word(rng);
    counting.batches = 0;
    counting.list_batches = 0;
    counting.asked.clear();
    SearchStats st{};
    const auto found = search(counting, q, 60, &st);
    ASSERT_EQ(found, brute_force(index.segments(), q, 60)) << qi;
    EXPECT_EQ(counting.single, 0u) << qi;
    EXPECT_EQ(counting.list_batches, 1u) << qi;  // the query's words are all in the index
    EXPECT_EQ(counting.batches, st.verified == 0 ? 0u : 1u) << qi;
    EXPECT_EQ(counting.asked.size(), st.verified) << qi;
    std::vector<std::uint64_t> distinct = counting.asked;
    std::sort(distinct.begin(), distinct.end());
    EXPECT_EQ(std::unique(distinct.begin(), distinct.end()), distinct.end()) << qi;
    many += counting.asked.size() > 1 ? 1 : 0;
  }
  EXPECT_GT(many, 50u);  // most queries verify several segments: the batch is not trivial
}

TEST(NgramIndexTest, SignatureHasTheBitsOfItsTokens) {
  const std::vector<std::uint32_t> toks{7, 7, 123456, 0};
  const std::uint64_t sig = core::signature(toks);
  for (std::uint32_t t : toks) EXPECT_NE(sig & core::signature_bit(t), 0u) << t;
  EXPECT_LE(std::popcount(sig), 3);
  EXPECT_EQ(core::signature({}), 0u);
  // Stored in TM files: the bit of a token never changes.
  EXPECT_EQ(core::signature_bit(0), 1u);
  EXPECT_EQ(core::signature_bit(1), std::uint64_t{1} << 39);
}

}  // namespace
}  // namespace tilmash::tm
