// tm::search over the index as the store persists it (postings written by imports, with their
// signatures) returns exactly what brute force returns, on 1,500 queries at three thresholds.
// tests/tm checks the search over an in-memory index; this checks what SQLite holds.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <span>
#include <string>

#include <gtest/gtest.h>

#include "app/tm_index.h"
#include "store/sqlite_tm.h"
#include "tm/ngram_index.h"

namespace tilmash {
namespace {

namespace fs = std::filesystem;

std::uint32_t token(const store::FuzzyIndex& index, std::string_view key) {
  const auto e = index.entry(key);
  return e ? e->token : tm::kUnknownToken;
}

store::VariantKeys split(std::string_view, std::string_view text) {
  store::VariantKeys k;
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t to = std::min(text.find(' ', from), text.size());
    if (to > from) k.words.emplace_back(text.substr(from, to - from));
    from = to + 1;
  }
  return k;
}

core::TranslationUnit en_kk(std::string id, std::string en, std::string kk) {
  core::TranslationUnit u;
  u.id = std::move(id);
  u.variants = {core::Variant{}, core::Variant{}};
  u.variants[0].lang = "en";
  u.variants[0].text = std::move(en);
  u.variants[1].lang = "kk";
  u.variants[1].text = std::move(kk);
  return u;
}

// Every stored segment of the index, for brute force (which numbers them from 0).
struct Segments {
  explicit Segments(const store::FuzzyIndex& index) {
    index.for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> toks) {
      ids.push_back(id);
      tokens.push_back(std::move(toks));
    });
  }
  // brute_force's result with the store's segment ids, in search()'s order.
  std::vector<tm::Candidate> reference(std::span<const std::uint32_t> query, int t) const {
    std::vector<tm::Candidate> ref = tm::brute_force(tokens, query, t);
    for (tm::Candidate& c : ref) c.id = ids[c.id];
    std::stable_sort(ref.begin(), ref.end(), [](const auto& a, const auto& b) {
      return a.base != b.base ? a.base > b.base : a.id < b.id;
    });
    return ref;
  }
  std::vector<std::vector<std::uint32_t>> tokens;
  std::vector<std::uint64_t> ids;
};

TEST(IndexSearchTest, PersistedIndexGivesTheBruteForceResult) {
  const fs::path dir =
      fs::temp_directory_path() / ("tilmash_index_search_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "tm.db").string();
  // Zipf-distributed words over a vocabulary far larger than a signature's 64 bits.
  std::mt19937 rng(7);
  std::vector<double> w(3000);
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = 1.0 / static_cast<double>(i + 1);
  std::discrete_distribution<int> word(w.begin(), w.end());
  std::uniform_int_distribution<int> len(1, 22);
  std::vector<std::vector<std::string>> sentences(3000);
  for (auto& s : sentences) {
    s.resize(static_cast<std::size_t>(len(rng)));
    for (auto& x : s) x = "w" + std::to_string(word(rng));
  }
  const auto join = [](const std::vector<std::string>& s) {
    std::string out;
    for (const std::string& x : s) out += (out.empty() ? "" : " ") + x;
    return out;
  };
  for (std::size_t part = 0; part < 2; ++part) {  // two imports: two batches of postings
    store::SqliteTm db(path, store::OpenMode::kReadWrite);
    auto imp = db.begin_import(split, "20250101T000000Z");
    for (std::size_t i = part; i < sentences.size(); i += 2) {
      imp->add(en_kk(std::to_string(i), join(sentences[i]), std::string("k").append(std::to_string(i))), {});
    }
    imp->commit();
  }
  store::SqliteTm db(path, store::OpenMode::kReadOnly);
  const auto index = db.fuzzy_index("en");
  const store::FuzzyIndex& en = *index;
  app::StoreIndex source(db, en);  // the adapter tm lookup uses
  source.sync();
  const Segments segs(en);
  ASSERT_GT(segs.ids.size(), 2900u);  // a few repeat and merge
  std::size_t nonempty = 0;
  tm::SearchStats stats{};
  for (int qi = 0; qi < 1500; ++qi) {
    std::vector<std::string> q = sentences[rng() % sentences.size()];
    const int edits = static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !q.empty(); ++e) {
      const std::size_t pos = rng() % q.size();
      if (rng() % 2 != 0) {
        q.erase(q.begin() + static_cast<std::ptrdiff_t>(pos));
      } else {
        q[pos] = "w" + std::to_string(word(rng));
      }
    }
    const std::vector<std::uint32_t> query = source.ids(q);
    for (int t : {60, 70, 90}) {
      const std::vector<tm::Candidate> ref = segs.reference(query, t);
      ASSERT_EQ(tm::search(source, query, t, &stats), ref) << "query " << qi << " at " << t;
      nonempty += ref.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(nonempty, 2000u);            // real matches, not empty sets
  EXPECT_GT(stats.signature_pruned, 0u);  // the stored signatures were used
  fs::remove_all(dir);
}

// Segments of 65,535 words and more share one index row per token and import, which records
// their lengths: they are found like any other.
TEST(IndexSearchTest, VeryLongSegmentsAreFound) {
  const fs::path dir =
      fs::temp_directory_path() / ("tilmash_index_long_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "tm.db").string();
  const auto text = [](std::size_t n, std::size_t skip_every) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      if (skip_every != 0 && i % skip_every == 0) continue;
      out.append("x").append(std::to_string(i % 1000)).append(" ");
    }
    return out;
  };
  {
    store::SqliteTm db(path, store::OpenMode::kReadWrite);
    auto imp = db.begin_import(split, "20250101T000000Z");
    std::size_t id = 0;
    for (std::size_t n : {65534u, 65535u, 70000u, 90000u}) {
      imp->add(en_kk(std::to_string(++id), text(n, 0), std::string("k").append(std::to_string(n))), {});
    }
    imp->commit();
  }
  store::SqliteTm db(path, store::OpenMode::kReadOnly);
  const auto index = db.fuzzy_index("en");
  const store::FuzzyIndex& en = *index;
  app::StoreIndex source(db, en);  // the adapter tm lookup uses
  source.sync();
  const Segments segs(en);
  ASSERT_EQ(segs.ids.size(), 4u);
  std::vector<core::Posting> range;
  en.postings_range(token(en, "x7"), 65535, 80000, range);
  ASSERT_EQ(range.size(), 2u);  // 65,535 and 70,000 words; not 65,534 or 90,000
  EXPECT_EQ(range[0].length + range[1].length, 65535u + 70000u);
  // 99 %: the verification of 70,000-word candidates stays quick (word_distance is banded).
  for (std::size_t n : {65600u, 70000u}) {
    const std::vector<std::string> words = split("", text(n, 250)).words;
    std::vector<std::uint32_t> query;
    for (const std::string& w : words) query.push_back(token(en, w));
    for (int t : {99}) {
      const std::vector<tm::Candidate> ref = segs.reference(query, t);
      ASSERT_FALSE(ref.empty()) << n << " " << t;
      EXPECT_EQ(tm::search(source, query, t), ref) << n << " " << t;
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tilmash
