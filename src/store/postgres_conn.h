// The PostgreSQL TM's connection to its server through libpq (the only header that includes
// libpq-fe.h, and only src/store/postgres_*.cc include it): the connection and result RAII,
// statements prepared once per connection, binary COPY, and the mapping of server and
// connection failures onto StoreError with the URI shown without its password.
//
// libpq rather than libpqxx: one small, stable C API, already a dependency of the server's
// Debian packages, and no C++ ABI of a second library to match.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <libpq-fe.h>

#include "store/tm_backend.h"

namespace tilmash::store::pg {

// `uri` without its password: the userinfo's ":password" and any password= parameter dropped
// ("postgresql://ann:s3cret@db/tm?sslmode=require" -> "postgresql://ann@db/tm?sslmode=require").
std::string redact_uri(std::string_view uri);

inline std::string i64s(std::int64_t v) { return std::to_string(v); }

// One result, freed with it.
class Result {
 public:
  Result() = default;
  explicit Result(PGresult* r) : r_(r) {}
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result() { PQclear(r_); }
  PGresult* get() const { return r_; }
  int rows() const { return PQntuples(r_); }
  bool null(int row, int col) const { return PQgetisnull(r_, row, col) == 1; }
  std::string_view bytes(int row, int col) const {
    return {PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col))};
  }
  // Binary-format columns.
  std::int64_t int8(int row, int col) const;
  std::int32_t int4(int row, int col) const;
  double float8(int row, int col) const;
  // A text-format column read as an integer.
  std::int64_t text_int(int row, int col) const;

 private:
  PGresult* r_ = nullptr;
};

// A statement parameter: text, or raw bytes (bytea, sent in binary), or NULL.
struct Param {
  std::string_view value;
  bool binary = false;
  bool is_null = false;
  static Param text(std::string_view v) { return {v, false, false}; }
  static Param bytes(std::string_view v) { return {v, true, false}; }
  static Param null() { return {{}, false, true}; }
};

class Conn {
 public:
  // Connects (connect_timeout 10 s unless the URI sets one; UTF-8). Throws StoreError (kIo).
  Conn(const std::string& uri, std::string location);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  PGconn* get() const { return conn_; }
  const std::string& location() const { return location_; }

  // Runs `sql` (no parameters, may hold several statements). Throws StoreError.
  Result exec(const char* sql, const std::string& doing) const;
  // Runs `sql` prepared once per connection; results in binary when `binary`.
  Result run(const char* sql, const std::vector<Param>& params, bool binary,
             const std::string& doing) const;
  // Rows of `sql` one at a time (libpq's single-row mode): a table of millions never sits in
  // memory. `fn` returns false to stop (the rest is read and dropped).
  template <typename Fn>
  void each_row(const char* sql, const std::vector<Param>& params, bool binary,
                const std::string& doing, Fn&& fn) const;
  // Throws the StoreError for a failed result (or the connection's state when r is null).
  [[noreturn]] void fail(const PGresult* r, const std::string& doing) const;
  // Best-effort: for destructors and error paths.
  void exec_quietly(const char* sql) const noexcept;
  // Round trips to the server so far: statements run or prepared, a pipeline counted once
  // (tests of how many a task takes).
  std::uint64_t round_trips() const { return round_trips_; }
  // In a transaction, counting deferred BEGIN and COMMIT.
  bool in_transaction() const;
  // `sql` (BEGIN, COMMIT: no rows) goes ahead of the next statement, in the same round trip
  // (libpq's pipeline mode): a lookup's snapshot costs no round trip of its own.
  void defer(const char* sql) const {
    if (std::strncmp(sql, "COMMIT", 6) == 0 && !deferred_.empty()
        && std::strncmp(deferred_.back(), "BEGIN", 5) == 0) {
      deferred_.pop_back();  // a snapshot that read nothing
    } else {
      deferred_.push_back(sql);
    }
  }

 private:
  friend class CopyIn;
  void send_each(const char* sql, const std::vector<Param>& params, bool binary,
                 const std::string& doing) const;
  Result next_row(const std::string& doing) const;  // empty Result when done
  const char* statement(const char* sql, int nparams, const std::string& doing) const;
  void flush_deferred(const std::string& doing) const;
  PGconn* conn_ = nullptr;
  std::string location_;
  mutable std::unordered_map<const char*, std::string> prepared_;  // by the SQL's address
  mutable std::vector<const char*> deferred_;
  mutable std::uint64_t round_trips_ = 0;
};

template <typename Fn>
void Conn::each_row(const char* sql, const std::vector<Param>& params, bool binary,
                    const std::string& doing, Fn&& fn) const {
  send_each(sql, params, binary, doing);
  bool more = true;
  for (Result r = next_row(doing); r.get() != nullptr; r = next_row(doing)) {
    if (more && r.rows() == 1) more = fn(r);
  }
}

// A binary COPY … FROM STDIN: rows are built here and sent in chunks of a few MiB.
class CopyIn {
 public:
  // `sql`: "COPY table(cols) FROM STDIN (FORMAT binary)", or in text format when !binary.
  CopyIn(const Conn& conn, const char* sql, std::string doing, bool binary = true);
  ~CopyIn();
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  void row(int fields);
  void int8(std::int64_t v);
  void int4(std::int32_t v);
  void float8(double v);
  void bytes(std::string_view v);  // text (UTF-8) or bytea
  void null();
  // Text format: one row of fields, escaped here.
  void text_row(std::initializer_list<std::string_view> fields);
  // Sends the rest and ends the COPY; throws StoreError.
  void finish();

 private:
  void flush();
  const Conn& conn_;
  std::string doing_;
  std::string buf_;
  bool open_ = false;
  bool binary_ = true;
};

}  // namespace tilmash::store::pg
