#include "store/sqlite_tm.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/text.h"
#include "core/utf8.h"

namespace tilmash::store {
namespace {

namespace fs = std::filesystem;

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

// Fuzzy keys: lower-case ASCII words split on spaces (enough for the store's own tests).
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

std::optional<std::uint32_t> token(const FuzzyIndex& index, std::string_view key) {
  const auto e = index.entry(key);
  return e ? std::optional<std::uint32_t>(e->token) : std::nullopt;
}

class SqliteTmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path()
           / ("tilmash_store_test_" + std::to_string(::getpid()) + "_"
              + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "tm.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteTmTest, ImportMergesDuplicatesAndRoundTrips) {
  {
    SqliteTm db(path_, OpenMode::kReadWrite);
    auto imp = db.begin_import(words, "20250101T000000Z");
    core::TranslationUnit u = unit("1", "Open the file", "Файлды ашу");
    u.props.push_back({"x-context", "menu"});
    u.notes.push_back("checked");
    u.attrs.push_back({"usagecount", "3"});
    u.variants[1].notes.push_back("kk note");
    imp->add(u, {"a.tmx", "tmx import"}, 0.9);
    imp->add(unit("2", "Open  the file", "Файлды ашу", "20240301T000000Z"), {"b.tmx", "x"});
    imp->add(unit("3", "Close the file", "Файлды жабу"), {"a.tmx", "tmx import"});
    core::TranslationUnit one = unit("4", "Alone", "");
    imp->add(one, {"a.tmx", "tmx import"});
    const ImportStats s = imp->commit();
    EXPECT_EQ(s.units_read, 4u);
    EXPECT_EQ(s.units_added, 2u);
    EXPECT_EQ(s.units_merged, 1u);
    EXPECT_EQ(s.units_skipped, 1u);
  }
  SqliteTm db(path_, OpenMode::kReadOnly);
  EXPECT_EQ(db.unit_count(), 2u);
  std::vector<StoredUnit> all;
  db.for_each_unit([&](const StoredUnit& u) {
    all.push_back(u);
    return true;
  });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].unit.id, "1");
  EXPECT_EQ(all[0].unit.changedate, "20240301T000000Z");  // the later of the merged
  EXPECT_EQ(all[0].unit.creationdate, "20240101T000000Z");
  EXPECT_EQ(all[0].unit.props, (std::vector<core::Prop>{{"x-context", "menu"}}));
  EXPECT_EQ(all[0].unit.notes, std::vector<std::string>{"checked"});
  EXPECT_EQ(all[0].unit.attrs, (std::vector<core::Attr>{{"usagecount", "3"}}));
  EXPECT_EQ(all[0].unit.variants[1].text, "Файлды ашу");
  EXPECT_EQ(all[0].unit.variants[1].notes, std::vector<std::string>{"kk note"});
  EXPECT_EQ(all[0].provenance.document, "a.tmx");
  EXPECT_EQ(all[0].confidence, 0.9);
  EXPECT_EQ(db.integrity_check(), "ok");
}

// Duplicates are found through white space of every kind and through NFC (the dedup key's
// fast path must not change which units merge).
TEST_F(SqliteTmTest, MergesAcrossWhiteSpaceAndNormalization) {
  SqliteTm db(path_, OpenMode::kReadWrite);
  auto imp = db.begin_import(words, "20250101T000000Z");
  imp->add(unit("1", "Open the file", "Файлды ашу"), {});
  for (const char* en : {" Open the file", "Open the file ", "Open\tthe file", "Open\nthe file",
                         "Open\u00a0the file", "Open\u2009the\u3000file", "Open\u202fthe  file"}) {
    imp->add(unit("d", en, "Файлды ашу"), {});
  }
  imp->add(unit("2", "Open the file", "Файлды\u00a0ашу"), {});
  imp->add(unit("3", "Open the file", "Фаи\u0306л"), {});  // NFD й
  imp->add(unit("4", "Open the file", "Фай\u043B"), {});     // NFC й: the same unit
  imp->add(unit("5", "Open the\u00adfile", "Файлды ашу"), {});  // soft hyphen: not a space
  const ImportStats s = imp->commit();
  EXPECT_EQ(s.units_added, 3u);
  EXPECT_EQ(s.units_merged, 9u);
}

// The dedup key skips ICU's normaliser for text made only of these ranges (unit_keys.cc,
// nfc_by_ranges): each code point in them must be NFC by itself and next to letters.
TEST(NfcRangesTest, RangesTheStoreTrustsAreNfc) {
  const std::pair<char32_t, char32_t> ranges[] = {{0x80, 0x2FF},   {0x400, 0x482},
                                                  {0x48A, 0x4FF},  {0x2010, 0x2027},
                                                  {0x2030, 0x205E}, {0x20A0, 0x20BF}};
  std::size_t checked = 0;
  for (const auto& [lo, hi] : ranges) {
    for (char32_t cp = lo; cp <= hi; ++cp) {
      std::string one;
      core::append_utf8(one, cp);
      for (const std::string& text : {one, "a" + one, one + "a", "\u0438" + one + "\u0439"}) {
        ASSERT_EQ(core::to_nfc(text), text) << "U+" << std::hex << static_cast<std::uint32_t>(cp);
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 992u);
}

TEST_F(SqliteTmTest, FuzzyIndexPersists) {
  {
    SqliteTm db(path_, OpenMode::kReadWrite);
    auto imp = db.begin_import(words, "20250101T000000Z");
    imp->add(unit("1", "open the file", "файлды ашу"), {});
    imp->add(unit("2", "close the file now", "файлды жабу"), {});
    imp->commit();
  }
  {  // a second import appends a batch; ids keep growing
    SqliteTm db(path_, OpenMode::kReadWrite);
    auto imp = db.begin_import(words, "20250101T000000Z");
    imp->add(unit("3", "the file", "файл"), {});
    imp->commit();
  }
  SqliteTm db(path_, OpenMode::kReadOnly);
  const auto en = db.fuzzy_index("en-US");
  const auto file = token(*en, "file");
  ASSERT_TRUE(file.has_value());
  EXPECT_FALSE(token(*en, "файлды").has_value());  // Kazakh keys are another language's
  EXPECT_EQ(en->frequency(*file), 3u);
  // One range scan gives the lists of lengths 2..3, by length, with their signatures.
  std::vector<core::Posting> range;
  en->postings_range(*file, 2, 3, range);
  ASSERT_EQ(range.size(), 2u);  // "open the file" and "the file", not the 4-word one
  EXPECT_EQ(range[0].length, 2u);
  EXPECT_EQ(range[1].length, 3u);
  EXPECT_GT(range[0].id, range[1].id);  // "the file" came in the second import
  const std::vector<std::uint64_t> ids{range[1].id, range[0].id};
  for (const core::Posting& p : range) {
    EXPECT_EQ(p.signature, core::signature(en->tokens(p.id)));
    EXPECT_NE(p.signature & core::signature_bit(*file), 0u);
  }
  const auto entry = en->entry("file");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->token, *file);
  EXPECT_EQ(entry->frequency, 3u);
  EXPECT_FALSE(en->entry("nothing").has_value());
  EXPECT_EQ(en->tokens(ids[0]).size(), 3u);
  const auto u = db.unit_of_variant(static_cast<std::int64_t>(ids[1]));
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->unit.id, "3");
  std::size_t segments = 0;
  en->for_each_segment([&](std::uint64_t, std::vector<std::uint32_t>) { ++segments; });
  EXPECT_EQ(segments, 3u);
}

TEST_F(SqliteTmTest, ConcordanceIsBuiltOnDemand) {
  {
    SqliteTm db(path_, OpenMode::kReadWrite);
    auto imp = db.begin_import(words, "20250101T000000Z");
    imp->add(unit("1", "Open the file", "Файлды ашу"), {});
    imp->add(unit("2", "Close it", "Жабу"), {});
    imp->commit();
    EXPECT_FALSE(db.concordance_current());
    const auto lower = [](std::string_view, std::string_view t) {
      std::string s(t);
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    EXPECT_EQ(db.update_concordance(lower), 4u);
    EXPECT_TRUE(db.concordance_current());
    EXPECT_EQ(db.update_concordance(lower), 0u);
  }
  SqliteTm db(path_, OpenMode::kReadOnly);
  using Phrase = std::vector<ConcordanceTerm>;
  EXPECT_EQ(db.concordance(Phrase{{"file"}}, "", 10).size(), 1u);
  EXPECT_EQ(db.concordance(Phrase{{"open"}, {"the"}}, "en", 10).size(), 1u);
  EXPECT_TRUE(db.concordance(Phrase{{"the"}, {"open"}}, "en", 10).empty());  // order counts
  EXPECT_TRUE(db.concordance(Phrase{{"open"}, {"file"}}, "en", 10).empty());  // adjacent
  EXPECT_TRUE(db.concordance(Phrase{{"file"}}, "kk", 10).empty());
  EXPECT_TRUE(db.concordance(Phrase{{"жаб"}}, "kk", 10).empty());
  EXPECT_EQ(db.concordance(Phrase{{"жаб", true}}, "kk", 10).size(), 1u);
  EXPECT_TRUE(db.concordance(Phrase{}, "", 10).empty());
  // FTS5's own syntax in a key is a word like any other, not an operator.
  EXPECT_TRUE(db.concordance(Phrase{{"file\" OR \"open"}}, "", 10).empty());
  EXPECT_TRUE(db.concordance(Phrase{{"NEAR(file"}}, "", 10).empty());
}

TEST_F(SqliteTmTest, UncommittedImportLeavesNothing) {
  {
    SqliteTm db(path_, OpenMode::kReadWrite);
    auto imp = db.begin_import(words, "20250101T000000Z");
    imp->add(unit("1", "a b", "c d"), {});
  }  // destroyed without commit
  SqliteTm db(path_, OpenMode::kReadOnly);
  EXPECT_EQ(db.unit_count(), 0u);
}

TEST_F(SqliteTmTest, ClearErrors) {
  // Missing file, read-only.
  try {
    SqliteTm db((dir_ / "missing.db").string(), OpenMode::kReadOnly);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo);
  }
  // Not SQLite.
  std::ofstream(dir_ / "junk.db") << std::string(5000, 'x');
  try {
    SqliteTm db((dir_ / "junk.db").string(), OpenMode::kReadOnly);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput);
    EXPECT_NE(std::string(e.what()).find("not a tilmash TM"), std::string::npos) << e.what();
  }
  // Newer schema.
  { SqliteTm db(path_, OpenMode::kReadWrite); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  try {
    SqliteTm db(path_, OpenMode::kReadOnly);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kBadInput);
    EXPECT_NE(std::string(e.what()).find("newer tilmash"), std::string::npos) << e.what();
  }
}

// A version-1 TM (postings without signatures) is read as it is, and upgraded to version 2 in
// place when opened for writing, keeping every posting.
// Rewrites a schema-2 TM in version 1's layout: postings keyed (token, len, batch) WITHOUT
// ROWID with ids alone, one row per length also for segments over 65,534 words; vocab a rowid
// table with a UNIQUE index.
void downgrade_to_v1(sqlite3* raw) {
  ASSERT_EQ(sqlite3_exec(raw,
                         "CREATE TABLE p1(token INTEGER NOT NULL, len INTEGER NOT NULL, "
                         "batch INTEGER NOT NULL, ids BLOB NOT NULL, "
                         "PRIMARY KEY(token, len, batch)) WITHOUT ROWID; "
                         "INSERT INTO p1 SELECT key >> 35, (key >> 19) & 65535, key & 524287, "
                         "substr(ids, 1, length(ids) / 3) FROM postings "
                         "WHERE (key >> 19) & 65535 < 65535",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  // The long rows: ids, signatures, lengths (4 + 8 + 4 bytes a segment) -> a row per length.
  sqlite3_stmt* q = nullptr;
  sqlite3_stmt* ins = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw,
                               "SELECT key >> 35, key & 524287, ids FROM postings "
                               "WHERE (key >> 19) & 65535 = 65535",
                               -1, &q, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_prepare_v2(raw, "INSERT INTO p1 VALUES(?, ?, ?, ?)", -1, &ins, nullptr),
            SQLITE_OK);
  while (sqlite3_step(q) == SQLITE_ROW) {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(q, 2));
    const std::size_t k = static_cast<std::size_t>(sqlite3_column_bytes(q, 2)) / 16;
    std::map<std::uint32_t, std::string> by_len;
    for (std::size_t i = 0; i < k; ++i) {
      std::uint32_t len = 0;
      std::memcpy(&len, p + 12 * k + 4 * i, 4);  // little-endian, as the host
      by_len[len].append(reinterpret_cast<const char*>(p + 4 * i), 4);
    }
    for (const auto& [len, ids] : by_len) {
      sqlite3_bind_int64(ins, 1, sqlite3_column_int64(q, 0));
      sqlite3_bind_int64(ins, 2, len);
      sqlite3_bind_int64(ins, 3, sqlite3_column_int64(q, 1));
      sqlite3_bind_blob(ins, 4, ids.data(), static_cast<int>(ids.size()), SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(ins), SQLITE_DONE);
      sqlite3_reset(ins);
    }
  }
  sqlite3_finalize(q);
  sqlite3_finalize(ins);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TABLE postings; ALTER TABLE p1 RENAME TO postings; "
                         "CREATE TABLE v1(id INTEGER PRIMARY KEY, lang TEXT NOT NULL, "
                         "key TEXT NOT NULL, df INTEGER NOT NULL, UNIQUE(lang, key)); "
                         "INSERT INTO v1 SELECT id, lang, key, df FROM vocab; "
                         "DROP TABLE vocab; ALTER TABLE v1 RENAME TO vocab; "
                         "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
}

// A version-1 TM (postings without signatures) is read as it is, and upgraded to version 2 in
// place when opened for writing, keeping every posting: those of segments over 65,534 words,
// one row per length in version 1, merge into one row.
TEST_F(SqliteTmTest, Version1TmIsReadAndUpgraded) {
  const auto long_text = [](std::size_t n) {
    std::string t = "file";
    for (std::size_t i = 1; i < n; ++i) t.append(" x").append(std::to_string(i % 500));
    return t;
  };
  {
    SqliteTm db(path_, OpenMode::kReadWrite);
    auto imp = db.begin_import(words, "20250101T000000Z");
    imp->add(unit("1", "open the file", "файлды ашу"), {});
    imp->add(unit("2", "close the file", "файлды жабу"), {});
    imp->add(unit("3", "the file", "файл"), {});
    imp->add(unit("4", long_text(70000), "ұзын"), {});
    imp->add(unit("5", long_text(65600), "ұзын мәтін"), {});
    imp->commit();
  }
  std::vector<core::Posting> before;
  std::uint32_t file = 0;
  {
    SqliteTm db(path_, OpenMode::kReadOnly);
    file = *token(*db.fuzzy_index("en"), "file");
    db.fuzzy_index("en")->postings_range(file, 1, 100000, before);
  }
  ASSERT_EQ(before.size(), 5u);
  EXPECT_EQ(before[3].length, 70000u);  // the long row, by id
  EXPECT_EQ(before[4].length, 65600u);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  downgrade_to_v1(raw);
  sqlite3_close(raw);
  {
    SqliteTm db(path_, OpenMode::kReadOnly);
    std::vector<core::Posting> v1;
    db.fuzzy_index("en")->postings_range(file, 1, 100000, v1);
    // Version 1 lists long segments by length, version 2 by id within one row.
    const auto row = [](const core::Posting& p) {
      return std::pair(std::min<std::uint32_t>(p.length, 65535), p.id);
    };
    std::sort(v1.begin(), v1.end(),
              [&](const core::Posting& a, const core::Posting& b) { return row(a) < row(b); });
    ASSERT_EQ(v1.size(), before.size());
    for (std::size_t i = 0; i < v1.size(); ++i) {
      EXPECT_EQ(v1[i].id, before[i].id);
      EXPECT_EQ(v1[i].length, before[i].length);
      EXPECT_EQ(v1[i].signature, core::kAllBits);  // unknown: rules nothing out
    }
  }
  { SqliteTm db(path_, OpenMode::kReadWrite); }  // upgrades
  SqliteTm db(path_, OpenMode::kReadOnly);
  EXPECT_EQ(token(*db.fuzzy_index("en"), "file"), file);
  EXPECT_EQ(db.fuzzy_index("en")->entry("file")->frequency, 5u);
  std::vector<core::Posting> v2;
  db.fuzzy_index("en")->postings_range(file, 1, 100000, v2);
  EXPECT_EQ(v2, before);
  EXPECT_EQ(db.integrity_check(), "ok");
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT value FROM meta WHERE key = 'schema_version'", -1,
                               &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

TEST_F(SqliteTmTest, LockedAndReadOnly) {
  SqliteTm writer(path_, OpenMode::kReadWrite);
  auto imp = writer.begin_import(words, "20250101T000000Z");
  imp->add(unit("1", "a b", "c d"), {});
  SqliteTm other(path_, OpenMode::kReadWrite, /*busy_timeout_ms=*/50);
  try {
    auto second = other.begin_import(words, "20250101T000000Z");
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo);
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
  SqliteTm reader(path_, OpenMode::kReadOnly);  // readers work during an import (WAL)
  EXPECT_EQ(reader.unit_count(), 0u);
  imp->commit();
  EXPECT_EQ(reader.unit_count(), 1u);
  try {
    auto no = reader.begin_import(words, "20250101T000000Z");
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo);
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
  }
}

// open_tm picks the backend by location; this build's SQLite-only answer to a PostgreSQL URI
// names no password.
TEST_F(SqliteTmTest, OpenTmPicksTheBackend) {
  EXPECT_TRUE(is_postgres_uri("postgresql://u@h/db"));
  EXPECT_TRUE(is_postgres_uri("postgres:///db?host=/tmp"));
  EXPECT_FALSE(is_postgres_uri("tm.db"));
  EXPECT_FALSE(is_postgres_uri("postgresql.db"));
  {
    const std::unique_ptr<TmBackend> tm = open_tm(path_, OpenMode::kReadWrite);
    EXPECT_EQ(tm->location(), path_);
    EXPECT_NE(dynamic_cast<SqliteTm*>(tm.get()), nullptr);
    auto imp = tm->begin_import(words, "20250101T000000Z");
    imp->add(unit("1", "a b", "c d"), {});
    EXPECT_EQ(imp->commit().units_added, 1u);
  }
  EXPECT_EQ(open_tm(path_, OpenMode::kReadOnly)->unit_count(), 1u);
  try {
    open_tm("postgresql://me:secret@localhost/tm", OpenMode::kReadOnly);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tilmash::store
