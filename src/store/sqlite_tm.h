// The SQLite TM backend: one file (WAL) holding units, their language variants, props, notes,
// provenance and dates, the persisted fuzzy index (token postings per language) and the
// concordance index (FTS5). The embedded default; store::open_tm() picks it for a path. Its
// .cc files are the only ones that include sqlite3.h:
//   sqlite_tm.cc           open, schema, upgrade from version 1, snapshots, checks
//   sqlite_import.cc       the import (one transaction, index written at commit)
//   sqlite_read.cc         units and the fuzzy index
//   sqlite_concordance.cc  FTS5: ConcordanceTerm phrases become FTS5 queries here, nowhere else
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/tm_backend.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tilmash::store {

// Schema version this build writes. A file with a newer one is refused; an older one is read
// as it is, and upgraded when opened for writing.
inline constexpr int kSchemaVersion = 2;

// Every failure throws StoreError. Not thread-safe; other processes may read while one imports
// (WAL).
class SqliteTm final : public TmBackend {
 public:
  // Opens (or, in kReadWrite, creates) the TM at `path`. busy_timeout_ms: how long to wait for
  // a lock held by another process before failing with kIo ("the TM is locked").
  SqliteTm(std::string path, OpenMode mode, int busy_timeout_ms = 5000);
  ~SqliteTm() override;
  SqliteTm(const SqliteTm&) = delete;
  SqliteTm& operator=(const SqliteTm&) = delete;

  const std::string& location() const override { return path_; }
  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }

  // Given keys are consumed: each is released once its token ids are known, before its row is
  // written, so a huge segment's keys and SQLite's copy of its text are not held at once.
  std::unique_ptr<TmImport> begin_import(
      Keyer keyer, std::string now,
      const std::function<void(const std::string&)>& waiting = {}) override;

  std::size_t unit_count() const override;
  void for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const override;
  std::optional<StoredUnit> unit_of_variant(std::int64_t variant_id) const override;

  // Postings of a version-1 TM read with core::kAllBits signatures.
  std::unique_ptr<FuzzyIndex> fuzzy_index(std::string_view lang) const override;

  std::size_t update_concordance(const SearchKeyer& keyer) override;
  bool concordance_current() const override;
  std::vector<std::int64_t> concordance(std::span<const ConcordanceTerm> phrase,
                                        std::string_view lang,
                                        std::size_t limit) const override;

  // One read transaction: a consistent snapshot, and one lock for many statements instead of
  // one each (lookups run hundreds).
  std::unique_ptr<ReadSnapshot> read_snapshot() const override;
  // PRAGMA data_version.
  std::int64_t data_version() const override;
  // "ok" or SQLite's list of problems (PRAGMA integrity_check).
  std::string integrity_check() const override;

 private:
  friend class SqliteImport;
  friend class SqliteFuzzyIndex;
  friend class SqliteSnapshot;
  struct Cache;
  void init_schema();
  void migrate_v1();
  sqlite3_stmt* prepare(const char* sql) const;  // cached; reset by Stmt after use
  std::string path_;
  int busy_timeout_ms_ = 5000;
  std::unique_ptr<Cache> cache_;
  sqlite3* db_ = nullptr;
  bool read_only_ = true;
  int schema_version_ = kSchemaVersion;
};

}  // namespace tilmash::store
