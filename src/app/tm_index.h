// The store's fuzzy index (store::FuzzyIndex, any backend) as a tm::IndexSource: the one
// adapter between the two modules (store cannot include tm).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/tm_backend.h"
#include "tm/ngram_index.h"

namespace tilmash::app {

// Frequencies come with the token ids (ids() looks both up at once, in one round trip where
// the backend can). In-process backends (SQLite): known keys are remembered for the next
// queries of a batch until another client commits to the TM (sync() at the start of each
// query's snapshot); unknown keys are asked again each time. (Remembering posting lists as
// well was measured slower: SQLite's page cache already holds the frequent ones.) A remote
// index (PostgreSQL) answers all of a query's keys in the one round trip that remembering
// would have spent on data_version(), so nothing is remembered there and sync() asks nothing.
class StoreIndex : public tm::IndexSource {
 public:
  // Both must outlive the adapter.
  StoreIndex(const store::TmBackend& tm, const store::FuzzyIndex& index) : tm_(tm), index_(index) {}
  // Drops what it remembers when the TM changed; call inside each query's read snapshot.
  void sync();
  // Token ids of the query's keys (tm::kUnknownToken for unknown ones). With the threshold
  // of the search to come (min_percent > 0), a remote index sends the lists that search reads
  // first with the ids (store::FuzzyIndex::entries_ahead): one round trip a query less.
  std::vector<std::uint32_t> ids(const std::vector<std::string>& keys, int min_percent = 0);

  std::uint64_t frequency(std::uint32_t t) const override;
  void postings_range(std::uint32_t t, std::size_t min_len, std::size_t max_len,
                      std::vector<core::Posting>& out) const override {
    index_.postings_range(t, min_len, max_len, out);
  }
  void postings_many(std::span<const core::PostingRange> ranges,
                     std::vector<std::vector<core::Posting>>& out) const override {
    index_.postings_many(ranges, out);
  }
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override { return index_.tokens(id); }
  void tokens_many(std::span<const std::uint64_t> ids,
                   std::vector<std::vector<std::uint32_t>>& out) const override {
    index_.tokens_many(ids, out);
  }

 private:
  const store::TmBackend& tm_;
  const store::FuzzyIndex& index_;
  std::int64_t version_ = -1;
  std::unordered_map<std::string, std::uint32_t> known_;
  std::unordered_map<std::uint32_t, std::uint64_t> freq_;
};

}  // namespace tilmash::app
