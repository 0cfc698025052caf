// The PostgreSQL TM on a real server: TILMASH_TEST_PG holds a libpq URI (scripts/pg-test-server.sh
// prints one). Without it the server tests skip with a message (with TILMASH_REQUIRE_PG=1, as
// in CI, they fail instead). Each test works in a schema of its own, dropped afterwards. The
// URI and query helpers need no server.
#include "store/postgres_tm.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include "store/postgres_conn.h"

namespace tilmash::store {
namespace {

TEST(PgUri, PasswordNeverShown) {
  EXPECT_EQ(pg::redact_uri("postgresql://ann:s3cret@db.example.org:5433/tm?sslmode=require"),
            "postgresql://ann@db.example.org:5433/tm?sslmode=require");
  EXPECT_EQ(pg::redact_uri("postgres://ann:p%40ss@h1,h2/tm"), "postgres://ann@h1,h2/tm");
  EXPECT_EQ(pg::redact_uri("postgresql:///tm?host=/tmp&password=s3cret&user=ann"),
            "postgresql:///tm?host=/tmp&user=ann");
  EXPECT_EQ(pg::redact_uri("postgresql:///tm?password=x"), "postgresql:///tm");
  EXPECT_EQ(pg::redact_uri("postgresql://ann@h/tm"), "postgresql://ann@h/tm");
  EXPECT_EQ(pg::redact_uri("postgresql://h"), "postgresql://h");
}

TEST(PgConcordanceSyntax, LiteralLexemesAndPhrases) {
  const std::vector<ConcordanceTerm> phrase{{"open", false}, {"fil", true}};
  EXPECT_EQ(pg_phrase_query(phrase), "'open' <-> 'fil':*");
  // FTS5's unicode61 splits at the apostrophe; a quote or backslash stays a literal.
  const std::vector<ConcordanceTerm> apostrophe{{"don't", true}};
  EXPECT_EQ(pg_phrase_query(apostrophe), "'don' <-> 't':*");
  EXPECT_EQ(pg_keys_vector("лагер don't лагер"), "'лагер':1 'don':2 't':3 'лагер':4");
  EXPECT_EQ(pg_keys_vector("a\\b"), "'a':1 'b':2");
  EXPECT_EQ(pg_phrase_query(std::vector<ConcordanceTerm>{{"'", false}}), "");
}

// ---------------------------------------------------------------------------------------------
// With a server

core::TranslationUnit unit(std::string id, std::string en, std::string kk,
                           std::string date = "20240101T000000Z") {
  core::TranslationUnit u;
  u.id = std::move(id);
  core::Variant a;
  a.lang = "en";
  a.text = std::move(en);
  core::Variant b;
  b.lang = "kk";
  b.text = std::move(kk);
  u.variants = {a, b};
  u.creationdate = date;
  u.changedate = date;
  return u;
}

VariantKeys words(std::string_view, std::string_view text) {
  VariantKeys k;
  std::string w;
  for (char c : std::string(text) + " ") {
    if (c == ' ') {
      if (!w.empty()) k.words.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return k;
}

std::string with_param(std::string uri, const std::string& param) {
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + param;
}

class PgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* uri = std::getenv("TILMASH_TEST_PG");
    if (uri == nullptr || *uri == '\0') {
      const char* req = std::getenv("TILMASH_REQUIRE_PG");
      if (req != nullptr && std::string(req) == "1") {
        FAIL() << "TILMASH_REQUIRE_PG=1 but TILMASH_TEST_PG is not set";
      }
      GTEST_SKIP() << "no PostgreSQL server: set TILMASH_TEST_PG to a libpq URI "
                      "(scripts/pg-test-server.sh start prints one)";
    }
    base_ = uri;
    schema_ = "tilmash_t" + std::to_string(::getpid()) + "_"
              + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : schema_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    uri_ = with_param(base_, "options=-csearch_path%3D" + schema_);
  }
  void TearDown() override {
    if (!schema_.empty()) admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  // Runs SQL on a connection of its own (the test's hand on the server).
  std::string admin(const std::string& sql, const std::string& uri = {}) {
    PGconn* c = PQconnectdb((uri.empty() ? base_ : uri).c_str());
    EXPECT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PQclear(PQexec(c, "SET client_min_messages = warning"));
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
        << sql << ": " << PQresultErrorMessage(r);
    std::string out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0
                          ? PQgetvalue(r, 0, 0)
                          : "";
    PQclear(r);
    PQfinish(c);
    return out;
  }
  std::size_t import(PostgresTm& tm, const std::vector<core::TranslationUnit>& units,
                     ImportStats* stats = nullptr) {
    auto imp = tm.begin_import(words, "20250101T000000Z");
    for (const auto& u : units) imp->add(u, Provenance{"doc.tmx", "tmx import"});
    const ImportStats s = imp->commit();
    if (stats != nullptr) *stats = s;
    return s.units_added;
  }
  std::string base_;
  std::string schema_;
  std::string uri_;
};

TEST_F(PgTest, CreatesSchemaImportsAndReadsBack) {
  PostgresTm tm(uri_, OpenMode::kReadWrite);
  EXPECT_EQ(tm.unit_count(), 0u);
  core::TranslationUnit a = unit("t1", "Everyone has the right to life",
                                 "Әркімнің өмір сүруге құқығы бар");
  a.props = {{"x-domain", "law"}};
  a.variants[0].inline_xml = "Everyone <bpt i=\"1\">has</bpt>";
  a.variants[1].notes = {"checked"};
  ImportStats s;
  EXPECT_EQ(import(tm, {a, unit("", "No one shall be held in slavery", "Ешкім құлдықта")}, &s),
            2u);
  EXPECT_EQ(s.units_read, 2u);
  EXPECT_EQ(tm.unit_count(), 2u);
  std::vector<StoredUnit> got;
  tm.for_each_unit([&](const StoredUnit& u) {
    got.push_back(u);
    return true;
  });
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, 1);
  EXPECT_EQ(got[0].unit.id, "t1");
  EXPECT_EQ(got[0].unit.props, a.props);
  EXPECT_EQ(got[0].unit.variants[0].inline_xml, a.variants[0].inline_xml);
  EXPECT_EQ(got[0].unit.variants[1].text, "Әркімнің өмір сүруге құқығы бар");
  EXPECT_EQ(got[0].unit.variants[1].notes, a.variants[1].notes);
  EXPECT_EQ(got[0].provenance.document, "doc.tmx");
  EXPECT_EQ(got[0].variant_ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(got[1].unit.id, "");
  const auto back = tm.unit_of_variant(4);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, 2);
  EXPECT_FALSE(tm.unit_of_variant(99).has_value());
  EXPECT_EQ(tm.integrity_check(), "ok");
  // Read-only opening of the same TM sees it.
  PostgresTm ro(uri_, OpenMode::kReadOnly);
  EXPECT_EQ(ro.unit_count(), 2u);
  EXPECT_THROW(ro.begin_import(words, "20250101T000000Z"), StoreError);
}

TEST_F(PgTest, DuplicatesMergeDatesWithinAndAcrossImports) {
  PostgresTm tm(uri_, OpenMode::kReadWrite);
  ImportStats s;
  import(tm,
         {unit("a", "Free  and equal", "Тең", "20200101T000000Z"),
          unit("b", "Free and equal", "Тең", "20190101T000000Z")},
         &s);
  EXPECT_EQ(s.units_added, 1u);
  EXPECT_EQ(s.units_merged, 1u);
  import(tm, {unit("c", "Free and equal", "Тең", "20230101T000000Z")}, &s);
  EXPECT_EQ(s.units_added, 0u);
  EXPECT_EQ(s.units_merged, 1u);
  ASSERT_EQ(tm.unit_count(), 1u);
  tm.for_each_unit([](const StoredUnit& u) {
    EXPECT_EQ(u.unit.creationdate, "20190101T000000Z");
    EXPECT_EQ(u.unit.changedate, "20230101T000000Z");
    EXPECT_EQ(u.unit.variants[0].text, "Free  and equal");  // stored as first imported
    return true;
  });
}

// Two clients import at once: the second's import waits for the first's write lock (taken
// when an import begins), then merges the unit the first stored.
TEST_F(PgTest, SameUnitFromTwoClientsAtOnceIsStoredOnce) {
  PostgresTm a(uri_, OpenMode::kReadWrite);
  PostgresTm b(uri_, OpenMode::kReadWrite);
  auto ia = a.begin_import(words, "20250101T000000Z");
  ia->add(unit("1", "All human beings are born free", "Барлық адамдар", "20200101T000000Z"),
          Provenance{});
  ImportStats sb;
  std::atomic<bool> b_began{false};
  std::string b_error;
  std::thread other([&] {
    try {
      auto ib = b.begin_import(words, "20250101T000000Z");
      b_began = true;
      ib->add(unit("2", "All human beings are born free", "Барлық адамдар", "20210101T000000Z"),
              Provenance{});
      ib->add(unit("3", "born equal in dignity", "қадір-қасиеті"), Provenance{});
      sb = ib->commit();
    } catch (const std::exception& e) {
      b_error = e.what();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(b_began);  // waits for A's lock
  ia->commit();
  other.join();
  EXPECT_EQ(b_error, "");
  EXPECT_EQ(sb.units_added, 1u);
  EXPECT_EQ(sb.units_merged, 1u);
  EXPECT_EQ(a.unit_count(), 2u);
  // B's token ids: "born" was new to both; B keeps A's id for it, numbers its own after.
  auto en = b.fuzzy_index("en");
  const auto born = en->entry("born");
  ASSERT_TRUE(born.has_value());
  EXPECT_EQ(born->frequency, 2u);
  std::vector<core::Posting> out;
  en->postings_range(born->token, 1, 100, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].length, 4u);  // "born equal in dignity"
  EXPECT_EQ(out[1].length, 6u);
  EXPECT_EQ(en->tokens(out[0].id).size(), 4u);
  EXPECT_EQ(en->tokens(out[0].id)[0], born->token);
  EXPECT_EQ(a.integrity_check(), "ok");
}

TEST_F(PgTest, UncommittedImportLeavesNothing) {
  PostgresTm tm(uri_, OpenMode::kReadWrite);
  {
    auto imp = tm.begin_import(words, "20250101T000000Z");
    imp->add(unit("1", "a b c", "d e f"), Provenance{});
  }
  EXPECT_EQ(tm.unit_count(), 0u);
  EXPECT_FALSE(tm.fuzzy_index("en")->entry("a").has_value());
}

TEST_F(PgTest, FuzzyIndexEntriesPostingsAndSegments) {
  PostgresTm tm(uri_, OpenMode::kReadWrite);
  import(tm, {unit("1", "the cat sat", "мысық отырды"), unit("2", "the dog sat down", "ит")});
  import(tm, {unit("3", "the cat", "мысық")});
  auto en = tm.fuzzy_index("en-GB");
  const std::vector<std::string> keys{"sat", "zebra", "the", "it's \"q\" \\"};
  const auto e = en->entries(keys);
  ASSERT_EQ(e.size(), 4u);
  ASSERT_TRUE(e[0] && e[2]);
  EXPECT_FALSE(e[1] || e[3]);
  EXPECT_EQ(e[0]->token, en->entry("sat")->token);
  EXPECT_EQ(e[0]->frequency, 2u);
  EXPECT_EQ(e[2]->frequency, 3u);
  EXPECT_EQ(en->frequency(e[2]->token), 3u);
  std::vector<core::Posting> out;
  en->postings_range(e[2]->token, 2, 3, out);  // lengths 2 and 3, by length then id
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].length, 2u);
  EXPECT_EQ(out[1].length, 3u);
  EXPECT_EQ(out[1].id, 1u);
  EXPECT_EQ(out[1].signature, core::signature(en->tokens(1)));
  // After entries() the lists of rare tokens come from what it fetched along: the same
  // postings, in the same order, as a fresh index reads from the server, inside and outside
  // the fetched length window.
  for (const auto& [lo, hi] : std::vector<std::pair<std::size_t, std::size_t>>{
           {2, 3}, {1, 8}, {3, 3}, {4, 100}, {0, 65535}}) {
    std::vector<core::Posting> cached;
    std::vector<core::Posting> fresh;
    auto again = tm.fuzzy_index("en");
    again->entries(keys);
    again->postings_range(e[0]->token, lo, hi, cached);
    tm.fuzzy_index("en")->postings_range(e[0]->token, lo, hi, fresh);
    EXPECT_EQ(cached, fresh) << lo << ".." << hi;
  }
  std::size_t segments = 0;
  en->for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> toks) {
    EXPECT_EQ(toks, en->tokens(id));
    ++segments;
  });
  EXPECT_EQ(segments, 3u);
}

// The lookup statements leave ORDER BY out (the client orders their few rows): what a lookup
// reads must not depend on the order the server sends rows in. With index scans off the
// server reads tables in their stored order (the second import's rows after the first's, not
// by key) and joins by hashing; with sequential scans off it reads by the indexes.
TEST_F(PgTest, LookupReadsDoNotDependOnTheServersRowOrder) {
  std::vector<std::string> keys{"the", "cat", "sat", "on", "mat", "a", "dog"};
  {
    PostgresTm tm(uri_, OpenMode::kReadWrite);
    std::vector<core::TranslationUnit> first;
    std::vector<core::TranslationUnit> second;
    for (int i = 0; i < 40; ++i) {
      std::string en = "the";
      for (int w = 0; w <= i % 5; ++w) en += " " + keys[static_cast<std::size_t>((i + w) % 7)];
      core::TranslationUnit u = unit("u" + std::to_string(i), en + " " + std::to_string(i),
                                     "мысық " + std::to_string(i));
      u.variants.push_back(core::Variant{});
      u.variants.back().lang = "ru";
      u.variants.back().text = "кошка " + std::to_string(i);
      (i % 2 == 0 ? first : second).push_back(u);
    }
    import(tm, first);
    import(tm, second);
  }
  PostgresTm by_index(uri_ + "%20-cenable_seqscan%3Doff%20-cenable_bitmapscan%3Doff",
                      OpenMode::kReadOnly);
  PostgresTm by_table(uri_ + "%20-cenable_indexscan%3Doff%20-cenable_bitmapscan%3Doff"
                             "%20-cenable_indexonlyscan%3Doff%20-cenable_mergejoin%3Doff",
                      OpenMode::kReadOnly);
  ASSERT_EQ(admin("SELECT current_setting('enable_indexscan')",
                  uri_ + "%20-cenable_indexscan%3Doff"),
            "off");  // the options reach the server
  struct Read {
    std::vector<std::optional<FuzzyIndex::Entry>> entries;
    std::vector<std::vector<core::Posting>> prefix;
    std::vector<core::Posting> range;
    std::vector<std::vector<std::uint32_t>> toks;
    std::vector<std::optional<StoredUnit>> units;
  };
  const auto read = [&](const PostgresTm& tm) {
    Read r;
    const auto snap = tm.read_snapshot();
    auto en = tm.fuzzy_index("en");
    r.entries = en->entries(keys);
    std::vector<core::PostingRange> ranges;
    for (const auto& e : r.entries) {
      if (e) ranges.push_back(core::PostingRange{e->token, 1, 8});
    }
    en->postings_many(ranges, r.prefix);
    en->postings_range(r.entries[0]->token, 2, 7, r.range);
    const std::vector<std::uint64_t> ids{9, 1, 30, 17};
    en->tokens_many(ids, r.toks);
    r.units = tm.units_of_variants(std::vector<std::int64_t>{30, 9, 1, 17, 9});
    return r;
  };
  const Read a = read(by_index);
  const Read b = read(by_table);
  ASSERT_EQ(a.entries.size(), keys.size());
  ASSERT_EQ(b.entries.size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    ASSERT_TRUE(a.entries[i] && b.entries[i]) << keys[i];
    EXPECT_EQ(a.entries[i]->token, b.entries[i]->token) << keys[i];
    EXPECT_EQ(a.entries[i]->frequency, b.entries[i]->frequency) << keys[i];
  }
  ASSERT_EQ(a.prefix.size(), keys.size());
  EXPECT_GT(a.prefix[0].size(), 20u);
  EXPECT_EQ(a.prefix, b.prefix);
  EXPECT_EQ(a.range, b.range);
  EXPECT_EQ(a.toks, b.toks);
  ASSERT_EQ(a.units.size(), 5u);
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    ASSERT_TRUE(a.units[i] && b.units[i]) << i;
    EXPECT_EQ(a.units[i]->id, b.units[i]->id) << i;
    EXPECT_EQ(a.units[i]->variant_ids, b.units[i]->variant_ids) << i;
    EXPECT_EQ(a.units[i]->unit.variants.size(), 3u) << i;
    EXPECT_EQ(a.units[i]->unit.variants, b.units[i]->unit.variants) << i;
  }
  EXPECT_EQ(a.units[1]->id, a.units[4]->id);  // an id asked twice gets its unit twice
}

// A postings list up to a page is stored in its row, not moved out to the TOAST table (whose
// index descent and chunk reads were a lookup's largest cost after sending the bytes); also in
// a TM made before, where the first import into it sets the table's target.
TEST_F(PgTest, PostingsListsUpToAPageStayInTheirRow) {
  for (const bool made_before : {false, true}) {
    admin("DROP SCHEMA " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    PostgresTm tm(uri_, OpenMode::kReadWrite);
    if (made_before) {
      admin("ALTER TABLE tm_postings RESET (toast_tuple_target)", uri_);
      ASSERT_EQ(admin("SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class "
                      "WHERE oid = 'tm_postings'::regclass",
                      uri_),
                "");
    }
    std::vector<core::TranslationUnit> units;
    for (int i = 0; i < 300; ++i) {
      units.push_back(unit(std::to_string(i), "the cat " + std::to_string(i),
                           "мысық " + std::to_string(i)));
    }
    import(tm, units);
    auto en = tm.fuzzy_index("en");
    const auto the = en->entry("the");
    ASSERT_TRUE(the);
    std::vector<core::Posting> out;
    en->postings_range(the->token, 3, 3, out);
    EXPECT_EQ(out.size(), 300u);
    // The list of "the" in 3-word segments: 300 postings of 12 bytes, over the 2 KiB at which
    // PostgreSQL moves a value out of its row by default.
    EXPECT_GT(std::stoll(admin("SELECT max(octet_length(ids)) FROM tm_postings", uri_)), 3000);
    EXPECT_EQ(admin("SELECT pg_relation_size(reltoastrelid) FROM pg_class "
                    "WHERE oid = 'tm_postings'::regclass",
                    uri_),
              "0")
        << (made_before ? "a TM made before" : "a new TM");
  }
}

TEST_F(PgTest, ConcordancePhrasesPrefixesAndLanguage) {
  PostgresTm tm(uri_, OpenMode::kReadWrite);
  import(tm, {unit("1", "open the file", "файлды ашу"), unit("2", "the file is open", "ашық"),
              unit("3", "open files", "файлдар")});
  EXPECT_FALSE(tm.concordance_current());
  const SearchKeyer keyer = [](std::string_view, std::string_view text) {
    std::string s;
    for (const auto& w : words("", text).words) {
      if (!s.empty()) s += ' ';
      s += w;
    }
    return s;
  };
  EXPECT_EQ(tm.update_concordance(keyer), 6u);
  EXPECT_TRUE(tm.concordance_current());
  EXPECT_EQ(tm.update_concordance(keyer), 0u);
  const std::vector<ConcordanceTerm> open_file{{"open", false}, {"the", false}, {"file", false}};
  EXPECT_EQ(tm.concordance(open_file, "", 10), (std::vector<std::int64_t>{1}));
  const std::vector<ConcordanceTerm> file_prefix{{"file", true}};
  EXPECT_EQ(tm.concordance(file_prefix, "en", 10), (std::vector<std::int64_t>{1, 3, 5}));
  EXPECT_EQ(tm.concordance(file_prefix, "en", 2), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(tm.concordance(file_prefix, "kk", 10), (std::vector<std::int64_t>{}));
  const std::vector<ConcordanceTerm> kk{{"файл", true}};
  EXPECT_EQ(tm.concordance(kk, "kk", 10), (std::vector<std::int64_t>{2, 6}));
}

TEST_F(PgTest, ForeignOrNewerDatabasesAreBadInput) {
  admin("CREATE TABLE " + schema_ + ".other(x int)");
  try {
    PostgresTm tm(uri_, OpenMode::kReadWrite);
    FAIL() << "opened a database that is not a TM";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput) << e.what();
  }
  admin("DROP TABLE " + schema_ + ".other");
  { PostgresTm tm(uri_, OpenMode::kReadWrite); }
  admin("UPDATE " + schema_ + ".tilmash_meta SET value = '99' WHERE key = 'schema_version'");
  try {
    PostgresTm tm(uri_, OpenMode::kReadOnly);
    FAIL() << "opened a newer schema";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput);
    EXPECT_NE(std::string(e.what()).find("newer tilmash"), std::string::npos) << e.what();
  }
}

TEST_F(PgTest, ServerFailuresAreIoErrorsWithoutThePassword) {
  // A refused connection: a port nothing listens on, a password in the URI.
  try {
    PostgresTm tm("postgresql://ann:s3cret@127.0.0.1:1/tm", OpenMode::kReadOnly);
    FAIL() << "connected to nothing";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo);
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
    EXPECT_EQ(e.path(), "postgresql://ann@127.0.0.1:1/tm");
  }
  { PostgresTm tm(uri_, OpenMode::kReadWrite); }
  // A read-only server (or transaction): opening for import is refused.
  try {
    PostgresTm tm(with_param(uri_, "options=-cdefault_transaction_read_only%3Don"),
                  OpenMode::kReadWrite);
    FAIL() << "opened a read-only TM for writing";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
  }
  // The connection dies under a lookup (a server restart looks the same to the client).
  const std::string name = "tilmash_kill_" + std::to_string(::getpid());
  PostgresTm tm(with_param(uri_, "application_name=" + name), OpenMode::kReadOnly);
  EXPECT_EQ(tm.unit_count(), 0u);
  admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + name
        + "'");
  try {
    tm.fuzzy_index("en")->entry("x");
    FAIL() << "a dead connection answered";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo);
    EXPECT_NE(std::string(e.what()).find("connection"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tilmash::store
