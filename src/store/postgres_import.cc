// The PostgreSQL TM's import (store/postgres_tm.h), streamed: the import's transaction takes
// the write lock when it begins (as the SQLite TM's BEGIN IMMEDIATE does), so unit, variant and
// token ids are final as units come; units and variants are sent in batches of at most
// kBatchUnits units or kBatchBytes bytes (plus one unit) with binary COPY, by a writer thread
// while the import keys the next batch, so the client holds at most three batches, not the
// import. The fuzzy index is built in memory (store/import_index.h, as the SQLite TM does: ~3
// bytes a posting, 8 a variant, 32 a unit's digest) and written at commit.
//
// Deduplication: every unit's 128-bit digest (store/unit_keys.h) goes into a set that starts
// with the digests stored before the import, so a unit already stored, or met earlier in this
// import, is not written again; it goes to a temporary table, and at commit its dates are
// merged into the stored unit's (merge_dates, in the order the duplicates came). Two clients
// importing the same unit at once cannot both store it: the write lock serialises imports, and
// UNIQUE(digest) stands behind it.
//
// Into an empty TM, once the import outgrows one batch, the indexes and constraints are dropped
// and built again after the load (and the UNIQUE digest checked then, as a whole); dropping
// them locks the tables until commit, which only readers of a TM still empty wait for.
#include "store/postgres_import.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "core/hash.h"
#include "store/extra_codec.h"
#include "store/import_index.h"
#include "store/import_phases.h"
#include "store/postgres_conn.h"
#include "store/postings_codec.h"
#include "store/unit_keys.h"

namespace tilmash::store::pg {

namespace {

using Kind = StoreError::Kind;

// The 16 bytes of a digest, most significant first (bytea).
std::string digest_bytes(const core::Fnv128& h) {
  std::string out(16, '\0');
  for (int i = 0; i < 8; ++i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>((h.hi >> (56 - 8 * i)) & 0xFF);
    out[static_cast<std::size_t>(8 + i)] = static_cast<char>((h.lo >> (56 - 8 * i)) & 0xFF);
  }
  return out;
}

core::Fnv128 digest_of(std::string_view b) {
  core::Fnv128 h;
  for (int i = 0; i < 8; ++i) {
    h.hi = (h.hi << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
    h.lo = (h.lo << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(8 + i)]);
  }
  return h;
}

std::uint64_t get_u(std::string_view& in) {
  std::uint64_t v = 0;
  get_varint(in, v);
  return v;
}

// The digests of a TM's units: 16 bytes each in an open-addressing table at most half full
// (linear probing, as KeyIds), ~32 bytes a unit where std::unordered_set took ~64.
class DigestSet {
 public:
  // False when `d` was there already.
  bool insert(const core::Fnv128& d) {
    if (d == core::Fnv128{}) return !std::exchange(zero_, true);
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = slot_of(d) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == core::Fnv128{}) {
        slots_[i] = d;
        ++size_;
        return true;
      }
      if (slots_[i] == d) return false;
    }
  }

 private:
  static std::size_t slot_of(const core::Fnv128& d) {
    return static_cast<std::size_t>(d.lo ^ (d.hi * 0x9E3779B97F4A7C15ULL));
  }
  void grow() {
    std::vector<core::Fnv128> old(std::max<std::size_t>(1024, 2 * slots_.size()));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const core::Fnv128& d : old) {
      if (d == core::Fnv128{}) continue;
      std::size_t i = slot_of(d) & mask;
      while (!(slots_[i] == core::Fnv128{})) i = (i + 1) & mask;
      slots_[i] = d;
    }
  }
  std::vector<core::Fnv128> slots_;
  std::size_t size_ = 0;
  bool zero_ = false;
};

// One batch of rows in the import's own encoding: unit rows (ids uid_from..uid_to), variant
// rows (ids vid_from..vid_to), duplicates (digest, dates).
struct Batch {
  std::string units;
  std::string variants;
  std::string dups;
  std::int64_t uid_from = 1;
  std::int64_t uid_to = 0;
  std::int64_t vid_from = 1;
  std::int64_t vid_to = 0;
  bool drop_indexes = false;  // before its rows: the first batch of a bulk load
};

// Writes batches on the import's connection from a thread of its own, so that the server
// stores one batch while the import keys the next. One batch waits at most, so the client
// holds three at most (being filled, waiting, being written). A failure stops the writer and
// reaches the import at its next push() or at finish(). Between the first push() and
// finish() the connection is the writer's alone.
class BatchWriter {
 public:
  explicit BatchWriter(std::function<void(Batch&)> write)
      : write_(std::move(write)), thread_([this] { run(); }) {}
  ~BatchWriter() {
    {
      const std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
      queue_.clear();
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  void push(Batch b) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return queue_.empty() || error_; });
    if (error_) std::rethrow_exception(error_);
    queue_.push_back(std::move(b));
    lock.unlock();
    cv_.notify_all();
  }
  // Waits until every batch is written; rethrows the writer's failure.
  void finish() {
    {
      const std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void run() {
    for (;;) {
      Batch b;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        b = std::move(queue_.front());
        queue_.pop_front();
      }
      cv_.notify_all();
      try {
        write_(b);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mu_);
        error_ = std::current_exception();
        queue_.clear();
        cv_.notify_all();
        return;
      }
    }
  }
  std::function<void(Batch&)> write_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  bool closed_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once the rest is built
};

class PgImport : public TmImport {
 public:
  PgImport(PostgresTm& tm, Keyer keyer, std::string now,
           const std::function<void(const std::string&)>& waiting);
  ~PgImport() override;
  void add(const core::TranslationUnit& unit, const Provenance& provenance,
           std::optional<double> confidence, std::vector<VariantKeys>* keys) override;
  ImportStats commit() override;
  const ImportStats& stats() const override { return stats_; }

 private:
  void begin(const std::function<void(const std::string&)>& waiting);
  void read_stored();
  void flush(bool last);
  void write_batch(Batch& b);
  void drop_indexes();
  void build_indexes();
  void write_index();
  void merge_duplicates();

  static constexpr std::size_t kBatchUnits = 16384;
  static constexpr std::size_t kBatchBytes = std::size_t{8} << 20;

  PostgresTm& tm_;
  const pg::Conn& c_;
  Keyer keyer_;
  std::string now_;
  ImportStats stats_;
  bool open_ = false;
  std::int64_t next_batch_ = 1;
  std::int64_t uid_ = 0;  // the last unit id given
  std::int64_t vid_ = 0;  // the last variant id given
  bool empty_at_start_ = false;
  bool bulk_ = false;     // indexes dropped, built again at commit
  ImportIndex index_;
  DigestSet digests_;
  // The batch being filled (units, variants, duplicates), and how many units it holds.
  Batch batch_;
  std::size_t batch_units_ = 0;
  std::unique_ptr<BatchWriter> writer_;  // from the second batch on
  // Written by the writer only (read once it has finished).
  std::int64_t dup_seq_ = 0;
  bool dups_table_ = false;
  std::vector<std::uint32_t> ids_;
  std::string toks_;
  ImportPhases phases_;
  double copy_seconds_ = 0;  // the writer's
  double wait_seconds_ = 0;  // the import's, for the writer
};

PgImport::PgImport(PostgresTm& tm, Keyer keyer, std::string now,
                   const std::function<void(const std::string&)>& waiting)
    : tm_(tm), c_(tm.conn()), keyer_(std::move(keyer)), now_(std::move(now)),
      index_(tm.location()) {
  try {
    begin(waiting);
  } catch (...) {
    c_.exec_quietly("ROLLBACK");  // no destructor runs for a constructor that throws
    throw;
  }
}

PgImport::~PgImport() {
  writer_.reset();  // the connection is the writer's until it has stopped
  if (open_ && c_.in_transaction()) c_.exec_quietly("ROLLBACK");
}

void PgImport::begin(const std::function<void(const std::string&)>& waiting) {
  c_.exec("BEGIN", "starting the import's transaction");
  open_ = true;
  const std::string timeout =
      "SET LOCAL lock_timeout = " + std::to_string(tm_.lock_timeout_ms());
  c_.exec(timeout.c_str(), "starting the import's transaction");
  if (waiting) {
    // Another client's import holds the write lock: say so, then wait for it to end.
    pg::Result got = c_.exec(kTryWriteLock, "starting the import's transaction");
    if (got.bytes(0, 0) != "t") {
      waiting(kWaitingForImport);
      c_.exec("SET LOCAL lock_timeout = 0", "starting the import's transaction");
      c_.exec(kWriteLock, "waiting for another client's import");
      c_.exec(timeout.c_str(), "starting the import's transaction");
    }
  } else {
    c_.exec(kWriteLock, "waiting for another client's import");
  }
  pg::Result b = c_.exec("SELECT value FROM tilmash_meta WHERE key = 'next_batch'",
                         "reading the TM");
  next_batch_ = b.rows() == 1 ? b.text_int(0, 0) : 1;
  if (next_batch_ > kMaxBatch) {
    throw StoreError(Kind::kBadInput, tm_.location(),
                     "this TM has had " + std::to_string(kMaxBatch)
                         + " imports, the most its index can tell apart; export it ('tilmash "
                           "tm export') and import that file into a new TM");
  }
  read_stored();
  phases_.mark("lock, vocabulary, digests");
}

// The stored vocabulary, the highest ids, and every stored unit's digest.
void PgImport::read_stored() {
  c_.each_row("SELECT id, lang, key FROM tm_vocab", {}, true, "reading the index",
              [&](const pg::Result& r) {
                index_.known(r.bytes(0, 1), r.bytes(0, 2), static_cast<std::uint32_t>(r.int4(0, 0)));
                return true;
              });
  pg::Result m = c_.exec("SELECT (SELECT coalesce(max(id), 0) FROM tm_units), "
                         "(SELECT coalesce(max(id), 0) FROM tm_variants), NOT EXISTS (SELECT 1 "
                         "FROM tm_postings) AND NOT EXISTS (SELECT 1 FROM tm_vocab), (SELECT "
                         "pg_has_role(relowner, 'USAGE') AND NOT coalesce("
                         "'toast_tuple_target=8160' = ANY(reloptions), false) FROM pg_class "
                         "WHERE oid = 'tm_postings'::regclass)",
                         "reading the TM");
  uid_ = m.text_int(0, 0);
  vid_ = m.text_int(0, 1);
  empty_at_start_ = uid_ == 0 && vid_ == 0 && m.bytes(0, 2) == "t";
  // A TM made before tm_postings kept lists up to a page in their rows (postgres_tm.cc,
  // kSchema): its owner's import sets that, for the rows written from now on (stored ones stay
  // where they are, and read the same). Another role's import leaves
  // the table as it is.
  if (m.bytes(0, 3) == "t") {
    c_.exec("ALTER TABLE tm_postings SET (toast_tuple_target = 8160)", "writing the TM");
  }
  // The digests by id range, each range's in one bytea: ~4 MiB a round trip.
  constexpr std::int64_t kRange = 1 << 18;
  for (std::int64_t lo = 0; lo < uid_; lo += kRange) {
    const std::string from = i64s(lo);
    const std::string to = i64s(lo + kRange);
    pg::Result r = c_.run("SELECT string_agg(digest, ''::bytea) FROM tm_units WHERE id > $1 AND "
                          "id <= $2",
                          {Param::text(from), Param::text(to)}, true, "reading the TM");
    if (r.rows() != 1 || r.null(0, 0)) continue;
    std::string_view all = r.bytes(0, 0);
    for (; all.size() >= 16; all.remove_prefix(16)) digests_.insert(digest_of(all));
  }
  batch_.uid_from = uid_ + 1;
  batch_.vid_from = vid_ + 1;
}

void PgImport::add(const core::TranslationUnit& unit, const Provenance& provenance,
                   std::optional<double> confidence, std::vector<VariantKeys>* given) {
  ++stats_.units_read;
  UnitKey key(unit);
  if (!key.storable()) {
    ++stats_.units_skipped;
    return;
  }
  const core::Fnv128 digest = key.fnv128();
  const UnitDates dates = import_dates(unit, now_);
  if (!digests_.insert(digest)) {
    // Stored already, or earlier in this import: merged at commit.
    batch_.dups.append(digest_bytes(digest));
    put_str(batch_.dups, dates.created);
    put_str(batch_.dups, dates.changed);
    ++stats_.units_merged;
    if (batch_.dups.size() >= kBatchBytes) flush(false);
    return;
  }
  const std::int64_t uid = ++uid_;
  std::string& u = batch_.units;
  u.append(digest_bytes(digest));
  append_le(u, key.fnv64(), 8);
  put_str(u, unit.id);
  put_str(u, dates.created);
  put_str(u, dates.changed);
  put_str(u, provenance.document);
  put_str(u, provenance.origin);
  if (confidence) {
    put_varint(u, 1);
    append_le(u, std::bit_cast<std::uint64_t>(*confidence), 8);
  } else {
    put_varint(u, 0);
  }
  put_str(u, encode_extra(unit.props, unit.notes, unit.attrs));
  // The normalised copies served the dedup key only: freed before the rows are written.
  key.release();
  for (const UnitKey::Counted& counted : key.variants()) {
    const core::Variant& v = *counted.variant;
    const std::string ilang = index_lang(v.lang);
    const auto at = static_cast<std::size_t>(&v - unit.variants.data());
    VariantKeys computed;
    const bool have = given != nullptr && at < given->size();
    if (!have) computed = keyer_(v.lang, v.text);
    index_.tokens(ilang, have ? (*given)[at].words : computed.words, ids_);
    if (have) (*given)[at] = VariantKeys{};  // consumed
    if (vid_ >= std::int64_t{0xFFFFFFFF}) {
      throw StoreError(Kind::kBadInput, tm_.location(),
                       "the TM holds 2^32 variants, the most its index can tell apart; "
                       "split the TM");
    }
    const auto vid = static_cast<std::uint32_t>(++vid_);
    encode_tokens(ids_, toks_);
    index_.add_variant(vid, ids_);
    std::string& w = batch_.variants;
    put_varint(w, static_cast<std::uint64_t>(uid));
    put_str(w, v.lang);
    put_str(w, ilang);
    put_str(w, v.text);
    put_str(w, v.inline_xml);
    put_str(w, v.creationdate);
    put_str(w, v.changedate);
    put_str(w, encode_extra(v.props, v.notes, v.attrs));
    put_str(w, toks_);
  }
  ++stats_.units_added;
  if (++batch_units_ >= kBatchUnits
      || batch_.units.size() + batch_.variants.size() >= kBatchBytes) {
    flush(false);
  }
}

// Hands the batch to the writer (started at the first batch that is not the last), or, for an
// import of one batch, writes it here. Into an empty TM, the first batch that is not the last
// drops the indexes.
void PgImport::flush(bool last) {
  batch_.uid_to = uid_;
  batch_.vid_to = vid_;
  if (!last && empty_at_start_ && !bulk_) batch_.drop_indexes = bulk_ = true;
  Batch b = std::move(batch_);
  batch_ = Batch{};
  batch_.uid_from = uid_ + 1;
  batch_.vid_from = vid_ + 1;
  batch_units_ = 0;
  const auto t0 = std::chrono::steady_clock::now();
  if (!writer_ && !last) {
    writer_ = std::make_unique<BatchWriter>([this](Batch& w) { write_batch(w); });
  }
  if (writer_) {
    writer_->push(std::move(b));
    if (last) {
      writer_->finish();
      writer_.reset();
    }
  } else {
    write_batch(b);
  }
  phases_.add(wait_seconds_, t0);
}

// The batch's rows, by binary COPY.
void PgImport::write_batch(Batch& b) {
  const auto t0 = std::chrono::steady_clock::now();
  if (b.drop_indexes) drop_indexes();
  if (b.uid_to >= b.uid_from) {
    {
      pg::CopyIn rows(c_,
                      "COPY tm_units(id, digest, dedup, tuid, created, changed, document, "
                      "origin, confidence, extra) FROM STDIN (FORMAT binary)",
                      "writing the units");
      std::string_view in = b.units;
      for (std::int64_t id = b.uid_from; id <= b.uid_to && in.size() >= 24; ++id) {
        rows.row(10);
        rows.int8(id);
        rows.bytes(in.substr(0, 16));
        const auto* dedup = reinterpret_cast<const unsigned char*>(in.data() + 16);
        rows.int8(static_cast<std::int64_t>(load_le(dedup, 8)));
        in.remove_prefix(24);
        const std::string_view tuid = get_str(in);
        if (tuid.empty()) {
          rows.null();
        } else {
          rows.bytes(tuid);
        }
        rows.bytes(get_str(in));  // created
        rows.bytes(get_str(in));  // changed
        rows.bytes(get_str(in));  // document
        rows.bytes(get_str(in));  // origin
        if (get_u(in) == 1 && in.size() >= 8) {
          rows.float8(std::bit_cast<double>(load_le(reinterpret_cast<const unsigned char*>(in.data()), 8)));
          in.remove_prefix(8);
        } else {
          rows.null();
        }
        rows.bytes(get_str(in));  // extra
      }
      rows.finish();
    }
    {
      pg::CopyIn rows(c_,
                      "COPY tm_variants(id, unit_id, lang, ilang, text, inline_xml, created, "
                      "changed, extra, toks) FROM STDIN (FORMAT binary)",
                      "writing the variants");
      std::string_view in = b.variants;
      for (std::int64_t id = b.vid_from; id <= b.vid_to && !in.empty(); ++id) {
        rows.row(10);
        rows.int8(id);
        rows.int8(static_cast<std::int64_t>(get_u(in)));
        rows.bytes(get_str(in));  // lang
        rows.bytes(get_str(in));  // ilang
        rows.bytes(get_str(in));  // text
        const std::string_view inline_xml = get_str(in);
        if (inline_xml.empty()) rows.null(); else rows.bytes(inline_xml);
        rows.bytes(get_str(in));  // created
        rows.bytes(get_str(in));  // changed
        rows.bytes(get_str(in));  // extra
        rows.bytes(get_str(in));  // toks
      }
      rows.finish();
    }
  }
  if (!b.dups.empty()) {
    if (!dups_table_) {
      c_.exec("CREATE TEMP TABLE tilmash_dups(seq bigint, digest bytea, created text, changed "
              "text) ON COMMIT DROP",
              "looking for duplicates");
      dups_table_ = true;
    }
    pg::CopyIn rows(c_, "COPY tilmash_dups(seq, digest, created, changed) FROM STDIN (FORMAT binary)",
                    "looking for duplicates");
    std::string_view in = b.dups;
    while (in.size() >= 16) {
      rows.row(4);
      rows.int8(++dup_seq_);
      rows.bytes(in.substr(0, 16));
      in.remove_prefix(16);
      rows.bytes(get_str(in));
      rows.bytes(get_str(in));
    }
    rows.finish();
  }
  phases_.add(copy_seconds_, t0);
}

void PgImport::drop_indexes() {
  c_.exec("ALTER TABLE tm_units DROP CONSTRAINT tm_units_pkey, DROP CONSTRAINT tm_units_digest; "
          "ALTER TABLE tm_variants DROP CONSTRAINT tm_variants_pkey; DROP INDEX tm_variants_unit; "
          "ALTER TABLE tm_postings DROP CONSTRAINT tm_postings_pkey; "
          "ALTER TABLE tm_vocab DROP CONSTRAINT tm_vocab_pkey, DROP CONSTRAINT tm_vocab_key",
          "writing the TM");
}

void PgImport::build_indexes() {
  c_.exec("SET LOCAL maintenance_work_mem = '256MB'; "
          "ALTER TABLE tm_units ADD PRIMARY KEY (id), "
          "ADD CONSTRAINT tm_units_digest UNIQUE (digest); "
          "ALTER TABLE tm_variants ADD PRIMARY KEY (id); "
          "CREATE INDEX tm_variants_unit ON tm_variants(unit_id); "
          "ALTER TABLE tm_postings ADD PRIMARY KEY (key); "
          "ALTER TABLE tm_vocab ADD PRIMARY KEY (id), ADD CONSTRAINT tm_vocab_key UNIQUE (lang, key)",
          "indexing the TM");
}

// The postings rows, the new keys and the frequencies of stored keys.
void PgImport::write_index() {
  {
    pg::CopyIn rows(c_, "COPY tm_postings(key, ids) FROM STDIN (FORMAT binary)",
                    "writing the index");
    index_.for_each_row([&](std::uint32_t token, std::size_t row, std::string_view blob) {
      rows.row(2);
      rows.int8(postings_key(token, row, next_batch_));
      rows.bytes(blob);
    });
    rows.finish();
  }
  phases_.mark("postings");
  {
    pg::CopyIn rows(c_, "COPY tm_vocab(id, lang, key, df) FROM STDIN (FORMAT binary)",
                    "writing the index");
    index_.new_keys([&](std::uint32_t id, std::string_view lang, std::string_view key,
                        std::uint64_t df) {
      rows.row(4);
      rows.int4(static_cast<std::int32_t>(id));
      rows.bytes(lang);
      rows.bytes(key);
      rows.int8(static_cast<std::int64_t>(df));
    });
    rows.finish();
  }
  if (index_.has_df_increments()) {
    c_.exec("CREATE TEMP TABLE tilmash_df(id integer, d bigint) ON COMMIT DROP",
            "writing the index");
    {
      pg::CopyIn rows(c_, "COPY tilmash_df(id, d) FROM STDIN (FORMAT binary)", "writing the index");
      index_.df_increments([&](std::uint32_t id, std::uint64_t d) {
        rows.row(2);
        rows.int4(static_cast<std::int32_t>(id));
        rows.int8(static_cast<std::int64_t>(d));
      });
      rows.finish();
    }
    c_.exec("UPDATE tm_vocab v SET df = v.df + t.d FROM tilmash_df t WHERE v.id = t.id",
            "writing the index");
  }
  phases_.mark("vocabulary");
}

// Each duplicate's dates merged into its stored unit's, in the order the duplicates came
// (merge_dates), read through a cursor and written back in one UPDATE.
void PgImport::merge_duplicates() {
  if (!dups_table_) return;
  c_.exec("ANALYZE tilmash_dups; "
          "CREATE TEMP TABLE tilmash_dates(id bigint, created text, changed text) ON COMMIT DROP; "
          "DECLARE tilmash_merge NO SCROLL CURSOR FOR SELECT u.id, u.created, u.changed, "
          "d.created, d.changed FROM tilmash_dups d JOIN tm_units u ON u.digest = d.digest "
          "ORDER BY u.id, d.seq",
          "merging duplicates");
  std::int64_t id = 0;
  UnitDates stored;
  UnitDates merged;
  std::vector<std::pair<std::int64_t, UnitDates>> out;
  const auto done = [&] {
    if (id != 0 && !(merged == stored)) out.emplace_back(id, std::move(merged));
  };
  for (;;) {
    pg::Result r = c_.exec("FETCH 20000 FROM tilmash_merge", "merging duplicates");
    for (int i = 0; i < r.rows(); ++i) {
      const std::int64_t row_id = r.text_int(i, 0);
      if (row_id != id) {
        done();
        id = row_id;
        stored = {std::string(r.bytes(i, 1)), std::string(r.bytes(i, 2))};
        merged = stored;
      }
      merged = merge_dates(merged, {std::string(r.bytes(i, 3)), std::string(r.bytes(i, 4))});
    }
    if (r.rows() == 0) done();
    if (!out.empty() && (r.rows() == 0 || out.size() >= 20000)) {
      pg::CopyIn rows(c_, "COPY tilmash_dates(id, created, changed) FROM STDIN (FORMAT binary)",
                      "merging duplicates");
      for (const auto& [uid, dates] : out) {
        rows.row(3);
        rows.int8(uid);
        rows.bytes(dates.created);
        rows.bytes(dates.changed);
      }
      rows.finish();
      out.clear();
    }
    if (r.rows() == 0) break;
  }
  c_.exec("CLOSE tilmash_merge; "
          "UPDATE tm_units u SET created = d.created, changed = d.changed FROM tilmash_dates d "
          "WHERE u.id = d.id",
          "merging duplicates");
}

ImportStats PgImport::commit() {
  if (!open_) return stats_;
  try {
    flush(true);
    if (phases_.on()) {
      std::fprintf(stderr,
                   "tilmash profile: (batches' COPY %.3f s in the writer; the import waited "
                   "%.3f s for it)\n",
                   copy_seconds_, wait_seconds_);
    }
    phases_.mark("units and variants");
    write_index();
    if (bulk_) {
      build_indexes();
      phases_.mark("indexes");
    }
    merge_duplicates();
    phases_.mark("duplicates");
    c_.run("UPDATE tilmash_meta SET value = CASE key WHEN 'next_batch' THEN $1 ELSE "
           "(value::bigint + 1)::text END WHERE key IN ('next_batch', 'data_version')",
           {Param::text(i64s(next_batch_ + 1))}, false, "writing the TM");
    c_.exec("COMMIT", "committing the import");
    phases_.mark("commit");
  } catch (...) {
    writer_.reset();
    c_.exec_quietly("ROLLBACK");
    open_ = false;
    throw;
  }
  open_ = false;
  return stats_;
}

}  // namespace

std::unique_ptr<TmImport> begin_import(PostgresTm& tm, Keyer keyer, std::string now,
                                       const std::function<void(const std::string&)>& waiting) {
  return std::make_unique<PgImport>(tm, std::move(keyer), std::move(now), waiting);
}

}  // namespace tilmash::store::pg
