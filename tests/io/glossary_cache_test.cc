#include "io/glossary_cache.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "io/errors.h"
#include "io/tbx_reader.h"
#include "term/glossary.h"
#include "term/match_index.h"
#include "term/matcher.h"

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;

const std::string kShipped = std::string(TILMASH_SOURCE_DIR) + "/glossaries/xinjiang.tbx";

// A private folder under the test's temp dir; XDG_CACHE_HOME points there too, so nothing in
// this test can reach the real ~/.cache.
class GlossaryCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tilmash-cache-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    ::setenv("XDG_CACHE_HOME", dir_.c_str(), 1);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

std::vector<SourceStamp> stamps() { return {{"/g/a.tbx", 120, 1'700'000'000'123'456'789}}; }

std::vector<core::TermEntry> sample_entries() {
  core::TermEntry e;
  e.id = "xinjiang";
  e.definition = "region of the PRC";
  e.note = "Шыңжаң in kk";
  core::Term t;
  t.text = "Шыңжаң";
  t.source = "[K1]";
  t.valid_from = "2019-03-20";
  t.unverified = true;
  e.terms["kk"] = {t};
  t = {};
  t.text = "Синьцзян";
  t.status = core::TermStatus::kAdmitted;
  e.terms["ru"] = {t};
  core::TermEntry f;
  f.id = "c2";
  core::Term camp;
  camp.text = "camp";
  f.terms["en"] = {camp};
  return {e, f};
}

TEST_F(GlossaryCacheTest, RoundTripsEntriesAndIndex) {
  const auto entries = sample_entries();
  const std::string bytes = encode_glossary_cache(stamps(), "p1", entries, "INDEX");
  auto c = GlossaryCache::parse(bytes, stamps(), "p1");
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->size(), 2u);
  EXPECT_EQ(c->entry(0), entries[0]);
  EXPECT_EQ(c->entry(1), entries[1]);
  EXPECT_FALSE(c->entry(2).has_value());
  EXPECT_EQ(c->index_bytes(), "INDEX");
}

TEST_F(GlossaryCacheTest, StaleSourcesOrOtherProducerReadAsNoCache) {
  const std::string bytes = encode_glossary_cache(stamps(), "p1", sample_entries(), "");
  auto s = stamps();
  s[0].mtime_ns += 1;
  EXPECT_FALSE(GlossaryCache::parse(bytes, s, "p1").has_value());
  s = stamps();
  s[0].size += 1;
  EXPECT_FALSE(GlossaryCache::parse(bytes, s, "p1").has_value());
  s = stamps();
  s.push_back(s[0]);
  EXPECT_FALSE(GlossaryCache::parse(bytes, s, "p1").has_value());
  EXPECT_FALSE(GlossaryCache::parse(bytes, stamps(), "p2").has_value());
}

TEST_F(GlossaryCacheTest, TruncatedOrDamagedBytesNeverCrash) {
  const std::string bytes = encode_glossary_cache(stamps(), "p1", sample_entries(), "INDEX");
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(GlossaryCache::parse(bytes.substr(0, n), stamps(), "p1").has_value()) << n;
  }
  EXPECT_FALSE(GlossaryCache::parse(bytes + '\0', stamps(), "p1").has_value());
  // Any flipped byte of the header, producer, sources or offset table is caught by the header
  // checks or the checksum; in the entry blob, entry() fails on that entry or decodes other
  // text; in the index bytes parse succeeds (term::MatchIndex checks records on use).
  const auto good = GlossaryCache::parse(bytes, stamps(), "p1");
  ASSERT_TRUE(good.has_value());
  int damaged_entries = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    auto c = GlossaryCache::parse(bad, stamps(), "p1");
    if (i < good->entries_offset()) {
      EXPECT_FALSE(c.has_value()) << i;
    } else if (i >= good->index_offset()) {
      ASSERT_TRUE(c.has_value()) << i;
      EXPECT_NE(c->index_bytes(), good->index_bytes()) << i;
    } else if (c) {  // the blob (the index size and padding after it are rejected)
      EXPECT_FALSE(c->entry(0) == good->entry(0) && c->entry(1) == good->entry(1)) << i;
      damaged_entries += !c->entry(0) || !c->entry(1);
    }
  }
  EXPECT_GT(damaged_entries, 0);
}

// Damage behind a recomputed checksum (a buggy writer): parse and entry() stay in bounds.
TEST_F(GlossaryCacheTest, ConsistentChecksumOverGarbageStaysInBounds) {
  const std::string bytes = encode_glossary_cache(stamps(), "p1", sample_entries(), "INDEX");
  constexpr std::size_t kHeader = 32;
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string bad = bytes;
    for (int f = 0; f < 3; ++f) {
      const std::size_t at = kHeader + rng() % (bad.size() - kHeader);
      bad[at] = static_cast<char>(rng() & 0xFF);
    }
    const std::uint64_t sum = cache_checksum(std::string_view(bad).substr(kHeader));
    std::memcpy(bad.data() + 24, &sum, sizeof sum);
    auto c = GlossaryCache::parse(bad, stamps(), "p1");
    if (!c) continue;
    for (std::size_t i = 0; i <= c->size(); ++i) (void)c->entry(i);
    (void)term::MatchIndex::deserialize(c->index_bytes());
  }
}

TEST_F(GlossaryCacheTest, FilesLiveUnderTheGivenFolder) {
  const auto s = stamps();
  const std::string path = glossary_cache_path((dir_ / "tilmash").string(), s);
  EXPECT_EQ(fs::path(path).parent_path(), dir_ / "tilmash");
  EXPECT_NE(path, glossary_cache_path((dir_ / "tilmash").string(),
                                      std::vector<SourceStamp>{{"/g/b.tbx", 120, 0}}));
  EXPECT_FALSE(read_glossary_cache(path, s, "p1").has_value());  // missing
  ASSERT_TRUE(write_glossary_cache(path, encode_glossary_cache(s, "p1", sample_entries(), "")));
  auto c = read_glossary_cache(path, s, "p1");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->size(), 2u);
  // An unwritable place is not an error, just no cache.
  EXPECT_FALSE(write_glossary_cache("/proc/tilmash-no/glossary-0.cache", "x"));
}

TEST_F(GlossaryCacheTest, StampsAreAbsoluteAndFollowEdits) {
  const fs::path f = dir_ / "g.tbx";
  std::ofstream(f) << "<tbx/>";
  const std::vector<std::string> paths{f.string()};
  const auto a = stamp_sources(paths);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_TRUE(fs::path(a[0].path).is_absolute());
  EXPECT_EQ(a[0].size, 6u);
  std::ofstream(f, std::ios::app) << "\n";
  EXPECT_NE(stamp_sources(paths)[0], a[0]);
  EXPECT_THROW(stamp_sources(std::vector<std::string>{(dir_ / "none.tbx").string()}), IoError);
}

// The cached path must give byte-identical answers: every term of the shipped glossary, and
// a typo of each (last letter dropped, two letters swapped), looked up uncached and cached.
TEST_F(GlossaryCacheTest, CachedLookupEqualsUncachedOnShippedGlossary) {
  auto g = term::Glossary::create(read_tbx(kShipped));
  ASSERT_TRUE(g.has_value());
  auto direct = term::Matcher::create(*g);
  ASSERT_TRUE(direct.has_value());
  const std::vector<std::string> paths{kShipped};
  const auto s = stamp_sources(paths);
  const std::string bytes =
      encode_glossary_cache(s, "p", g->entries(), direct->index().serialize());
  auto c = GlossaryCache::parse(bytes, s, "p");
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->size(), g->size());
  for (std::size_t i = 0; i < g->size(); ++i) EXPECT_EQ(c->entry(i), g->entries()[i]);
  auto index = term::MatchIndex::deserialize(c->index_bytes());
  ASSERT_TRUE(index.has_value());
  auto cached = term::Matcher::create(std::move(*index));
  ASSERT_TRUE(cached.has_value());

  std::vector<std::string> queries;
  for (const core::TermEntry& e : g->entries()) {
    for (const auto& [lang, terms] : e.terms) {
      for (const core::Term& t : terms) {
        queries.push_back(t.text);
        std::u32string u;
        for (std::size_t p = 0; p < t.text.size();) {  // crude UTF-8 split by lead bytes
          std::size_t q = p + 1;
          while (q < t.text.size() && (static_cast<unsigned char>(t.text[q]) & 0xC0) == 0x80) ++q;
          u.push_back(static_cast<char32_t>(p));
          p = q;
        }
        if (u.size() > 4) {
          const std::size_t cut = static_cast<std::size_t>(u.back());
          queries.push_back(t.text.substr(0, cut));            // last letter dropped
          const std::size_t a = u[1], b = u[2], end = u[3];
          queries.push_back(t.text.substr(0, a) + t.text.substr(b, end - b) +
                            t.text.substr(a, b - a) + t.text.substr(end));  // 2nd, 3rd swapped
        }
      }
    }
  }
  for (const char* q : {"лагерлерінде", "лагерях перевоспитания", "Шыңжаңдағы",
                        "re-education camps", "kairilman", "Atajurt", "Uighurs"}) {
    queries.emplace_back(q);
  }
  ASSERT_GT(queries.size(), 100u);
  for (const std::string& q : queries) {
    const auto a = direct->lookup(q);
    const auto b = cached->lookup(q);
    ASSERT_EQ(a.size(), b.size()) << q;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].entry, b[i].entry) << q;
      EXPECT_EQ(a[i].lang, b[i].lang) << q;
      EXPECT_EQ(a[i].term, b[i].term) << q;
      EXPECT_EQ(a[i].kind, b[i].kind) << q;
      EXPECT_EQ(a[i].score, b[i].score) << q;
      EXPECT_EQ(a[i].analysis, b[i].analysis) << q;
    }
  }
}

}  // namespace
}  // namespace tilmash::io
