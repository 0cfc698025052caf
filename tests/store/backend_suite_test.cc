// One test suite for every TM backend (issue 18): the SQLite file and the PostgreSQL team TM run
// the same cases through store::open_tm() and the store::TmBackend interface
// (src/store/tm_backend.h): import, deduplication and date merge, the round trip of units,
// unit_of_variant, the fuzzy index (entries, postings, tokens), concordance phrases and
// prefixes, read-only mode, the schema version and errors. Then the lossless proof: on a TM of
// real Debian translations (../shared/bench/debian-po) and 2,000 seeded random queries at 60,
// 70 and 90 %, tm::search + tm::rank through the index give exactly what brute force gives,
// and both backends give the same matches with the same scores.
//
// PostgreSQL: TILMASH_TEST_PG is a libpq URI of a server whose role may CREATE DATABASE
// (scripts/pg-test-server.sh makes one; scripts/test.sh and .ci/run start it). Each case gets
// a fresh database of its own, dropped at its end. Without TILMASH_TEST_PG the PostgreSQL cases
// skip with a message; with TILMASH_REQUIRE_PG=1 (CI) that is a failure instead.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "app/align_tm.h"
#include "app/tm_index.h"
#include "app/tm_read.h"
#include "io/tmx_reader.h"
#include "store/postgres_conn.h"
#include "store/postgres_tm.h"
#include "store/tm_backend.h"
#include "tm/fuzzy_match.h"
#include "tm/match_percent.h"
#include "tm/ngram_index.h"

namespace tilmash {
namespace {

namespace fs = std::filesystem;
using store::OpenMode;
using store::StoreError;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

// ---- PostgreSQL: a fresh database per case ----

// `uri` with its database name replaced by `db` (the path of a postgresql:// URI).
std::string with_dbname(const std::string& uri, const std::string& db) {
  const std::size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  const std::size_t authority = scheme + 3;
  const std::size_t query = std::min(uri.find('?', authority), uri.size());
  const std::size_t slash = uri.find('/', authority);
  if (slash == std::string::npos || slash > query) {
    return uri.substr(0, query) + "/" + db + uri.substr(query);
  }
  return uri.substr(0, slash + 1) + db + uri.substr(query);
}

// Runs one statement on the server of TILMASH_TEST_PG (its own database); "" or the error.
std::string pg_exec(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  std::string err;
  if (PQstatus(c) != CONNECTION_OK) {
    err = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
      err = PQerrorMessage(c);
    }
    PQclear(r);
  }
  PQfinish(c);
  return err;
}

// A TM location for one case: a file in a temporary folder, or a fresh PostgreSQL database.
class Location {
 public:
  Location(const std::string& backend, const std::string& name) : backend_(backend) {
    static std::atomic<int> counter{0};
    // PostgreSQL names are at most 63 bytes: the case's name is cut, pid and counter kept.
    const std::string tag = name.substr(0, 24) + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (backend == "sqlite") {
      dir_ = fs::temp_directory_path() / ("tilmash_suite_" + tag);
      fs::remove_all(dir_);
      fs::create_directories(dir_);
      location_ = (dir_ / "tm.db").string();
    } else {
      base_uri_ = env("TILMASH_TEST_PG");
      db_ = "tilmash_t_" + tag;
      std::transform(db_.begin(), db_.end(), db_.begin(), [](unsigned char ch) {
        return std::isalnum(ch) != 0 ? static_cast<char>(std::tolower(ch)) : '_';
      });
      const std::string err = pg_exec(base_uri_, "CREATE DATABASE " + db_ + " ENCODING 'UTF8' TEMPLATE template0");
      if (!err.empty()) {
        ADD_FAILURE() << "cannot create a database for the test on TILMASH_TEST_PG (its role needs "
                         "CREATEDB; scripts/pg-test-server.sh gives it): "
                      << err;
      }
      location_ = with_dbname(base_uri_, db_);
    }
  }
  ~Location() {
    if (backend_ == "sqlite") {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    } else if (!db_.empty()) {
      pg_exec(base_uri_, "DROP DATABASE IF EXISTS " + db_ + " WITH (FORCE)");
    }
  }
  Location(const Location&) = delete;
  Location& operator=(const Location&) = delete;

  const std::string& str() const { return location_; }
  // Where no TM is: a file that does not exist, a database that does not exist.
  std::string missing() const {
    return backend_ == "sqlite" ? (dir_ / "none.db").string() : with_dbname(base_uri_, db_ + "_none");
  }
  // Makes str() an empty place: an empty file (a fresh database is empty already).
  void make_empty() const {
    if (backend_ == "sqlite") {
      std::FILE* f = std::fopen(location_.c_str(), "w");
      ASSERT_NE(f, nullptr);
      std::fclose(f);
    }
  }
  // Runs SQL on the TM itself (schema-version and damage cases).
  void exec(const std::string& sql) const {
    if (backend_ == "sqlite") {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(location_.c_str(), &db), SQLITE_OK);
      char* msg = nullptr;
      const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
      const std::string err = msg != nullptr ? msg : "";
      sqlite3_free(msg);
      sqlite3_close(db);
      ASSERT_EQ(rc, SQLITE_OK) << err;
    } else {
      ASSERT_EQ(pg_exec(location_, sql), "");
    }
  }
  // The meta table of each backend's schema.
  std::string meta_table() const { return backend_ == "sqlite" ? "meta" : "tilmash_meta"; }

 private:
  std::string backend_;
  fs::path dir_;
  std::string base_uri_;
  std::string db_;
  std::string location_;
};

// ---- values ----

core::Variant var(std::string lang, std::string text) {
  core::Variant v;
  v.lang = std::move(lang);
  v.text = std::move(text);
  return v;
}

core::TranslationUnit unit(std::string id, std::vector<core::Variant> vs, std::string created = "",
                           std::string changed = "") {
  core::TranslationUnit u;
  u.id = std::move(id);
  u.variants = std::move(vs);
  u.creationdate = std::move(created);
  u.changedate = std::move(changed);
  return u;
}

// Fuzzy keys: the words of the text, split at spaces (the index stores what it is given).
store::VariantKeys split_keys(std::string_view, std::string_view text) {
  store::VariantKeys k;
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t to = std::min(text.find(' ', from), text.size());
    if (to > from) k.words.push_back(text.substr(from, to - from));
    from = to + 1;
  }
  return k;
}

// Concordance keys: lower-case ASCII words, the rest as it is.
std::string lower_keys(std::string_view, std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

constexpr const char* kNow = "20260101T120000Z";

std::vector<store::StoredUnit> all_units(const store::TmBackend& tm) {
  std::vector<store::StoredUnit> out;
  tm.for_each_unit([&](const store::StoredUnit& u) {
    out.push_back(u);
    return true;
  });
  return out;
}

// ---- the parameterised suite ----

class BackendSuite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && env("TILMASH_TEST_PG").empty()) {
      if (env("TILMASH_REQUIRE_PG") == "1") {
        FAIL() << "TILMASH_REQUIRE_PG=1 but TILMASH_TEST_PG is not set: the PostgreSQL "
                  "backend must be tested here (scripts/pg-test-server.sh start)";
      }
      GTEST_SKIP() << "no PostgreSQL server: set TILMASH_TEST_PG to a libpq URI "
                      "(scripts/pg-test-server.sh start prints one) to run this case";
    }
    loc_ = std::make_unique<Location>(GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { loc_.reset(); }

  std::unique_ptr<store::TmBackend> open(OpenMode mode = OpenMode::kReadWrite) const {
    return store::open_tm(loc_->str(), mode, 2000);
  }
  // Imports `units` in one transaction.
  store::ImportStats import(store::TmBackend& tm, const std::vector<core::TranslationUnit>& units,
                            const std::string& document = "a.tmx",
                            std::optional<double> confidence = std::nullopt) const {
    auto imp = tm.begin_import(split_keys, kNow);
    for (const auto& u : units) imp->add(u, {document, "tmx import"}, confidence);
    return imp->commit();
  }

  std::unique_ptr<Location> loc_;
};

TEST_P(BackendSuite, ImportedUnitsComeBackAsImported) {
  core::TranslationUnit a = unit("t1", {var("en", "Open the file"), var("kk", "Файлды ашу"),
                                        var("ru", "Открыть файл")},
                                 "20240101T000000Z", "20240301T000000Z");
  a.props = {{"x-domain", "gedit"}, {"x-context", "menu"}};
  a.notes = {"a note", "«нота» ещё"};
  a.attrs = {{"creationid", "aigerim"}, {"usagecount", "3"}};
  a.variants[1].props = {{"x-reviewed", "yes"}};
  a.variants[1].notes = {"тексерілді"};
  a.variants[1].creationdate = "20240102T000000Z";
  a.variants[1].attrs = {{"creationid", "yerlan"}};
  a.variants[0].inline_xml = "Open <ph x=\"1\"/>the file";
  core::TranslationUnit b = unit("t2", {var("en-US", "Save changes?"), var("ru", "Сохранить изменения?")});
  {
    auto tm = open();
    EXPECT_EQ(tm->unit_count(), 0u);
    auto imp = tm->begin_import(split_keys, kNow);
    imp->add(a, {"udhr.tmx", "tmx import"}, 0.87);
    imp->add(b, {"b.xlf", "xliff import"});
    const store::ImportStats s = imp->commit();
    EXPECT_EQ(s.units_read, 2u);
    EXPECT_EQ(s.units_added, 2u);
    EXPECT_EQ(s.units_merged, 0u);
    EXPECT_EQ(s.units_skipped, 0u);
  }
  auto tm = open(OpenMode::kReadOnly);  // a new connection sees the commit
  ASSERT_EQ(tm->unit_count(), 2u);
  const std::vector<store::StoredUnit> got = all_units(*tm);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_LT(got[0].id, got[1].id);  // id order
  core::TranslationUnit want_a = a;
  EXPECT_EQ(got[0].unit, want_a);
  EXPECT_EQ(got[0].provenance.document, "udhr.tmx");
  EXPECT_EQ(got[0].provenance.origin, "tmx import");
  ASSERT_TRUE(got[0].confidence.has_value());
  EXPECT_DOUBLE_EQ(*got[0].confidence, 0.87);
  // b had no dates: stamped with the import's time.
  core::TranslationUnit want_b = b;
  want_b.creationdate = kNow;
  want_b.changedate = kNow;
  EXPECT_EQ(got[1].unit, want_b);
  EXPECT_EQ(got[1].provenance.document, "b.xlf");
  EXPECT_FALSE(got[1].confidence.has_value());
  ASSERT_EQ(got[0].variant_ids.size(), 3u);
  ASSERT_EQ(got[1].variant_ids.size(), 2u);
  std::set<std::int64_t> ids(got[0].variant_ids.begin(), got[0].variant_ids.end());
  ids.insert(got[1].variant_ids.begin(), got[1].variant_ids.end());
  EXPECT_EQ(ids.size(), 5u);  // distinct variant ids
  // for_each_unit stops when asked.
  int seen = 0;
  tm->for_each_unit([&](const store::StoredUnit&) { return ++seen < 1; });
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(tm->integrity_check(), "ok");
}

TEST_P(BackendSuite, DuplicatesMergeTheirDatesAndShortUnitsAreSkipped) {
  auto tm = open();
  const store::ImportStats first = import(
      *tm, {unit("u1", {var("en", "The camps must be closed."), var("kk", "Лагерьлер жабылуы керек.")},
                 "20240201T000000Z", "20240201T000000Z"),
            // The same unit again in the same import: NFD and extra white space normalise away.
            unit("u1b", {var("en", "The  camps must be closed. "),
                         var("kk", "Лагерьлер жабылуы керек.")},
                 "20240101T000000Z", "20240115T000000Z"),
            unit("lonely", {var("en", "Only English"), var("kk", "")}),
            unit("empty", {var("en", "   "), var("kk", "x")})});
  EXPECT_EQ(first.units_read, 4u);
  EXPECT_EQ(first.units_added, 1u);
  EXPECT_EQ(first.units_merged, 1u);
  EXPECT_EQ(first.units_skipped, 2u);
  // A later import: an earlier creation date and a later change date win; case differs -> new.
  const store::ImportStats second = import(
      *tm, {unit("u1c", {var("kk", "Лагерьлер жабылуы керек."), var("en", "The camps must be closed.")},
                 "20231201T000000Z", "20240601T000000Z"),
            unit("u2", {var("en", "the camps must be closed."), var("kk", "Лагерьлер жабылуы керек.")}),
            // Same texts, another language set: another unit.
            unit("u3", {var("en", "The camps must be closed."), var("ru", "Лагеря должны быть закрыты.")})});
  EXPECT_EQ(second.units_added, 2u);
  EXPECT_EQ(second.units_merged, 1u);
  EXPECT_EQ(tm->unit_count(), 3u);
  const auto units = all_units(*tm);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].unit.id, "u1");  // the first stored keeps its tuid and texts
  EXPECT_EQ(units[0].unit.creationdate, "20231201T000000Z");
  EXPECT_EQ(units[0].unit.changedate, "20240601T000000Z");
  EXPECT_EQ(units[1].unit.id, "u2");
  EXPECT_EQ(units[2].unit.id, "u3");
  // NFC: a decomposed й (и + U+0306) is the same text as the composed one.
  const store::ImportStats nfd =
      import(*tm, {unit("n1", {var("en", "key"), var("kk", "\xd0\xb8\xcc\x86")}),
                   unit("n2", {var("en", "key"), var("kk", "\xd0\xb9")})});
  EXPECT_EQ(nfd.units_added, 1u);
  EXPECT_EQ(nfd.units_merged, 1u);
}

TEST_P(BackendSuite, AnUncommittedImportLeavesNothing) {
  auto tm = open();
  import(*tm, {unit("a", {var("en", "one"), var("kk", "бір")})});
  {
    auto imp = tm->begin_import(split_keys, kNow);
    imp->add(unit("b", {var("en", "two"), var("kk", "екі")}), {});
    EXPECT_EQ(imp->stats().units_read, 1u);
    // Another client reads on while the import runs, and sees none of it.
    auto reader = open(OpenMode::kReadOnly);
    EXPECT_EQ(reader->unit_count(), 1u);
    EXPECT_FALSE(reader->fuzzy_index("en")->entry("two").has_value());
  }  // destroyed without commit: rolled back
  EXPECT_EQ(tm->unit_count(), 1u);
  auto again = open(OpenMode::kReadOnly);
  EXPECT_EQ(again->unit_count(), 1u);
  // The backend still imports afterwards.
  import(*tm, {unit("c", {var("en", "three"), var("kk", "үш")})});
  EXPECT_EQ(tm->unit_count(), 2u);
}

// Imports run one after another (each holds the TM's write lock from its start). A second
// import without a waiting hook gives up after its busy timeout with a clear kIo error; with
// one, it is told what it waits for and waits, beyond its busy timeout, until the first ends,
// then merges the unit the first stored.
TEST_P(BackendSuite, AnImportWaitsForAnotherImportToEnd) {
  auto a = open();
  auto ia = a->begin_import(split_keys, kNow);
  ia->add(unit("1", {var("en", "born free and equal"), var("kk", "еркін және тең")},
               "20200101T000000Z"),
          {"a.tmx", "tmx import"});
  {
    auto b = store::open_tm(loc_->str(), OpenMode::kReadWrite, 100);
    try {
      b->begin_import(split_keys, kNow);
      ADD_FAILURE() << "a second import began while the first ran";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
    }
  }
  std::atomic<int> told{0};
  std::atomic<bool> done{false};
  std::string why;
  std::string error;
  store::ImportStats sb;
  std::thread other([&] {
    try {
      auto b = store::open_tm(loc_->str(), OpenMode::kReadWrite, 100);
      auto ib = b->begin_import(split_keys, kNow, [&](const std::string& w) {
        why = w;
        ++told;
      });
      ib->add(unit("2", {var("en", "born free and equal"), var("kk", "еркін және тең")},
                   "20190101T000000Z"),
              {"b.tmx", "tmx import"});
      ib->add(unit("3", {var("en", "in dignity"), var("kk", "қадір-қасиеті")}), {"b.tmx", "tmx import"});
      sb = ib->commit();
    } catch (const std::exception& e) {
      error = e.what();
    }
    done = true;
  });
  for (int i = 0; i < 400 && told == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  EXPECT_EQ(told, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(600));  // six busy timeouts
  EXPECT_FALSE(done) << error;
  ia->commit();
  other.join();
  EXPECT_EQ(error, "");
  EXPECT_NE(why.find("waiting"), std::string::npos) << why;
  EXPECT_EQ(sb.units_added, 1u);
  EXPECT_EQ(sb.units_merged, 1u);
  EXPECT_EQ(a->unit_count(), 2u);
  EXPECT_EQ(all_units(*a)[0].unit.creationdate, "20190101T000000Z");  // the earlier date
}

TEST_P(BackendSuite, UnitOfVariantFindsEachVariantsUnit) {
  auto tm = open();
  std::vector<core::TranslationUnit> units;
  for (int i = 0; i < 50; ++i) {
    // A named number: GCC 12's -Wrestrict misfires on "literal" + std::to_string(i) here.
    const std::string n = std::to_string(i);
    units.push_back(unit("u" + n, {var("en", "sentence number " + n), var("kk", "сөйлем " + n),
                                   var("ru", "фраза " + n)}));
  }
  import(*tm, units);
  std::int64_t max_id = 0;
  for (const store::StoredUnit& su : all_units(*tm)) {
    for (std::size_t k = 0; k < su.variant_ids.size(); ++k) {
      const auto got = tm->unit_of_variant(su.variant_ids[k]);
      ASSERT_TRUE(got.has_value()) << su.variant_ids[k];
      EXPECT_EQ(got->id, su.id);
      EXPECT_EQ(got->unit, su.unit);
      EXPECT_EQ(got->variant_ids, su.variant_ids);
      max_id = std::max(max_id, su.variant_ids[k]);
    }
  }
  EXPECT_FALSE(tm->unit_of_variant(max_id + 1000).has_value());
  EXPECT_FALSE(tm->unit_of_variant(-1).has_value());
}

TEST_P(BackendSuite, UnitsOfVariantsAnswersEachIdInItsPlace) {
  auto tm = open();
  std::vector<core::TranslationUnit> units;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    units.push_back(unit("u" + n, {var("en", "line " + n + " of the file"), var("kk", "жол " + n),
                                   var("ru", "строка " + n)}));
  }
  import(*tm, units);
  std::vector<std::int64_t> all;
  for (const store::StoredUnit& su : all_units(*tm)) {
    all.insert(all.end(), su.variant_ids.begin(), su.variant_ids.end());
  }
  ASSERT_EQ(all.size(), 90u);
  const std::int64_t missing = *std::max_element(all.begin(), all.end()) + 1000;
  // Out of order, one id twice, two variants of one unit, ids that are no variant.
  std::vector<std::int64_t> ask = {all[40], missing, all[3], all[40], all[4], -1, all[89], all[0]};
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) ask.push_back(all[rng() % all.size()]);
  const std::vector<std::optional<store::StoredUnit>> got = tm->units_of_variants(ask);
  ASSERT_EQ(got.size(), ask.size());
  for (std::size_t i = 0; i < ask.size(); ++i) {
    const auto one = tm->unit_of_variant(ask[i]);
    ASSERT_EQ(got[i].has_value(), one.has_value()) << i << ": " << ask[i];
    if (!one) continue;
    EXPECT_EQ(got[i]->id, one->id);
    EXPECT_EQ(got[i]->unit, one->unit);
    EXPECT_EQ(got[i]->variant_ids, one->variant_ids);
    EXPECT_EQ(got[i]->provenance.document, one->provenance.document);
    EXPECT_EQ(got[i]->confidence, one->confidence);
  }
  EXPECT_FALSE(got[1].has_value());
  EXPECT_FALSE(got[5].has_value());
  EXPECT_TRUE(tm->units_of_variants({}).empty());
}

TEST_P(BackendSuite, FuzzyIndexHoldsEntriesPostingsAndTokens) {
  auto tm = open();
  // Two imports: two batches of postings for the same (token, length).
  import(*tm, {unit("1", {var("en", "open the file"), var("kk", "файлды ашу")}),
               unit("2", {var("en-US", "close the file now"), var("kk", "файлды жабу")}),
               unit("3", {var("en", "the the the"), var("ru", "то")})});
  import(*tm, {unit("4", {var("en-GB", "open the window"), var("kk", "терезені ашу")}),
               unit("5", {var("ru", "открыть файл"), var("kk", "файлды ашу керек")})});
  auto en = tm->fuzzy_index("en");
  ASSERT_NE(en, nullptr);
  // Every English variant (en, en-US, en-GB), with its tokens in order.
  std::map<std::uint64_t, std::vector<std::uint32_t>> segs;
  en->for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> t) { segs[id] = std::move(t); });
  ASSERT_EQ(segs.size(), 4u);
  const auto the = en->entry("the");
  const auto file = en->entry("file");
  const auto open_ = en->entry("open");
  ASSERT_TRUE(the && file && open_);
  EXPECT_EQ(the->frequency, 4u);  // segments holding it, not occurrences
  EXPECT_EQ(file->frequency, 2u);
  EXPECT_EQ(open_->frequency, 2u);
  EXPECT_FALSE(en->entry("файлды").has_value());  // Kazakh keys are in the kk index
  EXPECT_FALSE(en->entry("missing").has_value());
  EXPECT_EQ(en->frequency(the->token), 4u);
  const std::vector<std::string> keys = {"file", "nope", "the", "open"};
  const auto many = en->entries(keys);
  ASSERT_EQ(many.size(), 4u);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto one = en->entry(keys[i]);
    ASSERT_EQ(many[i].has_value(), one.has_value()) << keys[i];
    if (one) {
      EXPECT_EQ(many[i]->token, one->token);
      EXPECT_EQ(many[i]->frequency, one->frequency);
    }
  }
  // tokens(): the keys of the variant, in order.
  for (const store::StoredUnit& su : all_units(*tm)) {
    for (std::size_t k = 0; k < su.variant_ids.size(); ++k) {
      if (su.unit.variants[k].lang.rfind("en", 0) != 0) continue;
      const auto id = static_cast<std::uint64_t>(su.variant_ids[k]);
      const std::vector<std::uint32_t> toks = en->tokens(id);
      EXPECT_EQ(toks, segs.at(id));
      const store::KeyList words = split_keys("", su.unit.variants[k].text).words;
      ASSERT_EQ(toks.size(), words.size());
      for (std::size_t w = 0; w < words.size(); ++w) EXPECT_EQ(toks[w], en->entry(words[w])->token);
    }
  }
  EXPECT_TRUE(en->tokens(999999).empty());
  // postings_range: every segment of the length range holding the token, by length then id,
  // with its length.
  for (std::size_t lo = 1; lo <= 4; ++lo) {
    for (std::size_t hi = lo; hi <= 4; ++hi) {
      std::vector<core::Posting> got;
      en->postings_range(the->token, lo, hi, got);
      std::vector<std::pair<std::size_t, std::uint64_t>> want;
      for (const auto& [id, toks] : segs) {
        if (toks.size() >= lo && toks.size() <= hi &&
            std::find(toks.begin(), toks.end(), the->token) != toks.end()) {
          want.emplace_back(toks.size(), id);
        }
      }
      std::sort(want.begin(), want.end());
      ASSERT_EQ(got.size(), want.size()) << lo << ".." << hi;
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].id, want[i].second);
        EXPECT_EQ(got[i].length, want[i].first);
      }
    }
  }
  std::vector<core::Posting> none;
  en->postings_range(open_->token, 5, 100, none);
  EXPECT_TRUE(none.empty());
  // The Kazakh index is its own.
  auto kk = tm->fuzzy_index("kk");
  const auto faildy = kk->entry("файлды");
  ASSERT_TRUE(faildy.has_value());
  EXPECT_EQ(faildy->frequency, 3u);
  EXPECT_FALSE(tm->fuzzy_index("de")->entry("the").has_value());
}

// Segments of 65,535 words and more share one postings row per token and import, which keeps
// their lengths: the length range still selects them exactly.
TEST_P(BackendSuite, VeryLongSegmentsAreIndexedByTheirLength) {
  const auto text = [](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.append("x").append(std::to_string(i % 1000)).append(" ");
    return out;
  };
  auto tm = open();
  std::vector<core::TranslationUnit> units;
  for (std::size_t n : {65534u, 65535u, 70000u, 90000u}) {
    units.push_back(unit(std::to_string(n), {var("en", text(n)), var("kk", "k" + std::to_string(n))}));
  }
  import(*tm, units);
  auto en = tm->fuzzy_index("en");
  const auto x7 = en->entry("x7");
  ASSERT_TRUE(x7.has_value());
  EXPECT_EQ(x7->frequency, 4u);
  std::vector<core::Posting> got;
  en->postings_range(x7->token, 65535, 80000, got);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].length, 65535u);
  EXPECT_EQ(got[1].length, 70000u);
  got.clear();
  en->postings_range(x7->token, 1, 65534, got);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].length, 65534u);
  EXPECT_EQ(en->tokens(got[0].id).size(), 65534u);
}

TEST_P(BackendSuite, ConcordanceFindsPhrasesAndPrefixes) {
  auto tm = open();
  import(*tm, {unit("1", {var("en", "The camps must be closed"), var("kk", "лагерлерді жабу керек")}),
               unit("2", {var("en", "close the camp now"), var("kk", "лагерьді қазір жабу")}),
               unit("3", {var("en", "must the camps stay"), var("ru", "Должны ли лагеря остаться")}),
               // Words that are operators in FTS5 or tsquery syntax are plain words here.
               unit("4", {var("en", "NOT near AND or o'brien x&y a:b"), var("ru", "не рядом")})});
  EXPECT_FALSE(tm->concordance_current());
  EXPECT_EQ(tm->update_concordance(lower_keys), 8u);
  EXPECT_TRUE(tm->concordance_current());
  EXPECT_EQ(tm->update_concordance(lower_keys), 0u);
  const auto ids_of = [&](std::string_view lang, std::string_view text) {
    for (const store::StoredUnit& su : all_units(*tm)) {
      for (std::size_t k = 0; k < su.variant_ids.size(); ++k) {
        if (su.unit.variants[k].lang == lang && su.unit.variants[k].text == text) return su.variant_ids[k];
      }
    }
    ADD_FAILURE() << "no variant " << text;
    return std::int64_t{-1};
  };
  const std::int64_t v1 = ids_of("en", "The camps must be closed");
  const std::int64_t v2 = ids_of("en", "close the camp now");
  const std::int64_t v3 = ids_of("en", "must the camps stay");
  const std::int64_t k1 = ids_of("kk", "лагерлерді жабу керек");
  const std::int64_t k2 = ids_of("kk", "лагерьді қазір жабу");
  const std::int64_t v4 = ids_of("en", "NOT near AND or o'brien x&y a:b");
  using T = store::ConcordanceTerm;
  using Ids = std::vector<std::int64_t>;
  const auto find = [&](std::vector<T> phrase, std::string_view lang = "", std::size_t limit = 50) {
    return tm->concordance(phrase, lang, limit);
  };
  EXPECT_EQ(find({T{"camps", false}}), (Ids{v1, v3}));
  EXPECT_EQ(find({T{"camps", false}, T{"must", false}}), Ids{v1});  // adjacent, in order
  EXPECT_EQ(find({T{"must", false}, T{"camps", false}}), Ids{});
  EXPECT_EQ(find({T{"the", false}, T{"camps", false}}), (Ids{v1, v3}));
  EXPECT_EQ(find({T{"camp", true}}), (Ids{v1, v2, v3}));          // a prefix
  EXPECT_EQ(find({T{"camp", false}}), Ids{v2});                   // the word alone
  EXPECT_EQ(find({T{"the", false}, T{"camp", true}, T{"now", false}}), Ids{v2});
  const std::int64_t r3 = ids_of("ru", "Должны ли лагеря остаться");
  EXPECT_EQ(find({T{"лагер", true}}), (Ids{k1, k2, r3}));         // a Cyrillic prefix
  EXPECT_EQ(find({T{"лагер", true}}, "kk"), (Ids{k1, k2}));
  EXPECT_EQ(find({T{"лагер", true}, T{"жабу", false}}), Ids{k1});
  EXPECT_EQ(find({T{"жабу", false}}, "kk"), (Ids{k1, k2}));
  EXPECT_EQ(find({T{"camps", false}}, "kk"), Ids{});              // language filter
  EXPECT_EQ(find({T{"camp", true}}, "en", 2), (Ids{v1, v2}));     // limit: the lowest ids
  EXPECT_EQ(find({T{"nothing", false}}), Ids{});
  // Operator-like words match literally, never as syntax.
  EXPECT_EQ(find({T{"not", false}, T{"near", false}, T{"and", false}, T{"or", false}}), Ids{v4});
  EXPECT_EQ(find({T{"o'brien", false}}), Ids{v4});
  EXPECT_EQ(find({T{"x&y", false}, T{"a:b", false}}), Ids{v4});
  // Later imports are indexed by the next update only.
  import(*tm, {unit("5", {var("en", "camps again"), var("kk", "тағы лагерлер")})});
  EXPECT_FALSE(tm->concordance_current());
  EXPECT_EQ(tm->update_concordance(lower_keys), 2u);
  EXPECT_EQ(find({T{"camps", false}}).size(), 3u);
}

TEST_P(BackendSuite, ReadOnlyModeRefusesWrites) {
  {
    auto tm = open();
    import(*tm, {unit("1", {var("en", "open"), var("kk", "ашу")})});
  }
  auto ro = open(OpenMode::kReadOnly);
  EXPECT_EQ(ro->unit_count(), 1u);
  try {
    auto imp = ro->begin_import(split_keys, kNow);
    imp->add(unit("2", {var("en", "close"), var("kk", "жабу")}), {});
    imp->commit();
    ADD_FAILURE() << "a read-only TM imported";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
    EXPECT_EQ(e.path(), ro->location());
  }
  EXPECT_THROW(ro->update_concordance(lower_keys), StoreError);
  EXPECT_EQ(ro->unit_count(), 1u);
}

TEST_P(BackendSuite, DataVersionMovesWhenAnotherConnectionCommits) {
  auto a = open();
  import(*a, {unit("1", {var("en", "open"), var("kk", "ашу")})});
  auto b = open(OpenMode::kReadOnly);
  const std::int64_t before = b->data_version();
  EXPECT_EQ(b->data_version(), before);
  import(*a, {unit("2", {var("en", "close"), var("kk", "жабу")})});
  EXPECT_NE(b->data_version(), before);
  {
    const auto snap = b->read_snapshot();
    EXPECT_EQ(b->unit_count(), 2u);
  }
}

// The adapter tm lookup searches through: what it remembers (SQLite) or asks each time
// (PostgreSQL) follows another client's commit between two queries.
TEST_P(BackendSuite, StoreIndexFollowsAnotherClientsCommit) {
  auto a = open();
  import(*a, {unit("1", {var("en", "open the file"), var("kk", "файлды ашу")}),
              unit("2", {var("en", "close the file"), var("kk", "файлды жабу")})});
  auto b = open(OpenMode::kReadOnly);
  const auto en = b->fuzzy_index("en");
  app::StoreIndex source(*b, *en);
  const std::vector<std::string> keys = {"open", "the", "window"};
  const auto query = [&] {
    const auto snap = b->read_snapshot();
    source.sync();
    const std::vector<std::uint32_t> ids = source.ids(keys);
    std::vector<std::uint64_t> freq;
    for (const std::uint32_t t : ids) freq.push_back(t == tm::kUnknownToken ? 0 : source.frequency(t));
    return std::pair(ids, freq);
  };
  const auto [ids1, freq1] = query();
  EXPECT_NE(ids1[0], tm::kUnknownToken);
  EXPECT_EQ(ids1[2], tm::kUnknownToken);  // no "window" yet
  EXPECT_EQ(freq1[1], 2u);
  import(*a, {unit("3", {var("en", "open the window"), var("kk", "терезені ашу")})});
  const auto [ids2, freq2] = query();
  EXPECT_EQ(ids2[0], ids1[0]);
  ASSERT_NE(ids2[2], tm::kUnknownToken);
  EXPECT_EQ(freq2[0], 2u);
  EXPECT_EQ(freq2[1], 3u);
  EXPECT_EQ(freq2[2], 1u);
  const auto snap = b->read_snapshot();
  const std::vector<tm::Candidate> found = tm::search(source, ids2, 100);
  ASSERT_EQ(found.size(), 1u);  // "open the window", added by the other client
  EXPECT_EQ(b->unit_of_variant(static_cast<std::int64_t>(found[0].id))->unit.id, "3");
}

// The search's first lists sent with the keys (StoreIndex::ids with the threshold, store::
// FuzzyIndex::entries_ahead): the same candidates as without, and on a server one round trip
// fewer where the search reads lists first (to 70 % here; from 90 % its first list is the
// unknown word's), also when those lists are of frequent words (in over 512 segments: the
// rarer ones come with the keys anyway) and repeated.
TEST_P(BackendSuite, SearchReadAheadGivesTheSameCandidates) {
  auto a = open();
  std::vector<core::TranslationUnit> units;
  for (int i = 0; i < 600; ++i) {
    std::string en = "the cat sat on mat w" + std::to_string(i);
    if (i % 3 == 0) en += " dog";
    if (i % 50 == 0) en = "cat sat w" + std::to_string(i);
    units.push_back(unit(std::to_string(i), {var("en", en), var("kk", "мысық")}));
  }
  import(*a, units);
  const std::vector<std::string> keys = {"the", "cat", "sat", "on", "the", "mat", "zebra", "dog"};
  const auto* pg = dynamic_cast<const store::PostgresTm*>(a.get());
  const auto search = [&](int t, int hint, std::uint64_t& trips) {
    const auto en = a->fuzzy_index("en");  // nothing remembered from the other run
    app::StoreIndex source(*a, *en);
    const auto snap = a->read_snapshot();
    const std::uint64_t before = pg != nullptr ? pg->conn().round_trips() : 0;
    source.sync();
    const std::vector<std::uint32_t> ids = source.ids(keys, hint);
    std::vector<tm::Candidate> found = tm::search(source, ids, t);
    trips = pg != nullptr ? pg->conn().round_trips() - before : 0;
    return found;
  };
  for (int t : {50, 60, 70, 90, 100}) {
    std::uint64_t plain = 0, ahead = 0;
    search(t, 0, plain);  // statements prepared on the connection's first use
    search(t, t, ahead);
    const std::vector<tm::Candidate> want = search(t, 0, plain);
    EXPECT_EQ(search(t, t, ahead), want) << t;
    // From 90 % the first list is the unknown word's: nothing to read ahead.
    if (t <= 70) {
      EXPECT_FALSE(want.empty()) << t;
    }
    if (pg != nullptr) {
      EXPECT_EQ(ahead + (t <= 70 ? 1 : 0), plain) << t;
    }
  }
}

// align --tm's choice of units (app::tm_training_pairs): the units sharing most words of at
// least four letters with the documents first, ties in the TM's order, each word counted once;
// units without both languages or without a shared word left out; a unit's first variant of
// a language; the cap keeps the best.
TEST_P(BackendSuite, AlignTmTakesTheUnitsSharingMostDocumentWords) {
  {
    auto tm = open();
    import(*tm, {unit("t1", {var("en", "Quorble is here"), var("kk", "k1")}),
                 unit("t2", {var("en", "quorble mintak drovel"), var("kk", "k2")}),
                 unit("t3", {var("en", "mintak drovel zephyr"), var("ru", "r3")}),
                 unit("t4", {var("en", "nothing shared there"), var("kk", "k4")}),
                 unit("t5", {var("en", "zephyr near plink"), var("kk-KZ", "k5")}),
                 unit("t6", {var("en-US", "mintak mintak mintak"), var("kk", "k6a"), var("kk", "k6b")}),
                 unit("t7", {var("en", "the mat sat on"), var("kk", "k7")}),
                 unit("t8", {var("en", "drovel zephyr"), var("kk", "k8")})});
  }
  const auto tm = open(OpenMode::kReadOnly);
  const std::vector<std::string_view> doc = {"The QUORBLE mintak drovel near zephyr.",
                                             "Plink sat on the mat."};
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(app::tm_training_pairs(*tm, "en", "kk", doc, 10),
            (Pairs{{"quorble mintak drovel", "k2"}, {"zephyr near plink", "k5"},
                   {"drovel zephyr", "k8"}, {"Quorble is here", "k1"}, {"mintak mintak mintak", "k6a"}}));
  EXPECT_EQ(app::tm_training_pairs(*tm, "en", "kk", doc, 4),
            (Pairs{{"quorble mintak drovel", "k2"}, {"zephyr near plink", "k5"},
                   {"drovel zephyr", "k8"}, {"Quorble is here", "k1"}}));
  EXPECT_EQ(app::tm_training_pairs(*tm, "en", "ru", doc, 10), (Pairs{{"mintak drovel zephyr", "r3"}}));
  EXPECT_TRUE(app::tm_training_pairs(*tm, "en", "de", doc, 10).empty());
  EXPECT_TRUE(app::tm_training_pairs(*tm, "en", "kk", std::vector<std::string_view>{"the cat sat"}, 10).empty());
}

TEST_P(BackendSuite, SchemaVersionIsCheckedOnOpen) {
  { auto tm = open(); import(*tm, {unit("1", {var("en", "open"), var("kk", "ашу")})}); }
  loc_->exec("UPDATE " + loc_->meta_table() + " SET value = '99' WHERE key = 'schema_version'");
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    try {
      open(mode);
      ADD_FAILURE() << "a TM of a newer schema opened";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput) << e.what();
      EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
  }
}

TEST_P(BackendSuite, AMissingTmIsAnIoErrorAndAForeignOneBadInput) {
  // Read-only where nothing is (no file, no database): exit 4, and nothing created.
  try {
    store::open_tm(loc_->missing(), OpenMode::kReadOnly);
    ADD_FAILURE() << "opened a missing TM read-only";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind(e.path() + ": error: ", 0), 0u) << e.what();
  }
  EXPECT_FALSE(fs::exists(loc_->missing()));
  // Read-only on an empty place (an empty file, a database without tables): not a TM yet
  // (exit 3), and left empty.
  loc_->make_empty();
  try {
    open(OpenMode::kReadOnly);
    ADD_FAILURE() << "opened an empty place read-only";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput) << e.what();
  }
  // Something else lives there: not a tilmash TM (exit 3), and it is left alone.
  loc_->exec("CREATE TABLE customers(name text)");
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    try {
      open(mode);
      ADD_FAILURE() << "opened a foreign database as a TM";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput) << e.what();
    }
  }
}

// ---- errors that only one backend can have ----

TEST(BackendErrors, PasswordsNeverAppearAndARefusedConnectionIsAnIoError) {
  // A server that is not there (port 1 on a socket folder that does not exist): refused.
  const std::string uri =
      "postgresql://tilmash:s3cr3t-pw@/tilmash_test?host=/nonexistent-tilmash&port=1&connect_timeout=3";
  ASSERT_TRUE(store::is_postgres_uri(uri));
  ASSERT_TRUE(store::is_postgres_uri("postgres://h/db"));
  ASSERT_FALSE(store::is_postgres_uri("tm.db"));
  ASSERT_FALSE(store::is_postgres_uri("postgresql.db"));
  try {
    store::open_tm(uri, OpenMode::kReadOnly);
    ADD_FAILURE() << "connected to nothing";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
    const std::string what = e.what();
    EXPECT_EQ(what.find("s3cr3t"), std::string::npos) << what;
    EXPECT_EQ(e.path().find("s3cr3t"), std::string::npos) << e.path();
    EXPECT_NE(e.path().find("tilmash_test"), std::string::npos) << e.path();
    EXPECT_EQ(what.rfind(e.path() + ": error: ", 0), 0u) << what;
  }
  // A URI libpq cannot parse, which its message quotes: quoted without the password.
  try {
    store::open_tm("postgresql://tilmash:s3cr3t-pw@[bad/tilmash_test", OpenMode::kReadOnly);
    ADD_FAILURE() << "connected through a malformed URI";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
    EXPECT_EQ(std::string(e.what()).find("s3cr3t"), std::string::npos) << e.what();
  }
  // The same on a live server: the location names the TM without the password.
  const std::string live = env("TILMASH_TEST_PG");
  if (live.empty()) return;  // the refused case above needs no server
  Location loc("postgres", "password");
  std::string with_pw = loc.str();
  const std::size_t at = with_pw.find("://") + 3;
  const std::size_t userinfo_end = with_pw.find('@', at);
  const std::size_t path = with_pw.find('/', at);
  if (userinfo_end != std::string::npos && userinfo_end < path) {
    with_pw.insert(userinfo_end, ":s3cr3t-pw");
  } else {
    with_pw.insert(at, "tilmash:s3cr3t-pw@");
  }
  try {
    auto tm = store::open_tm(with_pw, OpenMode::kReadWrite);
    EXPECT_EQ(tm->location().find("s3cr3t"), std::string::npos) << tm->location();
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("s3cr3t"), std::string::npos) << e.what();
  }
}

TEST(BackendErrors, AnUnwritableSqliteFileIsAnIoError) {
  const fs::path dir = fs::temp_directory_path() / ("tilmash_suite_dir_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  try {
    store::open_tm(dir.string(), OpenMode::kReadWrite);  // a folder, not a file
    ADD_FAILURE() << "opened a folder as a TM";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo) << e.what();
  }
  fs::remove_all(dir);
}

// ---- the lossless proof over both backends ----

// One match as the user sees it: score, base, the matched source and its unit's tuid.
using Shown = std::tuple<int, int, std::string, std::string>;

struct ProofSide {
  std::unique_ptr<store::TmBackend> tm;
  std::unique_ptr<store::FuzzyIndex> en;
  std::unique_ptr<app::StoreIndex> source;  // what `tm lookup` searches through
  std::vector<std::vector<std::uint32_t>> segs;  // for brute force
  std::vector<std::uint64_t> seg_ids;
};

// The TM of the proof: real translations (the bench's debian-po TMX, built here when missing),
// a seeded sample of them.
std::vector<core::TranslationUnit> proof_units(std::size_t n) {
  const fs::path src = fs::path(TILMASH_SOURCE_DIR);
  const fs::path cached = src / ".cache/bench/debian-po.tmx";
  if (!fs::exists(cached)) {
    // Two test processes (ctest -j) may build it at once: each writes a temporary of its own
    // and renames it into place (atomic; both build the same file), so neither's rename can
    // find its temporary taken by the other.
    fs::create_directories(cached.parent_path());
    const std::string tmp = cached.string() + ".tmp." + std::to_string(::getpid());
    const std::string cmd = "python3 " + (fs::path(TILMASH_SHARED_DIR) / "bench/debian-po/build_po_tmx.py").string()
                            + " -o " + tmp + " >/dev/null 2>&1 && mv " + tmp + " " + cached.string();
    if (std::system(cmd.c_str()) != 0) {
      fs::remove(tmp);
      ADD_FAILURE() << "could not build " << cached << " from ../shared/bench/debian-po";
      return {};
    }
  }
  io::TmxDocument doc = io::read_tmx(cached.string());
  std::mt19937_64 rng(18);
  std::shuffle(doc.units.begin(), doc.units.end(), rng);
  if (doc.units.size() > n) doc.units.resize(n);
  return doc.units;
}

// Seeded queries: stored English texts, perturbed ones (words dropped, replaced, swapped,
// inserted), and random strings of the TM's words.
std::vector<std::string> proof_queries(const std::vector<core::TranslationUnit>& units, std::size_t n) {
  std::vector<std::string> texts;
  std::vector<std::string> vocab;
  for (const auto& u : units) {
    for (const auto& v : u.variants) {
      if (v.lang.rfind("en", 0) == 0 && !v.text.empty()) {
        texts.push_back(v.text);
        for (std::string_view w : split_keys("", v.text).words) vocab.emplace_back(w);
      }
    }
  }
  std::mt19937 rng(2026);
  const auto pick = [&](const auto& v) -> const std::string& { return v[rng() % v.size()]; };
  std::vector<std::string> out;
  while (out.size() < n) {
    const int kind = static_cast<int>(rng() % 10);
    if (kind < 2) {
      out.push_back(pick(texts));  // stored as it is
    } else if (kind < 8) {
      std::vector<std::string> w = split_keys("", pick(texts)).words;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !w.empty(); ++e) {
        const std::size_t i = rng() % w.size();
        switch (rng() % 4) {
          case 0: w.erase(w.begin() + static_cast<std::ptrdiff_t>(i)); break;
          case 1: w[i] = pick(vocab); break;
          case 2: std::swap(w[i], w[rng() % w.size()]); break;
          default: w.insert(w.begin() + static_cast<std::ptrdiff_t>(i), pick(vocab)); break;
        }
      }
      std::string q;
      for (const auto& x : w) q += (q.empty() ? "" : " ") + x;
      out.push_back(q);
    } else {
      std::string q;
      const int len = 1 + static_cast<int>(rng() % 12);
      for (int i = 0; i < len; ++i) q += (q.empty() ? "" : " ") + pick(vocab);
      out.push_back(q);
    }
  }
  return out;
}

TEST(BackendProof, SearchEqualsBruteForceAndBothBackendsAgree) {
  const bool have_pg = !env("TILMASH_TEST_PG").empty();
  if (!have_pg && env("TILMASH_REQUIRE_PG") == "1") {
    FAIL() << "TILMASH_REQUIRE_PG=1 but TILMASH_TEST_PG is not set";
  }
  const std::vector<core::TranslationUnit> units = proof_units(4000);
  ASSERT_GE(units.size(), 1000u) << "could not build the debian-po TMX (python3, gettext's "
                                    "msgunfmt and translated packages: ../shared/bench/debian-po/README.md)";
  auto made = tm::Tokenizer::create();
  ASSERT_TRUE(made.has_value());
  const tm::Tokenizer tok = std::move(*made);
  const store::Keyer keyer = [&tok](std::string_view, std::string_view text) {
    store::VariantKeys k;
    tok.for_each_word_key(text, [&k](std::string_view key) { k.words.push_back(key); });
    return k;
  };
  std::vector<std::string> backends = {"sqlite"};
  if (have_pg) backends.push_back("postgres");
  std::vector<std::unique_ptr<Location>> locs;
  std::vector<ProofSide> sides;
  for (const std::string& b : backends) {
    locs.push_back(std::make_unique<Location>(b, "proof"));
    ProofSide side;
    side.tm = store::open_tm(locs.back()->str(), OpenMode::kReadWrite);
    // Two imports (two postings batches), as a team's TM grows.
    for (std::size_t part = 0; part < 2; ++part) {
      auto imp = side.tm->begin_import(keyer, kNow);
      for (std::size_t i = part * units.size() / 2; i < (part + 1) * units.size() / 2; ++i) {
        imp->add(units[i], {"debian-po.tmx", "tmx import"});
      }
      imp->commit();
    }
    side.en = side.tm->fuzzy_index("en");
    side.source = std::make_unique<app::StoreIndex>(*side.tm, *side.en);
    side.en->for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> t) {
      side.seg_ids.push_back(id);
      side.segs.push_back(std::move(t));
    });
    sides.push_back(std::move(side));
  }
  ASSERT_GT(sides[0].segs.size(), units.size() * 9 / 10);
  if (sides.size() == 2) {
    EXPECT_EQ(sides[0].tm->unit_count(), sides[1].tm->unit_count());
    EXPECT_EQ(sides[0].seg_ids, sides[1].seg_ids);
  }
  const std::vector<std::string> queries = proof_queries(units, 2000);
  // What `tm lookup` runs (app::TmLookup: its own connection, a read snapshot per query, the
  // units fetched in batches or read ahead with the tokens), 10 best per threshold.
  std::vector<std::map<int, std::unique_ptr<app::TmLookup>>> lookups(sides.size());
  for (std::size_t si = 0; si < sides.size(); ++si) {
    for (int t : {60, 70, 90}) {
      app::TmLookupRequest request;
      request.db = locs[si]->str();
      request.min = t;
      request.max = 10;
      lookups[si][t] = std::make_unique<app::TmLookup>(request);
    }
  }
  std::size_t nonempty = 0;
  std::size_t compared = 0;
  for (std::size_t qi = 0; qi < queries.size(); ++qi) {
    const tm::TokenizedText q = tok.analyze(queries[qi]);
    const std::vector<std::string> keys = q.word_keys();
    for (int t : {60, 70, 90}) {
      std::vector<std::vector<Shown>> per_backend;
      for (std::size_t si = 0; si < sides.size(); ++si) {
        ProofSide& side = sides[si];
        side.source->sync();
        const std::vector<std::uint32_t> ids = side.source->ids(keys, t);  // as tm lookup asks
        const tm::FetchSegment fetch = [&](std::uint64_t id) -> std::optional<tm::TokenizedText> {
          const auto su = side.tm->unit_of_variant(static_cast<std::int64_t>(id));
          if (!su) return std::nullopt;
          for (std::size_t k = 0; k < su->variant_ids.size(); ++k) {
            if (su->variant_ids[k] == static_cast<std::int64_t>(id)) {
              return tok.analyze(su->unit.variants[k].text, su->unit.variants[k].inline_xml);
            }
          }
          return std::nullopt;
        };
        const std::vector<tm::Candidate> found = tm::search(*side.source, ids, t);
        std::vector<tm::Candidate> ref = tm::brute_force(side.segs, ids, t);
        for (tm::Candidate& c : ref) c.id = side.seg_ids[c.id];
        std::stable_sort(ref.begin(), ref.end(), [](const auto& a, const auto& b) {
          return a.base != b.base ? a.base > b.base : a.id < b.id;
        });
        ASSERT_EQ(found, ref) << backends[si] << " query " << qi << " '" << queries[qi] << "' at " << t;
        const auto ranked = tm::rank(q, found, fetch, t, 0);
        const auto ranked_ref = tm::rank(q, ref, fetch, t, 0);
        std::vector<Shown> shown;
        for (std::size_t i = 0; i < ranked.size(); ++i) {
          ASSERT_EQ(ranked[i].id, ranked_ref[i].id);
          ASSERT_EQ(ranked[i].score.score, ranked_ref[i].score.score);
          const auto su = side.tm->unit_of_variant(static_cast<std::int64_t>(ranked[i].id));
          shown.emplace_back(ranked[i].score.score, ranked[i].score.base, ranked[i].text.text, su->unit.id);
        }
        ASSERT_EQ(ranked.size(), ranked_ref.size());
        // The lookup's 10 best are the first 10 ranked, with their units' targets.
        const std::vector<app::TmMatch> got = lookups[si][t]->lookup(queries[qi]);
        ASSERT_EQ(got.size(), std::min<std::size_t>(10, shown.size())) << backends[si] << " query " << qi;
        for (std::size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].score, std::get<0>(shown[i]));
          EXPECT_EQ(got[i].source, std::get<2>(shown[i]));
          EXPECT_EQ(got[i].tuid, std::get<3>(shown[i]));
          EXPECT_FALSE(got[i].targets.empty());
          const auto su = side.tm->unit_of_variant(static_cast<std::int64_t>(ranked[i].id));
          std::size_t others = 0;
          for (std::size_t k = 0; k < su->variant_ids.size(); ++k) {
            if (su->variant_ids[k] == static_cast<std::int64_t>(ranked[i].id)) continue;
            ASSERT_LT(others, got[i].targets.size());
            EXPECT_EQ(got[i].targets[others].first, su->unit.variants[k].lang);
            EXPECT_EQ(got[i].targets[others].second, su->unit.variants[k].text);
            ++others;
          }
          EXPECT_EQ(others, got[i].targets.size());
        }
        per_backend.push_back(std::move(shown));
      }
      if (per_backend.size() == 2) {
        ASSERT_EQ(per_backend[0], per_backend[1]) << "sqlite and postgres differ on query " << qi << " '"
                                                  << queries[qi] << "' at " << t;
        ++compared;
      }
      nonempty += per_backend[0].empty() ? 0 : 1;
    }
  }
  EXPECT_GT(nonempty, queries.size());  // real matches: more than one threshold in three on average
  std::printf("proof: %zu units, %zu English segments, %zu queries x 3 thresholds, %zu non-empty, "
              "%zu compared across backends\n",
              units.size(), sides[0].segs.size(), queries.size(), nonempty, compared);
}

// The rows both backends store are the same bytes: units' dates after merges, variants' token
// blobs, the vocabulary with its frequencies and every postings row (key and blob), after two
// imports of real units where the second repeats some stored units (with other dates), repeats
// units within itself and adds new ones. Lookups agreeing (the proof above) follows from this;
// this says where a difference would be.
std::vector<std::string> sqlite_rows(const std::string& path, const char* sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const auto* t = sqlite3_column_text(st, c);
      row.append(t != nullptr ? reinterpret_cast<const char*>(t) : "NULL").append("|");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

std::vector<std::string> pg_rows(const std::string& uri, const char* sql) {
  std::vector<std::string> out;
  PGconn* c = PQconnectdb(uri.c_str());
  PGresult* r = PQexec(c, sql);
  EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQerrorMessage(c);
  for (int i = 0; i < PQntuples(r); ++i) {
    std::string row;
    for (int col = 0; col < PQnfields(r); ++col) {
      row.append(PQgetisnull(r, i, col) != 0 ? "NULL" : PQgetvalue(r, i, col)).append("|");
    }
    out.push_back(std::move(row));
  }
  PQclear(r);
  PQfinish(c);
  return out;
}

TEST(BackendRows, SqliteAndPostgresStoreTheSameRows) {
  if (env("TILMASH_TEST_PG").empty()) {
    if (env("TILMASH_REQUIRE_PG") == "1") FAIL() << "TILMASH_REQUIRE_PG=1 but TILMASH_TEST_PG is not set";
    GTEST_SKIP() << "no PostgreSQL server: set TILMASH_TEST_PG to compare the backends' rows";
  }
  std::vector<core::TranslationUnit> units = proof_units(3000);
  ASSERT_GE(units.size(), 1000u);
  const std::size_t half = units.size() / 2;
  std::vector<core::TranslationUnit> first(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(half));
  std::vector<core::TranslationUnit> second(units.begin() + static_cast<std::ptrdiff_t>(half), units.end());
  for (std::size_t i = 0; i < 200; ++i) {
    core::TranslationUnit again = units[i * 3];  // stored by the first import
    again.creationdate = "20010101T000000Z";
    again.changedate = "20300101T000000Z";
    second.push_back(again);
    second.push_back(second[i * 2]);  // met earlier in the second import
  }
  Location sq("sqlite", "rows");
  Location pg("postgres", "rows");
  for (const Location* loc : {&sq, &pg}) {
    auto tm = store::open_tm(loc->str(), OpenMode::kReadWrite);
    for (const auto* part : {&first, &second}) {
      auto imp = tm->begin_import(split_keys, kNow);
      for (const auto& u : *part) imp->add(u, {"debian-po.tmx", "tmx import"});
      imp->commit();
    }
  }
  const std::vector<std::pair<const char*, const char*>> tables = {
      {"SELECT id, tuid, created, changed FROM units ORDER BY id",
       "SELECT id, tuid, created, changed FROM tm_units ORDER BY id"},
      {"SELECT id, unit_id, lang, ilang, lower(hex(toks)) FROM variants ORDER BY id",
       "SELECT id, unit_id, lang, ilang, encode(toks, 'hex') FROM tm_variants ORDER BY id"},
      {"SELECT id, lang, key, df FROM vocab ORDER BY id",
       "SELECT id, lang, key, df FROM tm_vocab ORDER BY id"},
      {"SELECT key, lower(hex(ids)) FROM postings ORDER BY key",
       "SELECT key, encode(ids, 'hex') FROM tm_postings ORDER BY key"}};
  for (const auto& [in_sqlite, in_pg] : tables) {
    const std::vector<std::string> a = sqlite_rows(sq.str(), in_sqlite);
    const std::vector<std::string> b = pg_rows(pg.str(), in_pg);
    EXPECT_GT(a.size(), 0u) << in_sqlite;
    ASSERT_EQ(a.size(), b.size()) << in_sqlite;
    for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i], b[i]) << in_sqlite << " row " << i;
  }
}

std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

INSTANTIATE_TEST_SUITE_P(Backends, BackendSuite, ::testing::Values("sqlite", "postgres"), BackendName);

}  // namespace
}  // namespace tilmash
