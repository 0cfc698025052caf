// The translation memory's backend interface: what every TM store offers, whatever keeps it.
// Two implementations: store::SqliteTm (one SQLite file, the embedded default) and
// store::PostgresTm (a team TM on a PostgreSQL server, selected by a postgresql:// URI).
// Everything that decides *what* is stored (normalisation, deduplication keys, date merging,
// the postings encoding) lives once, above both (store/unit_keys.h, store/postings_codec.h);
// a backend only decides *how* it is kept. Holds no matching logic: fuzzy and concordance keys
// come from the caller (the application layer wires tm and term), and tm::search runs over
// FuzzyIndex. Every failure throws StoreError.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/failure.h"
#include "core/posting.h"
#include "core/types.h"
#include "store/key_list.h"

namespace tilmash::store {

// A failure of the TM, "location: error: message" (location: the file, or the URI without
// its password: core::Failure removes it). A member of the one failure family
// (core/failure.h), which main.cc catches. kIo: cannot open, locked, read-only, disk full,
// connection lost (the CLI exits 4); kBadInput: not a tilmash TM, corrupt, newer schema (exit 3).
class StoreError : public core::Failure {
 public:
  using Kind = core::FailureKind;  // StoreError::Kind::kIo, StoreError::Kind::kBadInput
  StoreError(Kind kind, const std::string& path, const std::string& message)
      : core::Failure(kind, path, message) {}
  const std::string& path() const { return location(); }
};

enum class OpenMode {
  kReadOnly,   // lookups; the file must exist
  kReadWrite,  // imports; created (with the schema) when missing
};

// Where a unit came from (stored per unit).
struct Provenance {
  std::string document;       // source file or document ("udhr.kk.txt", "a.tmx")
  std::string origin;         // "tmx import", "tilmash align" …
};

// What the index keeps per variant, computed by the caller (the CLI wires tm and term).
struct VariantKeys {
  KeyList words;   // fuzzy keys (tm::TokenizedText::word_keys())
};
using Keyer = std::function<VariantKeys(std::string_view lang, std::string_view text)>;

struct ImportStats {
  std::size_t units_read = 0;
  std::size_t units_added = 0;
  std::size_t units_merged = 0;    // duplicates of a stored unit (dates updated)
  std::size_t units_skipped = 0;   // fewer than two non-empty variants
};

struct StoredVariant {
  std::int64_t id = 0;             // variant id (the fuzzy and concordance indexes' segment id)
  core::Variant variant;
};

struct StoredUnit {
  std::int64_t id = 0;
  core::TranslationUnit unit;      // as imported (props, notes, attributes, dates)
  std::vector<std::int64_t> variant_ids;  // parallel to unit.variants
  Provenance provenance;
  std::optional<double> confidence;       // alignment confidence, when known
};

// One word of a concordance query: `key` is a search key as the SearchKeyer makes them;
// `prefix`: any key starting with it matches.
struct ConcordanceTerm {
  std::string key;
  bool prefix = false;
  bool operator==(const ConcordanceTerm&) const = default;
};

// Concordance keys of a variant, space separated (the caller's inflection-aware keys).
using SearchKeyer = std::function<std::string(std::string_view lang, std::string_view text)>;

// One import, one transaction: nothing is visible to readers (and nothing survives a crash or
// a kill) before commit(). Destroying an uncommitted import rolls it back.
class TmImport {
 public:
  virtual ~TmImport() = default;
  // Adds `unit` (variants with empty text dropped; fewer than two left: skipped) or merges it
  // into a stored unit with the same languages and normalised texts (store/unit_keys.h):
  // creationdate becomes the earlier, changedate the later. `keys`, when given, holds the
  // fuzzy keys of unit.variants[i] at [i], computed by the caller with the same function as
  // the import's keyer; otherwise the keyer runs here. Given keys may be consumed (cleared).
  virtual void add(const core::TranslationUnit& unit, const Provenance& provenance,
                   std::optional<double> confidence = std::nullopt,
                   std::vector<VariantKeys>* keys = nullptr) = 0;
  // Writes the index and commits. Throws StoreError (kIo: disk full, connection lost …); then
  // nothing was committed.
  virtual ImportStats commit() = 0;
  virtual const ImportStats& stats() const = 0;
};

// The persisted fuzzy index of one language (primary subtag: "en" covers en-US). Segment ids
// are variant ids. Valid while its backend lives.
class FuzzyIndex {
 public:
  virtual ~FuzzyIndex() = default;
  struct Entry {
    std::uint32_t token = 0;
    std::uint64_t frequency = 0;  // segments holding the token
  };
  // Token id and frequency of a fuzzy key in this language, or nullopt.
  virtual std::optional<Entry> entry(std::string_view key) const = 0;
  // entry() of each key, in one round trip where the backend can (a server).
  virtual std::vector<std::optional<Entry>> entries(std::span<const std::string> keys) const;
  // What a search of the keys (in order, one per word of the query, repeats included) reads
  // first (tm::count_filter, tm::search): the postings of the `prefix` first keys in the order
  // of (frequency, token id), unknown keys first, the key at position i for the lengths
  // min_len .. min(max_len, 100 (m - i) / percent), m = the number of keys.
  struct ReadAhead {
    std::size_t min_len = 0;
    std::size_t max_len = 0;
    std::size_t prefix = 0;
    int percent = 100;  // 1-100
  };
  // entries(), told what the search will read next: a backend that reads ahead (a server)
  // sends those lists with the entries, and postings_many() serves them. The default is
  // entries().
  virtual std::vector<std::optional<Entry>> entries_ahead(std::span<const std::string> keys,
                                                          const ReadAhead& ahead) const;
  virtual std::uint64_t frequency(std::uint32_t token) const = 0;
  // Appends the postings (id, signature, length) of the segments of min_len..max_len words
  // holding `token`, by length, then id.
  virtual void postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                              std::vector<core::Posting>& out) const = 0;
  // postings_range() of each range (out[i] for ranges[i]; out is resized to ranges.size()),
  // in one round trip where the backend can (a server). The default calls postings_range().
  virtual void postings_many(std::span<const core::PostingRange> ranges,
                             std::vector<std::vector<core::Posting>>& out) const;
  // The token ids of segment `id`, in order; empty if unknown.
  virtual std::vector<std::uint32_t> tokens(std::uint64_t id) const = 0;
  // tokens() of each id (out[i] for ids[i]; out is resized to ids.size()), in one round trip
  // where the backend can (a server). The default calls tokens() per id.
  virtual void tokens_many(std::span<const std::uint64_t> ids,
                           std::vector<std::vector<std::uint32_t>>& out) const;
  // True when every call is a round trip to a server, whatever it asks (PostgreSQL): a caller
  // should ask for much at once rather than remember answers between queries (remembered
  // answers need a data_version() round trip per query to stay true) or read lists one at a
  // time. False when calls are reads in this process (SQLite).
  virtual bool remote() const { return false; }
  // Every indexed segment of the language with its tokens (brute-force comparisons).
  virtual void for_each_segment(
      const std::function<void(std::uint64_t, std::vector<std::uint32_t>)>& fn) const = 0;
};

// A consistent read snapshot for as long as it lives (and one lock or transaction for many
// statements). Not during an import on the same backend object.
class ReadSnapshot {
 public:
  virtual ~ReadSnapshot() = default;
};

class TmBackend {
 public:
  virtual ~TmBackend() = default;
  // The file, or the URI without its password: what messages name.
  virtual const std::string& location() const = 0;
  // Starts an import; `keyer` gives the fuzzy keys per variant, `now` ("YYYYMMDDThhmmssZ")
  // stamps units without dates. An import holds the TM's write lock from here to its end.
  // While another client's import holds it: with `waiting`, that is told once what the import
  // waits for, and it waits until the other import ends; without, it waits at most open_tm's
  // busy timeout. Throws StoreError (kIo) when the TM is read-only or stays locked.
  virtual std::unique_ptr<TmImport> begin_import(
      Keyer keyer, std::string now,
      const std::function<void(const std::string&)>& waiting = {}) = 0;

  virtual std::size_t unit_count() const = 0;
  // Units in id order; `fn` returns false to stop.
  virtual void for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const = 0;
  // The unit holding variant `variant_id`, or nullopt.
  virtual std::optional<StoredUnit> unit_of_variant(std::int64_t variant_id) const = 0;
  // unit_of_variant() of each id (out[i] for variant_ids[i]), in one round trip where the
  // backend can (a server). The default calls unit_of_variant() per id.
  virtual std::vector<std::optional<StoredUnit>> units_of_variants(
      std::span<const std::int64_t> variant_ids) const {
    std::vector<std::optional<StoredUnit>> out;
    out.reserve(variant_ids.size());
    for (const std::int64_t id : variant_ids) out.push_back(unit_of_variant(id));
    return out;
  }

  virtual std::unique_ptr<FuzzyIndex> fuzzy_index(std::string_view lang) const = 0;

  // Concordance. update_concordance() indexes the variants added since the last call and
  // needs a writable TM; concordance() returns the ids of variants whose keys hold `phrase`
  // (its terms adjacent and in order), lowest first, at most `limit`. `lang`: a primary
  // subtag to keep only variants of that language, or "" for all.
  virtual std::size_t update_concordance(const SearchKeyer& keyer) = 0;
  virtual bool concordance_current() const = 0;
  virtual std::vector<std::int64_t> concordance(std::span<const ConcordanceTerm> phrase,
                                                std::string_view lang,
                                                std::size_t limit) const = 0;

  virtual std::unique_ptr<ReadSnapshot> read_snapshot() const = 0;
  // Changes whenever another connection commits to the TM: callers that keep what they read
  // across snapshots drop it when this moves.
  virtual std::int64_t data_version() const = 0;
  // "ok" or the backend's list of problems.
  virtual std::string integrity_check() const = 0;
};

// True for a libpq connection URI (postgresql:// or postgres://).
bool is_postgres_uri(std::string_view location);

// Opens the TM at `location`: a PostgreSQL URI (the team TM), else a SQLite file path.
// busy_timeout_ms: how long to wait for a lock held by another client.
std::unique_ptr<TmBackend> open_tm(const std::string& location, OpenMode mode,
                                   int busy_timeout_ms = 5000);

}  // namespace tilmash::store
