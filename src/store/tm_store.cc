// SQLite TM store. Layout (schema version 2):
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
// `extra` and `toks` are varint-encoded blobs (see put_varint). Every import is one
// transaction (BEGIN IMMEDIATE … COMMIT) in WAL mode, so a crash leaves the state before it.
#include "store/tm_store.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <sqlite3.h>

#include "store/extra_codec.h"
#include "store/postings_codec.h"
#include "store/unit_keys.h"

namespace tilmash::store {

StoreError::StoreError(Kind kind, const std::string& path, const std::string& message)
    : std::runtime_error(path + ": error: " + message),
      kind_(kind),
      path_(path),
      message_(message) {}

namespace {

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

std::string_view col_text(sqlite3_stmt* st, int i) {
  const auto* p = sqlite3_column_text(st, i);
  return p == nullptr ? std::string_view{}
                      : std::string_view(reinterpret_cast<const char*>(p),
                                         static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
}

std::string_view col_blob(sqlite3_stmt* st, int i) {
  const void* p = sqlite3_column_blob(st, i);
  return p == nullptr ? std::string_view{}
                      : std::string_view(static_cast<const char*>(p),
                                         static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
}

void bind_text(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// Without a copy: for the import's inserts, whose values outlive the statement's step.
void bind_text_ref(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}

void bind_blob_ref(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_blob(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}

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

struct TmStore::Cache {
  std::unordered_map<const char*, sqlite3_stmt*> stmts;
  ~Cache() {
    for (auto& [sql, st] : stmts) sqlite3_finalize(st);
  }
};

// A statement from the cache, reset and unbound when the scope ends.
class Stmt {
 public:
  Stmt(sqlite3_stmt* st, sqlite3* db, const std::string& path) : st_(st), db_(db), path_(path) {}
  ~Stmt() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  sqlite3_stmt* get() const { return st_; }
  // True for a row, false when done; throws StoreError on failure.
  bool step(const char* doing) {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, path_, doing);
  }

 private:
  sqlite3_stmt* st_;
  sqlite3* db_;
  const std::string& path_;
};

sqlite3_stmt* TmStore::prepare(const char* sql) const {
  auto it = cache_->stmts.find(sql);
  if (it != cache_->stmts.end()) return it->second;
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, path_, "reading the TM");
  cache_->stmts.emplace(sql, st);
  return st;
}

namespace {
void exec(sqlite3* db, const std::string& path, const char* sql, const char* doing) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, path, doing);
}
}  // namespace

TmStore::TmStore(std::string path, OpenMode mode, int busy_timeout_ms)
    : path_(std::move(path)), cache_(std::make_unique<Cache>()) {
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

TmStore::~TmStore() {
  cache_.reset();
  if (db_ != nullptr) sqlite3_close(db_);
}

void TmStore::init_schema() {
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
void TmStore::migrate_v1() {
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
// Import

namespace {

// Token ids of the fuzzy keys of one language. The import looks up every word of every
// variant (~50M lookups for 1M units), where std::unordered_map's bucket division and node
// chasing were ~15 % of the import's time. Open addressing with linear probing over a
// power-of-two table (Knuth, TAOCP vol. 3, §6.4, algorithm L) at most half full: usually one
// probe, the hash stored to skip most key comparisons, the keys in one arena.
class KeyIds {
 public:
  // The id of `key`; unknown keys get `fresh` (.second: true).
  std::pair<std::uint32_t, bool> find_or_add(std::string_view key, std::uint32_t fresh) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::size_t h = std::hash<std::string_view>{}(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.len == kEmpty) {
        slot = Slot{h, arena_.size(), static_cast<std::uint32_t>(key.size()), fresh};
        arena_.append(key);
        ++size_;
        return {fresh, true};
      }
      if (slot.hash == h && slot.len == key.size()
          && std::string_view(arena_).substr(slot.offset, slot.len) == key) {
        return {slot.id, false};
      }
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    std::size_t hash = 0;
    std::size_t offset = 0;
    std::uint32_t len = kEmpty;
    std::uint32_t id = 0;
  };
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.len == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].len != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t size_ = 0;
};

}  // namespace

struct TmStore::Import::State {
  TmStore* store = nullptr;
  Keyer keyer;
  std::string now;
  ImportStats stats;
  bool open = false;
  // ilang -> key -> id
  std::unordered_map<std::string, KeyIds> vocab;
  std::vector<std::pair<std::string, std::string>> new_keys;  // in id order from first_new
  std::uint32_t first_new = 1;
  // Per token id: this import's postings as varint pairs (length, id - previous id), ids
  // ascending since variants are added in id order (~3 bytes a posting: the 1M-unit import
  // holds its ~50M postings in ~150 MB), and how many segments gained the token. Written once
  // at commit, one batch per (token, length): lookups read one row per list, not one per
  // flush, and nothing needs sorting.
  std::vector<std::string> postings;
  // The signature of each variant this import adds (ids from sig_base, ascending).
  std::vector<std::uint64_t> sigs;
  std::uint32_t sig_base = 0;
  std::vector<std::uint32_t> last_id;
  std::vector<std::uint64_t> df_delta;
  std::int64_t next_batch = 1;
  std::unordered_set<std::int64_t> dedups;  // every unit's dedup hash: most units need no query

  void add_posting(std::uint32_t token, std::uint32_t len, std::uint32_t id) {
    if (token >= postings.size()) {
      const std::size_t n = std::max<std::size_t>(token + 1, postings.size() * 2);
      postings.resize(n);
      last_id.resize(n, 0);
      df_delta.resize(n, 0);
    }
    put_varint(postings[token], len);
    put_varint(postings[token], id - last_id[token]);
    last_id[token] = id;
    ++df_delta[token];
  }
  void write_postings();
};

void TmStore::Import::State::write_postings() {
  Stmt ins(store->prepare("INSERT INTO postings(key, ids) VALUES(?, ?)"), store->db_,
           store->path_);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // length, id
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> lens;
  std::vector<std::size_t> start;
  std::string blob;
  const auto signature_of = [this](std::uint32_t id) { return sigs[id - sig_base]; };
  const auto row_of = [](std::uint64_t len) {  // postings row: the length, up to kLongLen
    return static_cast<std::size_t>(std::min(len, kLongLen));
  };
  for (std::size_t token = 0; token < postings.size(); ++token) {
    if (postings[token].empty()) continue;
    pairs.clear();
    std::string_view in = postings[token];
    std::uint32_t id = 0;
    std::size_t max_row = 0;
    for (std::uint64_t len = 0, delta = 0; get_varint(in, len) && get_varint(in, delta);) {
      id += static_cast<std::uint32_t>(delta);
      pairs.emplace_back(static_cast<std::uint32_t>(len), id);
      max_row = std::max(max_row, row_of(len));
    }
    std::string().swap(postings[token]);
    // Counting sort by row: stable, so each row's ids stay ascending.
    start.assign(max_row + 2, 0);
    for (const auto& pr : pairs) ++start[row_of(pr.first) + 1];
    for (std::size_t l = 1; l < start.size(); ++l) start[l] += start[l - 1];
    ids.resize(pairs.size());
    lens.resize(pairs.size());
    for (const auto& pr : pairs) {
      const std::size_t at = start[row_of(pr.first)]++;
      ids[at] = pr.second;
      lens[at] = pr.first;
    }
    // start[r] is now the end of row r's run.
    std::size_t from = 0;
    for (std::size_t row = 0; row <= max_row; ++row) {
      const std::size_t to = start[row];
      if (to == from) continue;
      const std::span<const std::uint32_t> run_ids(ids.data() + from, to - from);
      const std::span<const std::uint32_t> run_lens(lens.data() + from, to - from);
      encode_postings(run_ids, signature_of,
                      row == kLongLen ? run_lens : std::span<const std::uint32_t>(), blob);
      sqlite3_bind_int64(ins.get(), 1, postings_key(token, row, next_batch));
      bind_blob_ref(ins.get(), 2, blob);
      ins.step("writing the index");
      sqlite3_reset(ins.get());
      from = to;
    }
  }
  ++next_batch;
}

TmStore::Import::Import(std::unique_ptr<State> state) : s_(std::move(state)) {}
TmStore::Import::Import(Import&&) noexcept = default;

TmStore::Import::~Import() {
  if (s_ && s_->open) sqlite3_exec(s_->store->db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

const ImportStats& TmStore::Import::stats() const { return s_->stats; }

TmStore::Import TmStore::begin_import(Keyer keyer, std::string now) {
  if (read_only_) fail(db_, SQLITE_READONLY, path_, "importing");
  auto s = std::make_unique<Import::State>();
  s->store = this;
  s->keyer = std::move(keyer);
  s->now = std::move(now);
  exec(db_, path_, "BEGIN IMMEDIATE", "starting the import");
  s->open = true;
  Import imp(std::move(s));
  Import::State& st = *imp.s_;
  {
    Stmt q(prepare("SELECT id, lang, key FROM vocab"), db_, path_);
    std::uint32_t max_id = 0;
    while (q.step("reading the index")) {
      const auto id = static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0));
      st.vocab[std::string(col_text(q.get(), 1))].find_or_add(col_text(q.get(), 2), id);
      max_id = std::max(max_id, id);
    }
    st.first_new = max_id + 1;
  }
  {
    Stmt q(prepare("SELECT dedup FROM units"), db_, path_);
    while (q.step("reading the TM")) st.dedups.insert(sqlite3_column_int64(q.get(), 0));
  }
  {
    Stmt q(prepare("SELECT value FROM meta WHERE key = 'next_batch'"), db_, path_);
    if (q.step("reading the TM")) st.next_batch = sqlite3_column_int64(q.get(), 0);
  }
  if (st.next_batch > kMaxBatch) {
    throw StoreError(StoreError::Kind::kBadInput, path_,
                     "this TM has had " + std::to_string(kMaxBatch)
                         + " imports, the most its index can tell apart; export it ('tilmash "
                           "tm export') and import that file into a new TM");
  }
  return imp;
}

void TmStore::Import::add(const core::TranslationUnit& unit, const Provenance& provenance,
                          std::optional<double> confidence,
                          std::vector<VariantKeys>* given) {
  State& st = *s_;
  TmStore& db = *st.store;
  ++st.stats.units_read;
  UnitKey key(unit);
  if (!key.storable()) {
    ++st.stats.units_skipped;
    return;
  }
  const auto dedup = static_cast<std::int64_t>(key.fnv64());
  const UnitDates dates = import_dates(unit, st.now);
  if (!st.dedups.insert(dedup).second) {
    Stmt find(db.prepare("SELECT id, created, changed FROM units WHERE dedup = ?"), db.db_,
              db.path_);
    sqlite3_bind_int64(find.get(), 1, dedup);
    while (find.step("looking for duplicates")) {
      const std::int64_t uid = sqlite3_column_int64(find.get(), 0);
      Stmt vars(db.prepare("SELECT lang, text FROM variants WHERE unit_id = ?"), db.db_, db.path_);
      sqlite3_bind_int64(vars.get(), 1, uid);
      std::vector<std::pair<std::string, std::string>> have;
      while (vars.step("looking for duplicates")) {
        have.emplace_back(std::string(col_text(vars.get(), 0)), std::string(col_text(vars.get(), 1)));
      }
      if (!key.matches(std::move(have))) continue;
      const UnitDates merged = merge_dates(
          {std::string(col_text(find.get(), 1)), std::string(col_text(find.get(), 2))}, dates);
      Stmt upd(db.prepare("UPDATE units SET created = ?1, changed = ?2 WHERE id = ?3"), db.db_,
               db.path_);
      bind_text(upd.get(), 1, merged.created);
      bind_text(upd.get(), 2, merged.changed);
      sqlite3_bind_int64(upd.get(), 3, uid);
      upd.step("merging a duplicate");
      ++st.stats.units_merged;
      return;
    }
  }
  std::int64_t uid = 0;
  {
    Stmt ins(db.prepare("INSERT INTO units(tuid, dedup, created, changed, document, origin, "
                        "confidence, extra) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
             db.db_, db.path_);
    if (unit.id.empty()) {
      sqlite3_bind_null(ins.get(), 1);
    } else {
      bind_text(ins.get(), 1, unit.id);
    }
    sqlite3_bind_int64(ins.get(), 2, dedup);
    bind_text_ref(ins.get(), 3, dates.created);
    bind_text_ref(ins.get(), 4, dates.changed);
    bind_text_ref(ins.get(), 5, provenance.document);
    bind_text_ref(ins.get(), 6, provenance.origin);
    if (confidence) {
      sqlite3_bind_double(ins.get(), 7, *confidence);
    } else {
      sqlite3_bind_null(ins.get(), 7);
    }
    const std::string extra = encode_extra(unit.props, unit.notes, unit.attrs);
    bind_blob_ref(ins.get(), 8, extra);
    ins.step("adding a unit");
    uid = sqlite3_last_insert_rowid(db.db_);
  }
  // The normalised copies served the dedup key only: freed before the rows are written.
  key.release();
  Stmt ins(db.prepare("INSERT INTO variants(unit_id, lang, ilang, text, inline_xml, created, "
                      "changed, extra, toks) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
           db.db_, db.path_);
  std::string toks;
  std::vector<std::uint32_t> ids;
  for (const UnitKey::Counted& counted : key.variants()) {
    const core::Variant* const v = counted.variant;
    const std::string ilang = index_lang(v->lang);
    const auto at = static_cast<std::size_t>(v - unit.variants.data());
    VariantKeys computed;
    if (given == nullptr || at >= given->size()) computed = st.keyer(v->lang, v->text);
    const VariantKeys& keys = given != nullptr && at < given->size() ? (*given)[at] : computed;
    const auto len = static_cast<std::uint32_t>(keys.words.size());
    ids.clear();
    ids.reserve(len);
    toks.clear();
    KeyIds& vocab = st.vocab[ilang];
    for (const std::string_view k : keys.words) {
      const auto fresh = static_cast<std::uint32_t>(st.first_new + st.new_keys.size());
      const auto [id, added] = vocab.find_or_add(k, fresh);
      if (added) {
        if (fresh > kMaxToken) {
          throw StoreError(StoreError::Kind::kBadInput, db.path_,
                           "the TM's index is full (" + std::to_string(kMaxToken)
                               + " distinct words); split the TM");
        }
        st.new_keys.emplace_back(ilang, k);
      }
      ids.push_back(id);
      put_varint(toks, id);
    }
    if (given != nullptr && at < given->size()) (*given)[at] = VariantKeys{};  // consumed
    sqlite3_bind_int64(ins.get(), 1, uid);
    bind_text_ref(ins.get(), 2, v->lang);
    bind_text_ref(ins.get(), 3, ilang);
    bind_text_ref(ins.get(), 4, v->text);
    if (v->inline_xml.empty()) {
      sqlite3_bind_null(ins.get(), 5);
    } else {
      bind_text_ref(ins.get(), 5, v->inline_xml);
    }
    bind_text_ref(ins.get(), 6, v->creationdate);
    bind_text_ref(ins.get(), 7, v->changedate);
    const std::string extra = encode_extra(v->props, v->notes, v->attrs);
    bind_blob_ref(ins.get(), 8, extra);
    bind_blob_ref(ins.get(), 9, toks);
    ins.step("adding a variant");
    sqlite3_reset(ins.get());
    const auto vid = static_cast<std::uint32_t>(sqlite3_last_insert_rowid(db.db_));
    // Each distinct token once: last_id[t] == vid once t has a posting for this variant (ids
    // only grow, so no earlier variant has vid). Linear, where sorting a 20 MB segment's
    // millions of ids took a quarter of a second.
    if (st.sigs.empty()) st.sig_base = vid;
    st.sigs.resize(std::max<std::size_t>(st.sigs.size(), vid - st.sig_base + 1), 0);
    st.sigs[vid - st.sig_base] = core::signature(ids);
    for (std::uint32_t t : ids) {
      if (t < st.last_id.size() && st.last_id[t] == vid) continue;
      st.add_posting(t, len, vid);
    }
  }
  ++st.stats.units_added;
}

ImportStats TmStore::Import::commit() {
  State& st = *s_;
  TmStore& db = *st.store;
  st.write_postings();
  {
    Stmt ins(db.prepare("INSERT INTO vocab(id, lang, key, df) VALUES(?, ?, ?, ?)"), db.db_,
             db.path_);
    for (std::size_t i = 0; i < st.new_keys.size(); ++i) {
      const std::size_t id = st.first_new + i;
      std::uint64_t df = 0;
      if (id < st.df_delta.size()) std::swap(df, st.df_delta[id]);  // no UPDATE for new keys
      sqlite3_bind_int64(ins.get(), 1, static_cast<std::int64_t>(id));
      bind_text(ins.get(), 2, st.new_keys[i].first);
      bind_text(ins.get(), 3, st.new_keys[i].second);
      sqlite3_bind_int64(ins.get(), 4, static_cast<std::int64_t>(df));
      ins.step("writing the index");
      sqlite3_reset(ins.get());
    }
  }
  {
    Stmt upd(db.prepare("UPDATE vocab SET df = df + ? WHERE id = ?"), db.db_, db.path_);
    for (std::size_t id = 0; id < st.df_delta.size(); ++id) {
      const std::uint64_t d = st.df_delta[id];
      if (d == 0) continue;
      sqlite3_bind_int64(upd.get(), 1, static_cast<std::int64_t>(d));
      sqlite3_bind_int64(upd.get(), 2, static_cast<std::int64_t>(id));
      upd.step("writing the index");
      sqlite3_reset(upd.get());
    }
  }
  {
    Stmt upd(db.prepare("UPDATE meta SET value = ? WHERE key = 'next_batch'"), db.db_, db.path_);
    sqlite3_bind_int64(upd.get(), 1, st.next_batch);
    upd.step("writing the TM");
  }
  const int rc = sqlite3_exec(db.db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db.db_, rc, db.path_, "committing the import");
  st.open = false;
  return st.stats;
}

// ---------------------------------------------------------------------------------------------
// Reading

std::size_t TmStore::unit_count() const {
  Stmt q(prepare("SELECT count(*) FROM units"), db_, path_);
  return q.step("counting units") ? static_cast<std::size_t>(sqlite3_column_int64(q.get(), 0)) : 0;
}

namespace {
// Columns: u.id, tuid, u.created, u.changed, document, origin, confidence, u.extra,
//          v.id, lang, text, inline_xml, v.created, v.changed, v.extra
constexpr const char* kUnitColumns =
    "SELECT u.id, u.tuid, u.created, u.changed, u.document, u.origin, u.confidence, u.extra, "
    "v.id, v.lang, v.text, v.inline_xml, v.created, v.changed, v.extra "
    "FROM units u JOIN variants v ON v.unit_id = u.id ";

void read_unit_head(sqlite3_stmt* st, StoredUnit& u) {
  u.id = sqlite3_column_int64(st, 0);
  u.unit.id = std::string(col_text(st, 1));
  u.unit.creationdate = std::string(col_text(st, 2));
  u.unit.changedate = std::string(col_text(st, 3));
  u.provenance.document = std::string(col_text(st, 4));
  u.provenance.origin = std::string(col_text(st, 5));
  if (sqlite3_column_type(st, 6) != SQLITE_NULL) u.confidence = sqlite3_column_double(st, 6);
  decode_extra(col_blob(st, 7), u.unit.props, u.unit.notes, u.unit.attrs);
}

void read_variant(sqlite3_stmt* st, StoredUnit& u) {
  core::Variant v;
  v.lang = std::string(col_text(st, 9));
  v.text = std::string(col_text(st, 10));
  v.inline_xml = std::string(col_text(st, 11));
  v.creationdate = std::string(col_text(st, 12));
  v.changedate = std::string(col_text(st, 13));
  decode_extra(col_blob(st, 14), v.props, v.notes, v.attrs);
  u.variant_ids.push_back(sqlite3_column_int64(st, 8));
  u.unit.variants.push_back(std::move(v));
}
}  // namespace

void TmStore::for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const {
  static const std::string sql = std::string(kUnitColumns) + "ORDER BY u.id, v.id";
  Stmt q(prepare(sql.c_str()), db_, path_);
  std::optional<StoredUnit> cur;
  while (q.step("reading units")) {
    const std::int64_t uid = sqlite3_column_int64(q.get(), 0);
    if (cur && cur->id != uid) {
      if (!fn(*cur)) return;
      cur.reset();
    }
    if (!cur) {
      cur.emplace();
      read_unit_head(q.get(), *cur);
    }
    read_variant(q.get(), *cur);
  }
  if (cur) fn(*cur);
}

std::optional<StoredUnit> TmStore::unit_of_variant(std::int64_t variant_id) const {
  static const std::string sql = std::string(kUnitColumns)
                                 + "WHERE u.id = (SELECT unit_id FROM variants WHERE id = ?) "
                                   "ORDER BY v.id";
  Stmt q(prepare(sql.c_str()), db_, path_);
  sqlite3_bind_int64(q.get(), 1, variant_id);
  std::optional<StoredUnit> u;
  while (q.step("reading a unit")) {
    if (!u) {
      u.emplace();
      read_unit_head(q.get(), *u);
    }
    read_variant(q.get(), *u);
  }
  return u;
}

TmStore::FuzzyIndex TmStore::fuzzy_index(std::string_view lang) const {
  return FuzzyIndex(this, index_lang(lang));
}

std::optional<std::uint32_t> TmStore::FuzzyIndex::token(std::string_view key) const {
  Stmt q(store_->prepare("SELECT id FROM vocab WHERE lang = ? AND key = ?"), store_->db_,
         store_->path_);
  bind_text(q.get(), 1, lang_);
  bind_text(q.get(), 2, key);
  if (!q.step("reading the index")) return std::nullopt;
  return static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0));
}

std::optional<TmStore::FuzzyIndex::Entry> TmStore::FuzzyIndex::entry(std::string_view key) const {
  Stmt q(store_->prepare("SELECT id, df FROM vocab WHERE lang = ? AND key = ?"), store_->db_,
         store_->path_);
  bind_text(q.get(), 1, lang_);
  bind_text(q.get(), 2, key);
  if (!q.step("reading the index")) return std::nullopt;
  return Entry{static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0)),
               static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 1))};
}

std::uint64_t TmStore::FuzzyIndex::frequency(std::uint32_t token) const {
  Stmt q(store_->prepare("SELECT df FROM vocab WHERE id = ?"), store_->db_, store_->path_);
  sqlite3_bind_int64(q.get(), 1, token);
  return q.step("reading the index") ? static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 0))
                                     : 0;
}

void TmStore::FuzzyIndex::postings_range(std::uint32_t token, std::size_t min_len,
                                         std::size_t max_len,
                                         std::vector<core::Posting>& out) const {
  const auto clamp = [](std::size_t n) {
    return static_cast<std::int64_t>(std::min<std::size_t>(n, 1u << 30));
  };
  if (store_->schema_version_ < 2) {  // (token, len, batch, ids): ids alone
    Stmt q(store_->prepare("SELECT len, ids FROM postings WHERE token = ? AND len BETWEEN ? AND ?"),
           store_->db_, store_->path_);
    sqlite3_bind_int64(q.get(), 1, token);
    sqlite3_bind_int64(q.get(), 2, clamp(min_len));
    sqlite3_bind_int64(q.get(), 3, clamp(max_len));
    while (q.step("reading the index")) {
      const auto len = static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0));
      const std::string_view blob = col_blob(q.get(), 1);
      const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
      for (std::size_t i = 0; i + 4 <= blob.size(); i += 4) {
        out.push_back(core::Posting{load_le(p + i, 4), core::kAllBits, len});
      }
    }
    return;
  }
  if (min_len > max_len || token > kMaxToken) return;
  Stmt q(store_->prepare("SELECT key, ids FROM postings WHERE key BETWEEN ? AND ?"), store_->db_,
         store_->path_);
  sqlite3_bind_int64(q.get(), 1, postings_key(token, min_len, 0));
  sqlite3_bind_int64(q.get(), 2, postings_key(token, max_len, kMaxBatch));
  while (q.step("reading the index")) {
    decode_postings(col_blob(q.get(), 1), postings_row(sqlite3_column_int64(q.get(), 0)), min_len,
                    max_len, out);
  }
}

std::vector<std::uint32_t> TmStore::FuzzyIndex::tokens(std::uint64_t id) const {
  Stmt q(store_->prepare("SELECT toks FROM variants WHERE id = ?"), store_->db_, store_->path_);
  sqlite3_bind_int64(q.get(), 1, static_cast<std::int64_t>(id));
  if (!q.step("reading the index")) return {};
  return decode_tokens(col_blob(q.get(), 0));
}

void TmStore::FuzzyIndex::for_each_segment(
    const std::function<void(std::uint64_t, std::vector<std::uint32_t>)>& fn) const {
  Stmt q(store_->prepare("SELECT id, toks FROM variants WHERE ilang = ?"), store_->db_,
         store_->path_);
  bind_text(q.get(), 1, lang_);
  while (q.step("reading the index")) {
    fn(static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 0)),
       decode_tokens(col_blob(q.get(), 1)));
  }
}

// ---------------------------------------------------------------------------------------------
// Concordance

bool TmStore::concordance_current() const {
  Stmt q(prepare("SELECT (SELECT coalesce(max(id), 0) FROM variants) <= "
                 "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'conc_upto')"),
         db_, path_);
  return q.step("reading the TM") && sqlite3_column_int(q.get(), 0) == 1;
}

std::size_t TmStore::update_concordance(const SearchKeyer& keyer) {
  if (concordance_current()) return 0;
  if (read_only_) fail(db_, SQLITE_READONLY, path_, "building the concordance index");
  exec(db_, path_, "BEGIN IMMEDIATE", "building the concordance index");
  std::size_t n = 0;
  try {
    std::int64_t upto = 0;
    {
      Stmt q(prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'conc_upto'"), db_,
             path_);
      if (q.step("reading the TM")) upto = sqlite3_column_int64(q.get(), 0);
    }
    Stmt q(prepare("SELECT id, lang, text FROM variants WHERE id > ? ORDER BY id"), db_, path_);
    Stmt ins(prepare("INSERT INTO conc(rowid, keys) VALUES(?, ?)"), db_, path_);
    sqlite3_bind_int64(q.get(), 1, upto);
    while (q.step("building the concordance index")) {
      upto = sqlite3_column_int64(q.get(), 0);
      sqlite3_bind_int64(ins.get(), 1, upto);
      bind_text(ins.get(), 2, keyer(col_text(q.get(), 1), col_text(q.get(), 2)));
      ins.step("building the concordance index");
      sqlite3_reset(ins.get());
      ++n;
    }
    Stmt upd(prepare("UPDATE meta SET value = ? WHERE key = 'conc_upto'"), db_, path_);
    sqlite3_bind_int64(upd.get(), 1, upto);
    upd.step("building the concordance index");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  exec(db_, path_, "COMMIT", "building the concordance index");
  return n;
}

std::vector<std::int64_t> TmStore::concordance(const std::string& fts_query, std::string_view lang,
                                               std::size_t limit) const {
  Stmt q(prepare("SELECT c.rowid FROM conc c JOIN variants v ON v.id = c.rowid "
                 "WHERE conc MATCH ?1 AND (?2 = '' OR v.ilang = ?2) ORDER BY c.rowid LIMIT ?3"),
         db_, path_);
  bind_text(q.get(), 1, fts_query);
  bind_text(q.get(), 2, lang.empty() ? std::string() : index_lang(lang));
  sqlite3_bind_int64(q.get(), 3, static_cast<std::int64_t>(std::min<std::size_t>(limit, 1u << 30)));
  std::vector<std::int64_t> out;
  while (q.step("searching the concordance")) out.push_back(sqlite3_column_int64(q.get(), 0));
  return out;
}

// Prepared once: a --queries batch opens one scope per query.
TmStore::ReadScope::ReadScope(const TmStore& store) : store_(store) {
  Stmt begin(store_.prepare("BEGIN"), store_.db_, store_.path_);
  begin.step("reading the TM");
}

TmStore::ReadScope::~ReadScope() {
  sqlite3_stmt* commit = nullptr;
  try {
    commit = store_.prepare("COMMIT");
  } catch (const StoreError&) {
    sqlite3_exec(store_.db_, "COMMIT", nullptr, nullptr, nullptr);
    return;
  }
  sqlite3_step(commit);
  sqlite3_reset(commit);
}

std::int64_t TmStore::data_version() const {
  Stmt q(prepare("PRAGMA data_version"), db_, path_);
  return q.step("reading the TM") ? sqlite3_column_int64(q.get(), 0) : 0;
}

std::string TmStore::integrity_check() const {
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

std::string fts_quote(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace tilmash::store
