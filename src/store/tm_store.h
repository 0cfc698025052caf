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

struct sqlite3;
struct sqlite3_stmt;

namespace tilmash::store {

// A failure of the TM file, "path: error: message". kIo: cannot open, locked, read-only, disk
// full (the CLI exits 4); kBadInput: not a tilmash TM, corrupt, newer schema (exit 3).
class StoreError : public std::runtime_error {
 public:
  enum class Kind { kIo, kBadInput };
  StoreError(Kind kind, const std::string& path, const std::string& message);
  Kind kind() const { return kind_; }
  const std::string& path() const { return path_; }
  const std::string& message() const { return message_; }  // without "path: error: "

 private:
  Kind kind_;
  std::string path_;
  std::string message_;
};

// Schema version this build writes. A file with a newer one is refused; an older one is read
// as it is, and upgraded when opened for writing.
inline constexpr int kSchemaVersion = 2;

enum class OpenMode {
  kReadOnly,   // lookups; the file must exist
  kReadWrite,  // imports; created (with the schema) when missing
};

// Where a unit came from (stored per unit).
struct Provenance {
  std::string document;       // source file or document ("udhr.kk.txt", "a.tmx")
  std::string origin;         // "tmx import", "tilmash align" …
};

// A sequence of strings packed in one buffer: a key costs its bytes plus 4, where a
// std::string costs 32 and often a heap block, so a segment of millions of words (a 20 MB
// <seg>) keeps its keys in about the size of its text.
class KeyList {
 public:
  KeyList() = default;
  KeyList(std::initializer_list<std::string_view> keys);

  void push_back(std::string_view key);
  void emplace_back(std::string_view key) { push_back(key); }
  void reserve(std::size_t keys, std::size_t bytes);
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t from = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(from, ends_[i] - from);
  }
  std::string_view at(std::size_t i) const;  // throws std::out_of_range

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    const_iterator() = default;
    const_iterator(const KeyList* list, std::size_t i) : list_(list), i_(i) {}
    std::string_view operator*() const { return (*list_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++i_;
      return old;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }

   private:
    const KeyList* list_ = nullptr;
    std::size_t i_ = 0;
  };
  using iterator = const_iterator;
  using value_type = std::string_view;
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  operator std::vector<std::string>() const;  // NOLINT: implicit, a drop-in for the vector
  bool operator==(const KeyList&) const = default;
  friend bool operator==(const KeyList& a, const std::vector<std::string>& b);

 private:
  std::string chars_;
  std::vector<std::uint32_t> ends_;  // end of key i in chars_
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
