// Lossless candidate generation for fuzzy lookup: an inverted index of word tokens (q-grams
// with q = 1 over words) with a count-filter bound. Given a threshold, every segment whose
// base percentage (match_percent.h) reaches it is found; nothing above the threshold is lost.
// The index itself is abstract (IndexSource): the TM store persists one in SQLite, and
// MemoryIndex is a small in-memory one for tests. Pure algorithms; no files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/posting.h"

namespace tilmash::tm {

// The bound for one query. With m query words, threshold t % (1–100), a segment of n words
// can reach base >= t only if
//   min_len <= n <= max_len,  min_len = ceil(t m / 100),  max_len = floor(100 m / t),
// and it shares at least min_shared = ceil(t m / 100) word tokens with the query (multiset
// intersection), so it holds one of the `prefix` = m - min_shared + 1 rarest query tokens.
struct CountFilter {
  std::size_t min_len = 0;
  std::size_t max_len = 0;
  std::size_t min_shared = 0;
  std::size_t prefix = 0;
};

// The bound for a query of `m` word tokens (m >= 1) and threshold `min_percent` (clamped
// to 1–100).
CountFilter count_filter(std::size_t m, int min_percent);

// The largest word distance D with base_percent(m, n, D) >= min_percent (see match_percent.h).
std::size_t max_distance(std::size_t m, std::size_t n, int min_percent);

// Read access to an inverted index over segments (token-id sequences).
class IndexSource {
 public:
  virtual ~IndexSource() = default;
  // Number of segments holding `token`; 0 when the index does not know it.
  virtual std::uint64_t frequency(std::uint32_t token) const = 0;
  // Appends a posting for every segment of min_len..max_len words holding `token`, in any
  // order, with the segment's signature (core/posting.h) or core::kAllBits.
  virtual void postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                              std::vector<core::Posting>& out) const = 0;
  // postings_range() of every range: out[i] gets those of ranges[i] (out is resized to
  // ranges.size()). search() reads its prefix lists with one call; the default calls
  // postings_range() per range.
  virtual void postings_many(std::span<const core::PostingRange> ranges,
                             std::vector<std::vector<core::Posting>>& out) const;
  // The token ids of segment `id`, in order; empty if unknown.
  virtual std::vector<std::uint32_t> tokens(std::uint64_t id) const = 0;
  // tokens() of every id: out[i] = tokens(ids[i]) (out is resized to ids.size()). search()
  // asks for all the segments it verifies at once, so a source behind a server can answer in
  // one round trip; the default calls tokens() per id.
  virtual void tokens_many(std::span<const std::uint64_t> ids,
                           std::vector<std::vector<std::uint32_t>>& out) const;
};

// Token id for query words the index does not know: it matches nothing.
inline constexpr std::uint32_t kUnknownToken = 0xFFFFFFFFu;

struct Candidate {
  std::uint64_t id = 0;       // segment id in the IndexSource
  int base = 0;               // base percentage (before penalties)
  std::size_t distance = 0;   // word edit distance to the query
  bool operator==(const Candidate&) const = default;
};

struct SearchStats {
  std::size_t probed_tokens = 0;   // distinct query tokens
  std::size_t candidates = 0;      // segments found in the prefix lists
  std::size_t signature_pruned = 0;  // prefix postings whose signature ruled them out
  std::size_t lists_read = 0;      // posting-list reads (prefix ranges, then per length)
  std::size_t verified = 0;        // segments whose distance was computed
  std::size_t token_reads = 0;     // tokens_many() calls (at most one per search)
  std::size_t batches = 0;         // postings_many() calls (at most one per search)
};

// Segments whose base percentage against `query` is >= min_percent, best first (base
// descending, then id ascending). Per candidate length n in the length range: candidates come
// from the posting lists of the `prefix` rarest query tokens (prefix filtering: Chaudhuri,
// Ganti & Kaushik 2006); a prefix posting whose signature shows it cannot share
// ceil(t max(m, n) / 100) query tokens is dropped unread; the survivors' shared-token count is
// completed from the other lists by binary search and those below that need are dropped (count
// filtering: Jokinen & Ukkonen 1991), the rest verified with word_distance. When only a few candidates of a length
// are undecided, they are verified directly instead of reading more lists (verification is
// exact, so this changes the work, never the result). Empty query: empty.
std::vector<Candidate> search(const IndexSource& index, std::span<const std::uint32_t> query,
                              int min_percent, SearchStats* stats = nullptr);

// The same result by checking every segment (with the length pre-filter): the reference the
// tests and the benchmark compare search() with. segments[i] has id i.
std::vector<Candidate> brute_force(std::span<const std::vector<std::uint32_t>> segments,
                                   std::span<const std::uint32_t> query, int min_percent);

// An in-memory IndexSource over segments given as token-id sequences (id = position).
class MemoryIndex : public IndexSource {
 public:
  explicit MemoryIndex(std::vector<std::vector<std::uint32_t>> segments);
  std::uint64_t frequency(std::uint32_t token) const override;
  void postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                      std::vector<core::Posting>& out) const override;
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override;
  const std::vector<std::vector<std::uint32_t>>& segments() const { return segments_; }

 private:
  std::vector<std::vector<std::uint32_t>> segments_;
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> postings_;  // (token, length)
  std::vector<std::uint64_t> signatures_;
  std::unordered_map<std::uint32_t, std::uint64_t> frequency_;
  std::unordered_map<std::uint32_t, std::uint64_t> last_;  // build only
};

}  // namespace tilmash::tm
