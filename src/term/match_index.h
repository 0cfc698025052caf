// The lookup index of term::Matcher as flat arrays: normalised term keys, one record per term,
// prefix buckets and their postings. It serialises to bytes and back (bounds-checked), so a
// caller can keep it between runs; this module never touches files. The arrays are views: into
// storage the index owns (build, deserialize) or into bytes the caller keeps alive and hands
// over (view: a memory-mapped cache file is used in place, nothing is copied).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "term/glossary.h"

namespace tilmash::term {

// The matching rules a term's language follows.
enum class IndexLang : std::uint32_t { kKazakh, kRussian, kEnglish, kOther };

class MatchIndex {
 public:
  // Bumped whenever the layout or the keys it stores (normalisation, bucketing) change.
  static constexpr std::uint32_t kFormatVersion = 2;
  // view() needs its bytes aligned to this (serialize() pads every array to it).
  static constexpr std::size_t kAlignment = 8;

  // One indexed term: all fields are 32-bit, so the record has no padding bytes.
  struct TermRecord {
    std::uint32_t entry = 0;         // index into the glossary's entries
    std::uint32_t term = 0;          // index into entries[entry].terms.at(lang)
    std::uint32_t lang = 0;          // index into langs()
    std::uint32_t kind = 0;          // IndexLang
    std::uint32_t status = 0;        // 0 preferred, 1 admitted, 2 deprecated, 3 forbidden
    std::uint32_t first_key = 0;     // keys [first_key, first_key + key_count)
    std::uint32_t key_count = 0;     // >= 1
    std::uint32_t phrase_begin = 0;  // bytes of the keys joined by ' ' in the text pool
    std::uint32_t phrase_size = 0;
    std::uint32_t phrase_cps = 0;    // code points of the phrase
    bool operator==(const TermRecord&) const = default;
  };
  struct Slice {
    std::uint32_t begin = 0;  // byte offset in the text pool
    std::uint32_t size = 0;   // bytes
    bool operator==(const Slice&) const = default;
  };
  struct Bucket {
    Slice name;                       // the bucket's bytes (a key prefix)
    std::uint32_t first_posting = 0;  // postings [first_posting, first_posting + posting_count)
    std::uint32_t posting_count = 0;
    bool operator==(const Bucket&) const = default;
  };
  struct Posting {
    std::uint32_t term = 0;  // index into terms()
    std::uint32_t pos = 0;   // word position in the term, < key_count
    bool operator==(const Posting&) const = default;
  };

  MatchIndex() = default;

  // Indexes every term of `glossary` (terms without a word are skipped). Terms are numbered
  // in glossary order (entry, language tag, term); a bucket's postings keep that order.
  static MatchIndex build(const Glossary& glossary);

  // The index stored in `bytes` (as serialize() wrote them). Fails (kBadFormat, byte_offset
  // where it stopped) on truncated, inconsistent or out-of-range data; never reads past
  // `bytes`. The result owns copies; `bytes` may go away.
  static core::Result<MatchIndex> deserialize(std::string_view bytes);

  // As deserialize, but the index points into `bytes` instead of copying them: `bytes` must
  // start at a kAlignment boundary (else kBadFormat) and stay valid while the index or a copy of
  // it lives; `keep` is held by the index (and its copies) for that purpose (may be null when
  // the caller guarantees the lifetime otherwise).
  //
  // Checking: deserialize and view check the header and every array's length against the
  // bytes, but not the records themselves (that would read all of a large index on each start
  // of a command). Records are checked where they are used: bucket() returns only postings
  // inside the posting table, term_at() only valid terms, and valid() tells whether a record
  // may be used; key() and phrase() never read outside the text pool. A damaged record is
  // skipped, never followed.
  static core::Result<MatchIndex> view(std::string_view bytes, std::shared_ptr<const void> keep);

  // The index as bytes (host byte order, tagged; deserialize rejects another order).
  std::string serialize() const;

  std::uint32_t entry_count() const { return entry_count_; }
  const std::vector<std::string>& langs() const { return langs_; }
  std::span<const TermRecord> terms() const { return terms_; }
  std::size_t text_bytes() const { return text_.size(); }

  // True when every reference of `t` stays inside the index (always, for a built index).
  bool valid(const TermRecord& t) const;

  // The term a posting names, or nullptr when the posting or that term is damaged.
  const TermRecord* term_at(const Posting& p) const;

  // Word `p` of term `t` (`t` valid, p < key_count), or the whole phrase: views into the index
  // (valid while it lives); empty for a slice outside the text pool.
  std::string_view key(const TermRecord& t, std::size_t p) const {
    return slice(keys_[t.first_key + p]);
  }
  std::string_view phrase(const TermRecord& t) const {
    return slice(Slice{t.phrase_begin, t.phrase_size});
  }

  // Postings of the bucket named `name` (a key prefix); empty when there is none or when its
  // posting range is damaged.
  std::span<const Posting> bucket(std::string_view name) const;

  // Equal contents (wherever they are stored).
  bool operator==(const MatchIndex& o) const;

 private:
  struct Owned;  // the arrays of a built or copied index
  std::string_view slice(Slice s) const {
    return s.begin <= text_.size() && s.size <= text_.size() - s.begin
               ? text_.substr(s.begin, s.size)
               : std::string_view();
  }
  static core::Result<MatchIndex> parse(std::string_view bytes, std::shared_ptr<const void> keep);

  std::shared_ptr<const void> keep_;  // keeps the bytes the views below point into
  std::uint32_t entry_count_ = 0;
  std::vector<std::string> langs_;    // language tags, sorted
  std::string_view text_;             // pool of key, phrase and bucket bytes
  std::span<const TermRecord> terms_;
  std::span<const Slice> keys_;
  std::span<const Bucket> buckets_;   // sorted by name bytes
  std::span<const Posting> postings_;
};

// Bucket of a term word: its first 4 code points (the whole word when shorter).
std::string_view bucket_of(std::string_view key);

}  // namespace tilmash::term
