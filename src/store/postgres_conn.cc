#include "store/postgres_conn.h"

#include <bit>
#include <cstring>
#include <utility>

#include "core/failure.h"

namespace tilmash::store::pg {

namespace {

using Kind = StoreError::Kind;

std::string trimmed(const char* s) {
  std::string out = s != nullptr ? s : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  // libpq's multi-line messages ("connection to server … failed: FATAL: …") on one line.
  std::string flat;
  for (const char c : out) {
    const bool space = c == '\n' || c == '\t' || c == ' ';
    if (space && (flat.empty() || flat.back() == ' ')) continue;
    flat += space ? ' ' : c;
  }
  return flat;
}

std::uint64_t load_be(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

void append_be(std::string& out, std::uint64_t v, int bytes) {
  char b[8];
  for (int i = 0; i < bytes; ++i) b[i] = static_cast<char>((v >> (8 * (bytes - 1 - i))) & 0xFF);
  out.append(b, static_cast<std::size_t>(bytes));
}

}  // namespace

std::string redact_uri(std::string_view uri) {
  std::string out;
  const std::size_t scheme = uri.find("://");
  if (scheme == std::string_view::npos) return std::string(uri);
  const std::size_t host_from = scheme + 3;
  std::size_t auth_end = uri.find_first_of("/?", host_from);
  if (auth_end == std::string_view::npos) auth_end = uri.size();
  const std::string_view authority = uri.substr(host_from, auth_end - host_from);
  out.append(uri.substr(0, host_from));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view user = authority.substr(0, at);
    out.append(user.substr(0, user.find(':')));
    out.append(authority.substr(at));
  } else {
    out.append(authority);
  }
  std::string_view rest = uri.substr(auth_end);
  const std::size_t q = rest.find('?');
  out.append(rest.substr(0, q));
  if (q == std::string_view::npos) return out;
  std::string_view params = rest.substr(q + 1);
  char sep = '?';
  while (!params.empty()) {
    const std::size_t amp = params.find('&');
    const std::string_view p = params.substr(0, amp);
    params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
    const std::string_view name = p.substr(0, p.find('='));
    if (name == "password" || p.empty()) continue;
    out += sep;
    out.append(p);
    sep = '&';
  }
  return out;
}

Result& Result::operator=(Result&& o) noexcept {
  std::swap(r_, o.r_);
  return *this;
}

std::int64_t Result::int8(int row, int col) const {
  return static_cast<std::int64_t>(load_be(PQgetvalue(r_, row, col), 8));
}

std::int32_t Result::int4(int row, int col) const {
  return static_cast<std::int32_t>(load_be(PQgetvalue(r_, row, col), 4));
}

double Result::float8(int row, int col) const {
  return std::bit_cast<double>(load_be(PQgetvalue(r_, row, col), 8));
}

std::int64_t Result::text_int(int row, int col) const {
  return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
}

Conn::Conn(const std::string& uri, std::string location) : location_(std::move(location)) {
  // The URI's own settings replace the keywords before it and yield to those after it.
  const char* keys[] = {"connect_timeout", "dbname", "client_encoding",
                        "fallback_application_name", nullptr};
  const char* values[] = {"10", uri.c_str(), "UTF8", "tilmash", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (conn_ == nullptr) {
    throw StoreError(Kind::kIo, location_, "cannot connect to the TM server (out of memory)");
  }
  if (PQstatus(conn_) == CONNECTION_OK) {
    // The server's notices ("… does not exist, skipping") are not the user's business.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    // Every statement here is an index lookup or a scan whose plan does not depend on its
    // values: planned once per connection, not per execution (the default re-plans the first
    // five runs and range scans often for good; planning cost ~0.1 ms a lookup statement).
    // No JIT either: a generic plan's row estimates are loose, and a lookup statement
    // over the estimate of jit_above_cost spent ~30 ms compiling what runs in 0.2 ms.
    PQclear(PQexec(conn_, "SET plan_cache_mode = force_generic_plan; SET jit = off"));
  } else {
    std::string detail = trimmed(PQerrorMessage(conn_));
    // libpq quotes a URI it cannot parse whole ("… in URI: \"postgresql://u:pw@[h\""): the
    // message names it without its password, as the location does.
    const std::string shown = core::redact_location(uri);
    for (std::size_t at = detail.find(uri); at != std::string::npos;
         at = detail.find(uri, at + shown.size())) {
      detail.replace(at, uri.size(), shown);
    }
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError(Kind::kIo, location_, "cannot connect to the TM server: " + detail);
  }
}

Conn::~Conn() {
  if (conn_ != nullptr) PQfinish(conn_);
}

void Conn::fail(const PGresult* r, const std::string& doing) const {
  const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state != nullptr ? state : "";
  std::string detail = r != nullptr ? trimmed(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)) : "";
  if (detail.empty()) detail = trimmed(PQerrorMessage(conn_));
  if (PQstatus(conn_) == CONNECTION_BAD || code.starts_with("08") || code == "57P01"
      || code == "57P02" || code == "57P03") {
    throw StoreError(Kind::kIo, location_,
                     doing + ": the connection to the TM server was lost (server restarted or "
                             "stopped?): " + detail);
  }
  if (code == "42501" || code == "25006") {
    throw StoreError(Kind::kIo, location_,
                     doing + ": permission denied (a read-only role or server?): " + detail);
  }
  if (code.starts_with("53")) {
    throw StoreError(Kind::kIo, location_,
                     doing + ": the server is out of disk space, memory or a quota; nothing was "
                             "changed: " + detail);
  }
  if (code == "55P03" || code == "57014" || code == "40P01" || code == "40001") {
    throw StoreError(Kind::kIo, location_,
                     doing + ": the TM is busy (another client's import?); try again: " + detail);
  }
  if (code == "42P01" || code == "42703") {
    throw StoreError(Kind::kBadInput, location_,
                     doing + ": not a tilmash TM or one of another version: " + detail);
  }
  if (code.starts_with("58")) {
    throw StoreError(Kind::kIo, location_, doing + ": the server's disk failed: " + detail);
  }
  throw StoreError(Kind::kIo, location_,
                   doing + ": " + detail + (code.empty() ? "" : " (SQLSTATE " + code + ")"));
}

void Conn::flush_deferred(const std::string& doing) const {
  std::vector<const char*> todo;
  todo.swap(deferred_);
  for (const char* sql : todo) exec(sql, doing);
}

Result Conn::exec(const char* sql, const std::string& doing) const {
  if (!deferred_.empty()) flush_deferred(doing);
  ++round_trips_;
  Result r(PQexec(conn_, sql));
  const ExecStatusType st = r.get() != nullptr ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r.get(), doing);
  return r;
}

void Conn::exec_quietly(const char* sql) const noexcept {
  if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, sql));
}

bool Conn::in_transaction() const {
  const PGTransactionStatusType t = PQtransactionStatus(conn_);
  bool in = t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
  for (const char* sql : deferred_) {
    if (std::strncmp(sql, "BEGIN", 5) == 0) in = true;
    if (std::strncmp(sql, "COMMIT", 6) == 0) in = false;
  }
  return in;
}

const char* Conn::statement(const char* sql, int nparams, const std::string& doing) const {
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) return it->second.c_str();
  std::string name("t");
  name += std::to_string(prepared_.size());
  ++round_trips_;
  Result r(PQprepare(conn_, name.c_str(), sql, nparams, nullptr));
  if (r.get() == nullptr || PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail(r.get(), doing);
  return prepared_.emplace(sql, std::move(name)).first->second.c_str();
}

namespace {
// Parameters as libpq takes them. Text parameters must end in NUL for libpq, so those (which
// may be views) are copied into `texts`, reserved up front so the pointers stay valid.
struct Packed {
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<std::string> texts;
  explicit Packed(const std::vector<Param>& params) {
    texts.reserve(params.size());
    for (const Param& p : params) {
      const char* value = p.is_null ? nullptr : p.value.data();
      if (!p.is_null && !p.binary) value = texts.emplace_back(p.value).c_str();
      values.push_back(value);
      lengths.push_back(static_cast<int>(p.value.size()));
      formats.push_back(p.binary ? 1 : 0);
    }
  }
};
}  // namespace

Result Conn::run(const char* sql, const std::vector<Param>& params, bool binary,
                 const std::string& doing) const {
  const char* name = statement(sql, static_cast<int>(params.size()), doing);
  const Packed p(params);
  ++round_trips_;
  if (deferred_.empty()) {
    Result r(PQexecPrepared(conn_, name, static_cast<int>(params.size()), p.values.data(),
                            p.lengths.data(), p.formats.data(), binary ? 1 : 0));
    const ExecStatusType st = r.get() != nullptr ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r.get(), doing);
    return r;
  }
  // The deferred statements and this one in one pipeline: one round trip.
  std::vector<const char*> todo;
  todo.swap(deferred_);
  if (PQenterPipelineMode(conn_) != 1) fail(nullptr, doing);
  bool sent = true;
  for (const char* sql_before : todo) {
    sent = sent && PQsendQueryParams(conn_, sql_before, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  }
  sent = sent && PQsendQueryPrepared(conn_, name, static_cast<int>(params.size()), p.values.data(),
                                     p.lengths.data(), p.formats.data(), binary ? 1 : 0) == 1;
  sent = sent && PQpipelineSync(conn_) == 1;
  std::vector<Result> got;
  while (sent) {
    PGresult* r = PQgetResult(conn_);
    if (r == nullptr) {  // between two statements' results
      if (PQstatus(conn_) == CONNECTION_BAD) break;
      continue;
    }
    if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      break;
    }
    const bool fatal = PQresultStatus(r) == PGRES_FATAL_ERROR;
    got.emplace_back(r);
    if (fatal && PQstatus(conn_) == CONNECTION_BAD) break;
  }
  PQexitPipelineMode(conn_);
  if (!sent || got.size() != todo.size() + 1) {
    for (const Result& r : got) {
      if (PQresultStatus(r.get()) == PGRES_FATAL_ERROR) fail(r.get(), doing);
    }
    fail(nullptr, doing);
  }
  for (const Result& r : got) {  // the first failure is the cause; later ones were skipped
    const ExecStatusType st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r.get(), doing);
  }
  return std::move(got.back());
}

void Conn::send_each(const char* sql, const std::vector<Param>& params, bool binary,
                     const std::string& doing) const {
  if (!deferred_.empty()) flush_deferred(doing);
  const char* name = statement(sql, static_cast<int>(params.size()), doing);
  const Packed p(params);
  ++round_trips_;
  if (PQsendQueryPrepared(conn_, name, static_cast<int>(params.size()), p.values.data(),
                          p.lengths.data(), p.formats.data(), binary ? 1 : 0) != 1) {
    fail(nullptr, doing);
  }
  PQsetSingleRowMode(conn_);
}

Result Conn::next_row(const std::string& doing) const {
  Result r(PQgetResult(conn_));
  if (r.get() == nullptr) return r;
  const ExecStatusType st = PQresultStatus(r.get());
  if (st == PGRES_SINGLE_TUPLE) return r;
  if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
    // The end: drain to the null result that ends the query.
    while (PGresult* more = PQgetResult(conn_)) PQclear(more);
    return {};
  }
  Result failed = std::move(r);
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);
  fail(failed.get(), doing);
}

CopyIn::CopyIn(const Conn& conn, const char* sql, std::string doing, bool binary)
    : conn_(conn), doing_(std::move(doing)), binary_(binary) {
  if (!conn_.deferred_.empty()) conn_.flush_deferred(doing_);
  Result r(PQexec(conn_.get(), sql));
  if (r.get() == nullptr || PQresultStatus(r.get()) != PGRES_COPY_IN) conn_.fail(r.get(), doing_);
  open_ = true;
  if (!binary_) return;
  static constexpr char kHeader[] = "PGCOPY\n\377\r\n";  // + NUL, then flags and extension
  buf_.append(kHeader, 11);
  append_be(buf_, 0, 4);
  append_be(buf_, 0, 4);
}

CopyIn::~CopyIn() {
  if (open_) {
    PQputCopyEnd(conn_.get(), "aborted");
    while (PGresult* r = PQgetResult(conn_.get())) PQclear(r);
  }
}

void CopyIn::row(int fields) {
  if (buf_.size() >= (4u << 20)) flush();
  append_be(buf_, static_cast<std::uint64_t>(fields), 2);
}

void CopyIn::int8(std::int64_t v) {
  append_be(buf_, 8, 4);
  append_be(buf_, static_cast<std::uint64_t>(v), 8);
}

void CopyIn::int4(std::int32_t v) {
  append_be(buf_, 4, 4);
  append_be(buf_, static_cast<std::uint32_t>(v), 4);
}

void CopyIn::float8(double v) {
  append_be(buf_, 8, 4);
  append_be(buf_, std::bit_cast<std::uint64_t>(v), 8);
}

void CopyIn::bytes(std::string_view v) {
  append_be(buf_, static_cast<std::uint32_t>(v.size()), 4);
  buf_.append(v);
}

void CopyIn::null() { append_be(buf_, 0xFFFFFFFFu, 4); }

void CopyIn::text_row(std::initializer_list<std::string_view> fields) {
  if (buf_.size() >= (4u << 20)) flush();
  bool first = true;
  for (const std::string_view f : fields) {
    if (!first) buf_ += '\t';
    first = false;
    for (const char c : f) {
      switch (c) {
        case '\\': buf_ += "\\\\"; break;
        case '\t': buf_ += "\\t"; break;
        case '\n': buf_ += "\\n"; break;
        case '\r': buf_ += "\\r"; break;
        default: buf_ += c;
      }
    }
  }
  buf_ += '\n';
}

void CopyIn::flush() {
  if (buf_.empty()) return;
  if (PQputCopyData(conn_.get(), buf_.data(), static_cast<int>(buf_.size())) != 1) {
    conn_.fail(nullptr, doing_);
  }
  buf_.clear();
}

void CopyIn::finish() {
  if (binary_) append_be(buf_, 0xFFFF, 2);
  flush();
  open_ = false;
  if (PQputCopyEnd(conn_.get(), nullptr) != 1) conn_.fail(nullptr, doing_);
  Result r(PQgetResult(conn_.get()));
  Result failed;
  if (r.get() == nullptr || PQresultStatus(r.get()) != PGRES_COMMAND_OK) failed = std::move(r);
  while (PGresult* more = PQgetResult(conn_.get())) PQclear(more);
  if (failed.get() != nullptr || r.get() == nullptr) conn_.fail(failed.get(), doing_);
}

}  // namespace tilmash::store::pg
