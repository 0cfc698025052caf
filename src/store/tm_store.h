// The translation memory on disk: one SQLite file (WAL) holding units, their language
// variants, props, notes, provenance and dates, plus the persisted fuzzy index (token
// postings per language) and a concordance index (FTS5). The only place that includes
// sqlite3.h. Holds no matching logic: the keys to index come from the caller (src/tm,
// src/term through src/cli), and tm::search runs over TmStore::FuzzyIndex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/posting.h"
#include "core/types.h"
#include "store/tm_backend.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tilmash::store {

// Schema version this build writes. A file with a newer one is refused; an older one is read
// as it is, and upgraded when opened for writing.
inline constexpr int kSchemaVersion = 2;

// A SQLite TM. Every failure throws StoreError. Not thread-safe; other processes may read
// while one imports (WAL).
class TmStore {
 public:
  // Opens (or, in kReadWrite, creates) the TM at `path`. busy_timeout_ms: how long to wait for
  // a lock held by another process before failing with IoError ("database is locked").
  TmStore(std::string path, OpenMode mode, int busy_timeout_ms = 5000);
  ~TmStore();
  TmStore(const TmStore&) = delete;
  TmStore& operator=(const TmStore&) = delete;

  const std::string& path() const { return path_; }

  // One import, one transaction: nothing is visible to readers (and nothing survives a crash)
  // before commit(). Destroying an uncommitted Import rolls back.
  class Import {
   public:
    ~Import();
    Import(Import&&) noexcept;
    Import& operator=(Import&&) = delete;
    Import(const Import&) = delete;
    Import& operator=(const Import&) = delete;
    // Adds `unit` (variants with empty text dropped; fewer than two left: skipped) or merges it
    // into a stored unit with the same languages and normalised texts (NFC, white space
    // collapsed): creationdate becomes the earlier, changedate the later. `keys`, when given,
    // holds the fuzzy keys of unit.variants[i] at [i], computed by the caller (on another
    // thread, say) with the same function as the import's keyer; otherwise the keyer runs here.
    // Given keys are consumed: each is released once its token ids are known, before its row
    // is written, so a huge segment's keys and SQLite's copy of its text are not held at once.
    void add(const core::TranslationUnit& unit, const Provenance& provenance,
             std::optional<double> confidence = std::nullopt,
             std::vector<VariantKeys>* keys = nullptr);
    // Writes the index and commits. Throws IoError (disk full …); then nothing was committed.
    ImportStats commit();
    const ImportStats& stats() const;

   private:
    friend class TmStore;
    struct State;
    explicit Import(std::unique_ptr<State> state);
    std::unique_ptr<State> s_;
  };
  // Starts an import; `keyer` gives the fuzzy keys per variant, `now` ("YYYYMMDDThhmmssZ")
  // stamps units without dates. Throws IoError when the TM is read-only or locked.
  Import begin_import(Keyer keyer, std::string now);

  std::size_t unit_count() const;
  // Units in id order; `fn` returns false to stop.
  void for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const;
  // The unit holding variant `variant_id`, or nullopt.
  std::optional<StoredUnit> unit_of_variant(std::int64_t variant_id) const;

  // The persisted fuzzy index of one language (primary subtag: "en" covers en-US), a
  // tm::IndexSource in all but name (store cannot include tm; cli adapts it). Segment ids are
  // variant ids. Valid while the store lives.
  class FuzzyIndex {
   public:
    // Token id of a fuzzy key in this language, or nullopt.
    std::optional<std::uint32_t> token(std::string_view key) const;
    // Token id and frequency (segments holding it) in one lookup, or nullopt.
    struct Entry {
      std::uint32_t token = 0;
      std::uint64_t frequency = 0;
    };
    std::optional<Entry> entry(std::string_view key) const;
    std::uint64_t frequency(std::uint32_t token) const;
    // Appends the postings (id, signature, length) of the segments of min_len..max_len words
    // holding `token`: one range scan, the lists of a token being stored next to each other;
    // by length, then id. Signatures are core::kAllBits in a version-1 TM.
    void postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                        std::vector<core::Posting>& out) const;
    std::vector<std::uint32_t> tokens(std::uint64_t id) const;
    // Every indexed segment of the language with its tokens (for brute-force comparisons).
    void for_each_segment(
        const std::function<void(std::uint64_t, std::vector<std::uint32_t>)>& fn) const;

   private:
    friend class TmStore;
    FuzzyIndex(const TmStore* store, std::string lang) : store_(store), lang_(std::move(lang)) {}
    const TmStore* store_;
    std::string lang_;
  };
  FuzzyIndex fuzzy_index(std::string_view lang) const;

  // Concordance. update_concordance() indexes variants added since the last call (keys: the
  // caller's inflection-aware search keys, space separated) and needs a writable TM;
  // concordance() runs an FTS5 query in its syntax (the caller quotes) and returns matching
  // variant ids, lowest first, at most `limit`.
  using SearchKeyer = std::function<std::string(std::string_view lang, std::string_view text)>;
  std::size_t update_concordance(const SearchKeyer& keyer);
  bool concordance_current() const;
  // `lang`: a primary subtag to keep only variants of that language, or "" for all.
  std::vector<std::int64_t> concordance(const std::string& fts_query, std::string_view lang,
                                        std::size_t limit) const;

  // One read transaction for as long as it lives: a consistent snapshot, and one lock for
  // many statements instead of one each (lookups run hundreds). Not during an import.
  class ReadScope {
   public:
    explicit ReadScope(const TmStore& store);
    ~ReadScope();
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

   private:
    const TmStore& store_;
  };

  // Changes whenever another connection commits to the TM (PRAGMA data_version): callers
  // that keep what they read across snapshots drop it when this moves.
  std::int64_t data_version() const;

  // "ok" or SQLite's list of problems (PRAGMA integrity_check).
  std::string integrity_check() const;

 private:
  friend class FuzzyIndex;
  struct Cache;
  void init_schema();
  void migrate_v1();
  sqlite3_stmt* prepare(const char* sql) const;  // cached; reset before returning
  std::string path_;
  std::unique_ptr<Cache> cache_;
  sqlite3* db_ = nullptr;
  bool read_only_ = true;
  int schema_version_ = kSchemaVersion;
};

// Quotes `word` as an FTS5 string ("a""b").
std::string fts_quote(std::string_view word);

}  // namespace tilmash::store
