#include "term/match_index.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <random>

#include "term/matcher.h"

namespace tilmash::term {
namespace {

using core::Term;
using core::TermEntry;
using core::TermStatus;

Term t(std::string text, TermStatus s = TermStatus::kPreferred) {
  Term x;
  x.text = std::move(text);
  x.status = s;
  return x;
}

Glossary sample() {
  std::vector<TermEntry> e(4);
  e[0].id = "reeducation-camp";
  e[0].terms["en"] = {t("reeducation camp"), t("re-education camp", TermStatus::kAdmitted)};
  e[0].terms["kk"] = {t("қайта тәрбиелеу лагері")};
  e[0].terms["ru"] = {t("лагерь перевоспитания")};
  e[1].id = "xinjiang";
  e[1].terms["en"] = {t("Xinjiang")};
  e[1].terms["kk"] = {t("Шыңжаң"), t("Шынжаң", TermStatus::kAdmitted)};
  e[1].terms["ru"] = {t("Синьцзян")};
  e[2].id = "oralman";
  e[2].terms["en"] = {t("oralman"), t("oralmen", TermStatus::kAdmitted)};
  e[2].terms["kk"] = {t("оралман"), t("қандас", TermStatus::kAdmitted)};
  e[2].terms["ru"] = {t("оралман")};
  e[3].id = "blank";
  e[3].terms["de"] = {t("—"), t("Umerziehungslager", TermStatus::kForbidden)};
  return *Glossary::create(std::move(e));
}

void expect_same(const std::vector<LookupHit>& a, const std::vector<LookupHit>& b,
                 const std::string& query) {
  ASSERT_EQ(a.size(), b.size()) << query;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].entry, b[i].entry) << query;
    EXPECT_EQ(a[i].lang, b[i].lang) << query;
    EXPECT_EQ(a[i].term, b[i].term) << query;
    EXPECT_EQ(a[i].kind, b[i].kind) << query;
    EXPECT_EQ(a[i].score, b[i].score) << query;
    EXPECT_EQ(a[i].analysis, b[i].analysis) << query;
  }
}

TEST(MatchIndexTest, BuildSkipsWordlessTermsAndSortsBuckets) {
  const MatchIndex ix = MatchIndex::build(sample());
  EXPECT_EQ(ix.entry_count(), 4u);
  EXPECT_EQ(ix.langs(), (std::vector<std::string>{"de", "en", "kk", "ru"}));
  // "—" has no word: 14 terms of 15 are indexed.
  EXPECT_EQ(ix.terms().size(), 14u);
  const auto& first = ix.terms()[0];  // terms follow glossary order: entry 0, "en" first
  EXPECT_EQ(first.entry, 0u);
  EXPECT_EQ(ix.phrase(first), "reeducation camp");
  EXPECT_EQ(ix.key(first, 1), "camp");
  EXPECT_FALSE(ix.bucket(bucket_of(ix.key(first, 0))).empty());
  EXPECT_TRUE(ix.bucket("zzzz").empty());
  EXPECT_EQ(bucket_of("шыңжаң"), "шыңж");
  EXPECT_EQ(bucket_of("ab"), "ab");
}

TEST(MatchIndexTest, RoundTripsThroughBytes) {
  const MatchIndex ix = MatchIndex::build(sample());
  auto back = MatchIndex::deserialize(ix.serialize());
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_TRUE(*back == ix);
  auto empty = MatchIndex::deserialize(MatchIndex().serialize());
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->terms().size(), 0u);
}

TEST(MatchIndexTest, ViewUsesAlignedBytesInPlace) {
  const MatchIndex ix = MatchIndex::build(sample());
  const std::string bytes = ix.serialize();
  // An 8-byte aligned copy held only by the view's keeper.
  auto words = std::make_shared<std::vector<std::uint64_t>>(bytes.size() / 8 + 2);
  std::memcpy(words->data(), bytes.data(), bytes.size());
  const std::string_view aligned(reinterpret_cast<const char*>(words->data()), bytes.size());
  auto view = MatchIndex::view(aligned, words);
  ASSERT_TRUE(view.has_value()) << view.error().message;
  EXPECT_TRUE(*view == ix);
  EXPECT_GE(view->phrase(view->terms()[0]).data(), aligned.data());  // points into the bytes
  EXPECT_LT(view->phrase(view->terms()[0]).data(), aligned.data() + aligned.size());
  words.reset();  // the view keeps the bytes alive
  auto m = Matcher::create(std::move(*view));
  ASSERT_TRUE(m.has_value());
  ASSERT_FALSE(m->lookup("лагерях перевоспитания").empty());
  EXPECT_EQ(m->lookup("лагерях перевоспитания")[0].entry, 0u);
  // Misaligned bytes are refused (a caller then falls back to deserialize, which copies).
  std::string shifted = " " + bytes;
  const std::string_view odd = std::string_view(shifted).substr(1);
  if (reinterpret_cast<std::uintptr_t>(odd.data()) % MatchIndex::kAlignment != 0) {
    EXPECT_FALSE(MatchIndex::view(odd, nullptr).has_value());
  }
  EXPECT_TRUE(MatchIndex::deserialize(odd).has_value());
}

TEST(MatchIndexTest, InvalidUtf8KeyIsAcceptedButMatchesNothing) {
  const MatchIndex ix = MatchIndex::build(sample());
  std::string bytes = ix.serialize();
  // Damage the Russian term "лагерь перевоспитания" in the text pool: its first byte becomes
  // 0xFF, which is never valid UTF-8. The index stays structurally sound.
  const std::string word = "лагерь";
  const std::size_t at = bytes.find(word);
  ASSERT_NE(at, std::string::npos);
  bytes[at] = '\xFF';
  auto damaged = MatchIndex::deserialize(bytes);
  ASSERT_TRUE(damaged.has_value()) << damaged.error().message;
  auto m = Matcher::create(std::move(*damaged));
  ASSERT_TRUE(m.has_value());
  // Snowball and ICU never see the damaged key, and it matches no query.
  for (const LookupHit& h : m->lookup("лагерях перевоспитания")) {
    EXPECT_FALSE(h.entry == 0 && h.lang == "ru" && h.kind != MatchKind::kPartial) << h.term;
  }
  EXPECT_TRUE(m->find_in_text("в лагере перевоспитания", "ru").empty());
}

TEST(MatchIndexTest, RejectsEveryTruncation) {
  const std::string bytes = MatchIndex::build(sample()).serialize();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(MatchIndex::deserialize(std::string_view(bytes).substr(0, n)).has_value()) << n;
  }
  EXPECT_FALSE(MatchIndex::deserialize(bytes + "x").has_value());
}

TEST(MatchIndexTest, DamagedBytesNeverCrashALookup) {
  const std::string bytes = MatchIndex::build(sample()).serialize();
  std::mt19937 rng(5);
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bad = bytes;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      bad[rng() % bad.size()] = static_cast<char>(rng() & 0xFF);
    }
    auto ix = MatchIndex::deserialize(bad);
    if (!ix) continue;
    ++accepted;
    // Whatever passed the checks must be safe to search.
    auto m = Matcher::create(std::move(*ix));
    ASSERT_TRUE(m.has_value());
    for (const char* q : {"лагерлерінде", "oralmans", "Синьцзяне", "reeducaton camp", "camp"}) {
      for (const LookupHit& h : m->lookup(q)) EXPECT_LT(h.entry, m->index().entry_count());
      FindOptions fo;
      fo.typos = true;
      (void)m->find_in_text(q, "kk", fo);
    }
  }
  EXPECT_GT(accepted, 0);  // some flips land in key bytes and stay valid
}

TEST(MatchIndexTest, MatcherFromIndexEqualsMatcherFromGlossary) {
  const Glossary g = sample();
  auto direct = Matcher::create(g);
  auto index = MatchIndex::deserialize(direct->index().serialize());
  ASSERT_TRUE(index.has_value());
  auto cached = Matcher::create(std::move(*index));
  ASSERT_TRUE(direct.has_value() && cached.has_value());
  EXPECT_EQ(cached->glossary().size(), 0u);
  for (const char* q : {"лагерлерінде", "лагерях перевоспитания", "қайта тәрбиелеу лагерінде",
                        "Шыңжаңдағы", "re-education camps", "oralmen", "қандастар", "Xinjang",
                        "Umerziehungslager", "camp", "оралманов"}) {
    expect_same(direct->lookup(q), cached->lookup(q), q);
    LookupOptions kk;
    kk.lang = "kk";
    expect_same(direct->lookup(q, kk), cached->lookup(q, kk), q);
  }
}

}  // namespace
}  // namespace tilmash::term
