// tm::search over the index as the store persists it (postings written by imports, with their
// signatures) returns exactly what brute force returns, on 1,500 queries at three thresholds.
// tests/tm checks the search over an in-memory index; this checks what SQLite holds.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "store/tm_store.h"
#include "tm/ngram_index.h"

namespace tilmash {
namespace {

namespace fs = std::filesystem;

// FuzzyIndex as a tm::IndexSource, with nothing remembered between calls.
class Source : public tm::IndexSource {
 public:
  explicit Source(store::TmStore::FuzzyIndex index) : index_(std::move(index)) {}
  std::uint64_t frequency(std::uint32_t t) const override { return index_.frequency(t); }
  void postings_range(std::uint32_t t, std::size_t lo, std::size_t hi,
                      std::vector<core::Posting>& out) const override {
    index_.postings_range(t, lo, hi, out);
  }
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override { return index_.tokens(id); }

 private:
  store::TmStore::FuzzyIndex index_;
};

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
    store::TmStore db(path, store::OpenMode::kReadWrite);
    auto imp = db.begin_import(split, "20250101T000000Z");
    for (std::size_t i = part; i < sentences.size(); i += 2) {
      core::TranslationUnit u;
      u.id = std::to_string(i);
      u.variants = {core::Variant{}, core::Variant{}};
      u.variants[0].lang = "en";
      u.variants[0].text = join(sentences[i]);
      u.variants[1].lang = "kk";
      u.variants[1].text = "k" + std::to_string(i);
      imp.add(u, {});
    }
    imp.commit();
  }
  store::TmStore db(path, store::OpenMode::kReadOnly);
  const store::TmStore::FuzzyIndex en = db.fuzzy_index("en");
  const Source source(en);
  std::vector<std::vector<std::uint32_t>> segs;
  std::vector<std::uint64_t> ids;
  en.for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> toks) {
    ids.push_back(id);
    segs.push_back(std::move(toks));
  });
  ASSERT_GT(segs.size(), 2900u);  // a few repeat and merge
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
    std::vector<std::uint32_t> query;
    for (const std::string& x : q) query.push_back(en.token(x).value_or(tm::kUnknownToken));
    for (int t : {60, 70, 90}) {
      std::vector<tm::Candidate> ref = tm::brute_force(segs, query, t);
      for (tm::Candidate& c : ref) c.id = ids[c.id];
      std::stable_sort(ref.begin(), ref.end(), [](const auto& a, const auto& b) {
        return a.base != b.base ? a.base > b.base : a.id < b.id;
      });
      ASSERT_EQ(tm::search(source, query, t, &stats), ref) << "query " << qi << " at " << t;
      nonempty += ref.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(nonempty, 2000u);            // real matches, not empty sets
  EXPECT_GT(stats.signature_pruned, 0u);  // the stored signatures were used
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tilmash
