// The team TM: a store::TmBackend on a PostgreSQL server, selected by a libpq connection URI
// (postgresql://…; passwords only through libpq: ~/.pgpass, PGPASSWORD, service files).
// Stores what the SQLite TM stores, with the same keys, dedup and date merging
// (store/unit_keys.h) and the same postings blobs (store/postings_codec.h), so lookups give
// the same results. Many clients may import and look up at once: an import is one
// transaction that holds a transaction-scoped advisory lock from its start (imports run one
// after another) and streams its units to the server in batches (store/postgres_import.cc);
// readers never wait.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/tm_backend.h"

namespace tilmash::store {

namespace pg {
class Conn;
struct SnapshotUnits;
}

// The schema version this build writes into tilmash_meta; a newer one is refused.
inline constexpr int kPgSchemaVersion = 1;

class PostgresTm : public TmBackend {
 public:
  // Connects to `uri`. kReadWrite creates the schema in an empty database; a database with
  // other tables and no tilmash_meta, or a newer schema, is refused (kBadInput). A refused
  // connection, or a role that may not write in kReadWrite, throws kIo.
  PostgresTm(const std::string& uri, OpenMode mode, int busy_timeout_ms = 5000);
  ~PostgresTm() override;
  PostgresTm(const PostgresTm&) = delete;
  PostgresTm& operator=(const PostgresTm&) = delete;

  const std::string& location() const override { return location_; }
  std::unique_ptr<TmImport> begin_import(
      Keyer keyer, std::string now,
      const std::function<void(const std::string&)>& waiting = {}) override;
  std::size_t unit_count() const override;
  void for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const override;
  std::optional<StoredUnit> unit_of_variant(std::int64_t variant_id) const override;
  // One statement for all the ids.
  std::vector<std::optional<StoredUnit>> units_of_variants(
      std::span<const std::int64_t> variant_ids) const override;
  std::unique_ptr<FuzzyIndex> fuzzy_index(std::string_view lang) const override;
  std::size_t update_concordance(const SearchKeyer& keyer) override;
  bool concordance_current() const override;
  std::vector<std::int64_t> concordance(std::span<const ConcordanceTerm> phrase,
                                        std::string_view lang, std::size_t limit) const override;
  std::unique_ptr<ReadSnapshot> read_snapshot() const override;
  std::int64_t data_version() const override;
  std::string integrity_check() const override;

  const pg::Conn& conn() const { return *conn_; }
  int lock_timeout_ms() const { return lock_timeout_ms_; }

 private:
  void open_schema(OpenMode mode);
  std::string location_;
  std::unique_ptr<pg::Conn> conn_;
  std::unique_ptr<pg::SnapshotUnits> prefetched_;  // units read ahead in the open snapshot
  bool read_only_ = true;
  int lock_timeout_ms_ = 5000;
};

// The concordance's query for `phrase` in the text syntax of tsquery, with lexemes quoted as
// literals (no text-search configuration touches them): "'open' <-> 'fil':*". Empty when the
// phrase holds no word. Exposed for tests.
std::string pg_phrase_query(std::span<const ConcordanceTerm> phrase);
// The tsvector, in its text syntax, of a variant's concordance keys (space separated).
std::string pg_keys_vector(std::string_view keys);

}  // namespace tilmash::store
