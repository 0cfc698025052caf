// What the SQLite backend's files share (not for use outside src/store/sqlite_*.cc): error
// mapping, the cached-statement guard, column and binding helpers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "store/tm_backend.h"

namespace tilmash::store::sqlite {

// Throws the StoreError for SQLite result `rc` while `doing` something to the TM at `path`.
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& path, const std::string& doing);

inline std::string_view col_text(sqlite3_stmt* st, int i) {
  const auto* p = sqlite3_column_text(st, i);
  return p == nullptr ? std::string_view{}
                      : std::string_view(reinterpret_cast<const char*>(p),
                                         static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
}

inline std::string_view col_blob(sqlite3_stmt* st, int i) {
  const void* p = sqlite3_column_blob(st, i);
  return p == nullptr ? std::string_view{}
                      : std::string_view(static_cast<const char*>(p),
                                         static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
}

inline void bind_text(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// Without a copy: for the import's inserts, whose values outlive the statement's step.
inline void bind_text_ref(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}

inline void bind_blob_ref(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_blob(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}

inline void exec(sqlite3* db, const std::string& path, const char* sql, const char* doing) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, path, doing);
}

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

}  // namespace tilmash::store::sqlite
