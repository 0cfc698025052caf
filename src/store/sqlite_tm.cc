// SqliteTm: opening, the schema, the upgrade from version 1, snapshots and checks. Layout
// (schema version 2):
//   meta(key, value)            schema_version, next_batch, conc_upto
//   units(id, tuid, dedup, created, changed, document, origin, confidence, extra)
//   variants(id, unit_id, lang, ilang, text, inline_xml, created, changed, extra, toks)
//   vocab(lang, key, id, df)    WITHOUT ROWID, fuzzy keys per primary language, df = segments
//                               holding it; one b-tree search per key (version 1 had a rowid
//                               table and a UNIQUE index: two)
//   postings(key, ids)          one row per (token, length, batch): key = token * 2^35
//                               + min(length, 65535) * 2^19 + batch, so a token's lists lie
//                               together, by length, and the b-tree's interior pages hold bare
//                               integers (a WITHOUT ROWID table keeps whole rows, blobs
//                               included, in them: version 1's had 420 interior pages for 7,233
//                               leaves). ids: the k segments' variant ids (uint32 LE,
//                               ascending), their signatures (k uint64 LE, core/posting.h), and
//                               in the row of length 65535, which holds every longer segment,
//                               their lengths (k uint32 LE). Each import appends a batch.
//                               Version 1 had (token, len, batch, ids) WITHOUT ROWID and ids
//                               alone: lookups read such a TM with kAllBits signatures, and
//                               opening it for writing upgrades it (migrate_v1()).
//   conc                        FTS5, contentless, rowid = variant id (built on demand)
// `extra` and `toks` are varint-encoded blobs (store/extra_codec.h, store/postings_codec.h);
// postings blobs and keys: store/postings_codec.h. Every import is one
// transaction (BEGIN IMMEDIATE … COMMIT) in WAL mode, so a crash leaves the state before it.
#include "store/sqlite_tm.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "store/postings_codec.h"
#include "store/sqlite_detail.h"

namespace tilmash::store {

namespace sqlite {

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& path, const std::string& doing) {
  const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StoreError(StoreError::Kind::kIo, path,
                       doing + ": the TM is locked by another process (an import?); try again");
    case SQLITE_READONLY:
      throw StoreError(StoreError::Kind::kIo, path,
                       doing + ": the TM is read-only (check the permissions of the file and "
                               "its folder)");
    case SQLITE_FULL:
      throw StoreError(StoreError::Kind::kIo, path, doing + ": disk full; nothing was changed");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw StoreError(StoreError::Kind::kBadInput, path,
                       doing + ": not a tilmash TM or a corrupt one (SQLite: " + detail + ")");
    case SQLITE_IOERR:
      throw StoreError(StoreError::Kind::kIo, path,
                       doing + ": " + detail + " (disk full, or over a file size limit?)");
    default:
      throw StoreError(StoreError::Kind::kIo, path, doing + ": " + detail);
  }
}

}  // namespace sqlite

using namespace sqlite;  // NOLINT: this backend's own helpers

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE units(id INTEGER PRIMARY KEY, tuid TEXT, dedup INTEGER NOT NULL, created TEXT,
  changed TEXT, document TEXT, origin TEXT, confidence REAL, extra BLOB);
CREATE INDEX units_dedup ON units(dedup);
CREATE TABLE variants(id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, lang TEXT NOT NULL,
  ilang TEXT NOT NULL, text TEXT NOT NULL, inline_xml TEXT, created TEXT, changed TEXT,
  extra BLOB, toks BLOB);
CREATE INDEX variants_unit ON variants(unit_id);
CREATE TABLE vocab(lang TEXT NOT NULL, key TEXT NOT NULL, id INTEGER NOT NULL,
  df INTEGER NOT NULL, PRIMARY KEY(lang, key)) WITHOUT ROWID;
CREATE UNIQUE INDEX vocab_id ON vocab(id);
CREATE TABLE postings(key INTEGER PRIMARY KEY, ids BLOB NOT NULL);
CREATE VIRTUAL TABLE conc USING fts5(keys, content='', tokenize='unicode61 remove_diacritics 0');
INSERT INTO meta VALUES('schema_version', '2'), ('next_batch', '1'), ('conc_upto', '0');
)sql";

}  // namespace

struct SqliteTm::Cache {
  std::unordered_map<const char*, sqlite3_stmt*> stmts;
  ~Cache() {
    for (auto& [sql, st] : stmts) sqlite3_finalize(st);
  }
};

sqlite3_stmt* SqliteTm::prepare(const char* sql) const {
  auto it = cache_->stmts.find(sql);
  if (it != cache_->stmts.end()) return it->second;
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, path_, "reading the TM");
  cache_->stmts.emplace(sql, st);
  return st;
}

SqliteTm::SqliteTm(std::string path, OpenMode mode, int busy_timeout_ms)
    : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms), cache_(std::make_unique<Cache>()) {
  const int flags = (mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                    | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(StoreError::Kind::kIo, path_,
                     mode == OpenMode::kReadOnly
                         ? "cannot open the TM (" + msg + "); create it with 'tilmash tm import'"
                         : "cannot open or create the TM (" + msg + ")");
  }
  try {
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    read_only_ = mode == OpenMode::kReadOnly || sqlite3_db_readonly(db_, "main") == 1;
    if (mode == OpenMode::kReadWrite && read_only_) {
      fail(db_, SQLITE_READONLY, path_, "opening for import");
    }
    // Is it ours? An empty file (just created) gets the schema.
    sqlite3_stmt* st = nullptr;
    rc = sqlite3_prepare_v2(db_, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    const std::int64_t tables = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) fail(db_, rc, path_, "opening the TM");
    if (tables == 0) {
      if (read_only_) {
        throw StoreError(StoreError::Kind::kBadInput, path_, "empty file, not a tilmash TM");
      }
      init_schema();
    }
    rc = sqlite3_prepare_v2(db_, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                            nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(st);
      if ((rc & 0xFF) == SQLITE_ERROR) {
        throw StoreError(StoreError::Kind::kBadInput, path_,
                         "an SQLite database but not a tilmash TM (no meta table)");
      }
      fail(db_, rc, path_, "opening the TM");
    }
    rc = sqlite3_step(st);
    const int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db_, rc, path_, "opening the TM");
    if (version > kSchemaVersion) {
      throw StoreError(StoreError::Kind::kBadInput, path_,
                       "TM schema version " + std::to_string(version)
                           + " was written by a newer tilmash (this one reads up to "
                           + std::to_string(kSchemaVersion) + "); upgrade tilmash");
    }
    if (version < 1) {
      throw StoreError(StoreError::Kind::kBadInput, path_, "not a tilmash TM (no schema version)");
    }
    schema_version_ = version;
    // Lookups read a few dozen scattered pages each. Measured on the 2-core VM this runs on, a
    // page fault costs ~48 us for a file mapping and ~21 us per fresh 4 KiB of heap, a 16 KiB
    // pread ~8 us: so no memory map, and a small page cache that is recycled rather than grown
    // (200 lookups on the synthetic 1M TM: 2.4x faster than with a 4 GiB map and 256 MiB cache;
    // on 200k, CPU per batch 1 MiB 69 ms, 2 MiB 67 ms, 4 MiB 79 ms, 8 MiB 92 ms).
    // Imports append to the tables in key order except for the dedup index, which 32 MiB
    // holds at 1M units; a larger cache only costs page faults as it grows (1M units:
    // 256 MiB = ~65k faults, ~1.4 s).
    exec(db_, path_,
         read_only_ ? "PRAGMA cache_size = -2048; PRAGMA mmap_size = 0;"
                    : "PRAGMA cache_size = -32768; PRAGMA mmap_size = 0;",
         "opening");
    if (!read_only_) {
      exec(db_, path_, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", "opening");
      if (schema_version_ < kSchemaVersion) migrate_v1();
    }
  } catch (...) {
    cache_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteTm::~SqliteTm() {
  cache_.reset();
  if (db_ != nullptr) sqlite3_close(db_);
}

void SqliteTm::init_schema() {
  // 16 KiB pages: long posting lists span 4x fewer overflow pages than with the default 4 KiB.
  exec(db_, path_, "PRAGMA page_size = 16384", "creating the TM");
  exec(db_, path_, "PRAGMA journal_mode = WAL", "creating the TM");
  exec(db_, path_, "BEGIN IMMEDIATE", "creating the TM");
  const int rc = sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    fail(db_, rc, path_, "creating the TM");
  }
  exec(db_, path_, "COMMIT", "creating the TM");
}

// Schema 1 -> 2: the postings move to integer keys and gain their segments' signatures,
// computed from variants.toks. One transaction: a crash leaves the version-1 file, which reads
// as before.
void SqliteTm::migrate_v1() {
  exec(db_, path_, "BEGIN IMMEDIATE", "upgrading the TM to schema 2");
  try {
    {
      Stmt q(prepare("SELECT value FROM meta WHERE key = 'schema_version'"), db_, path_);
      if (q.step("upgrading the TM") && sqlite3_column_int(q.get(), 0) >= 2) {
        exec(db_, path_, "COMMIT", "upgrading the TM");  // another process did it meanwhile
        schema_version_ = 2;
        return;
      }
    }
    std::vector<std::uint64_t> sigs;  // by variant id
    {
      Stmt q(prepare("SELECT id, toks FROM variants"), db_, path_);
      while (q.step("upgrading the TM")) {
        const auto id = static_cast<std::size_t>(sqlite3_column_int64(q.get(), 0));
        if (id >= sigs.size()) sigs.resize(std::max(id + 1, 2 * sigs.size()), 0);
        sigs[id] = core::signature(decode_tokens(col_blob(q.get(), 1)));
      }
    }
    const auto signature_of = [&sigs](std::uint32_t id) {
      return id < sigs.size() ? sigs[id] : core::kAllBits;
    };
    exec(db_, path_, "CREATE TABLE postings2(key INTEGER PRIMARY KEY, ids BLOB NOT NULL)",
         "upgrading the TM");
    {
      Stmt q(prepare("SELECT token, len, batch, ids FROM postings"), db_, path_);
      Stmt ins(prepare("INSERT INTO postings2(key, ids) VALUES(?, ?)"), db_, path_);
      // Rows of kLongLen words or more merge into one per (token, batch): written last.
      using IdLength = std::pair<std::uint32_t, std::uint32_t>;
      std::map<std::pair<std::int64_t, std::int64_t>, std::vector<IdLength>> long_rows;
      std::vector<std::uint32_t> ids;
      std::vector<std::uint32_t> lens;
      std::string blob;
      const auto write = [&](std::int64_t key) {
        encode_postings(ids, signature_of, lens, blob);
        sqlite3_bind_int64(ins.get(), 1, key);
        bind_blob_ref(ins.get(), 2, blob);
        ins.step("upgrading the TM");
        sqlite3_reset(ins.get());
      };
      while (q.step("upgrading the TM")) {
        const std::int64_t token = sqlite3_column_int64(q.get(), 0);
        const std::int64_t len = sqlite3_column_int64(q.get(), 1);
        const std::int64_t batch = sqlite3_column_int64(q.get(), 2);
        if (token < 0 || static_cast<std::uint64_t>(token) > kMaxToken || len < 0 || batch < 0
            || batch > kMaxBatch) {
          throw StoreError(StoreError::Kind::kBadInput, path_,
                           "upgrading the TM: an index row out of range (a corrupt TM?)");
        }
        const std::string_view old = col_blob(q.get(), 3);
        const auto* p = reinterpret_cast<const unsigned char*>(old.data());
        ids.clear();
        for (std::size_t i = 0; i + 4 <= old.size(); i += 4) {
          ids.push_back(static_cast<std::uint32_t>(load_le(p + i, 4)));
        }
        if (static_cast<std::uint64_t>(len) >= kLongLen) {
          auto& row = long_rows[{token, batch}];
          for (std::uint32_t id : ids) row.emplace_back(id, static_cast<std::uint32_t>(len));
          continue;
        }
        lens.clear();
        write(postings_key(static_cast<std::uint64_t>(token), static_cast<std::uint64_t>(len),
                           batch));
      }
      for (auto& [tb, row] : long_rows) {
        std::sort(row.begin(), row.end());
        ids.clear();
        lens.clear();
        for (const auto& [id, len] : row) {
          ids.push_back(id);
          lens.push_back(len);
        }
        write(postings_key(static_cast<std::uint64_t>(tb.first), kLongLen, tb.second));
      }
    }
    exec(db_, path_,
         "DROP TABLE postings; ALTER TABLE postings2 RENAME TO postings; "
         "CREATE TABLE vocab2(lang TEXT NOT NULL, key TEXT NOT NULL, id INTEGER NOT NULL, "
         "df INTEGER NOT NULL, PRIMARY KEY(lang, key)) WITHOUT ROWID; "
         "INSERT INTO vocab2(lang, key, id, df) SELECT lang, key, id, df FROM vocab; "
         "DROP TABLE vocab; ALTER TABLE vocab2 RENAME TO vocab; "
         "CREATE UNIQUE INDEX vocab_id ON vocab(id); "
         "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
         "upgrading the TM");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  exec(db_, path_, "COMMIT", "upgrading the TM");
  schema_version_ = 2;
}

// ---------------------------------------------------------------------------------------------
// Snapshots and checks

// One read transaction for as long as it lives. Not during an import.
class SqliteSnapshot final : public ReadSnapshot {
 public:
  explicit SqliteSnapshot(const SqliteTm& tm);
  ~SqliteSnapshot() override;
  SqliteSnapshot(const SqliteSnapshot&) = delete;
  SqliteSnapshot& operator=(const SqliteSnapshot&) = delete;

 private:
  const SqliteTm& tm_;
};

std::unique_ptr<ReadSnapshot> SqliteTm::read_snapshot() const {
  return std::make_unique<SqliteSnapshot>(*this);
}

// Prepared once: a --queries batch opens one scope per query.
SqliteSnapshot::SqliteSnapshot(const SqliteTm& tm) : tm_(tm) {
  Stmt begin(tm_.prepare("BEGIN"), tm_.db_, tm_.path_);
  begin.step("reading the TM");
}

SqliteSnapshot::~SqliteSnapshot() {
  sqlite3_stmt* commit = nullptr;
  try {
    commit = tm_.prepare("COMMIT");
  } catch (const StoreError&) {
    sqlite3_exec(tm_.db_, "COMMIT", nullptr, nullptr, nullptr);
    return;
  }
  sqlite3_step(commit);
  sqlite3_reset(commit);
}

std::int64_t SqliteTm::data_version() const {
  Stmt q(prepare("PRAGMA data_version"), db_, path_);
  return q.step("reading the TM") ? sqlite3_column_int64(q.get(), 0) : 0;
}

std::string SqliteTm::integrity_check() const {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db_, "PRAGMA integrity_check", -1, &st, nullptr);
  std::string out;
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (!out.empty()) out += "; ";
      out += col_text(st, 0);
    }
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) fail(db_, rc, path_, "checking the TM");
  return out;
}

}  // namespace tilmash::store
