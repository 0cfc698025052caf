// What the TM backends share at run time: the default of
// FuzzyIndex::entries(), entries_ahead(), postings_many() and tokens_many(), and open_tm(), which picks the backend for a location.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres_tm.h"
#include "store/sqlite_tm.h"
#include "store/tm_backend.h"

namespace tilmash::store {

std::vector<std::optional<FuzzyIndex::Entry>> FuzzyIndex::entries(
    std::span<const std::string> keys) const {
  std::vector<std::optional<Entry>> out;
  out.reserve(keys.size());
  for (const std::string& k : keys) out.push_back(entry(k));
  return out;
}

std::vector<std::optional<FuzzyIndex::Entry>> FuzzyIndex::entries_ahead(
    std::span<const std::string> keys, const ReadAhead& /*ahead*/) const {
  return entries(keys);
}

void FuzzyIndex::postings_many(std::span<const core::PostingRange> ranges,
                               std::vector<std::vector<core::Posting>>& out) const {
  out.assign(ranges.size(), {});
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    postings_range(ranges[i].token, ranges[i].min_len, ranges[i].max_len, out[i]);
  }
}

void FuzzyIndex::tokens_many(std::span<const std::uint64_t> ids,
                             std::vector<std::vector<std::uint32_t>>& out) const {
  out.clear();
  out.reserve(ids.size());
  for (const std::uint64_t id : ids) out.push_back(tokens(id));
}

bool is_postgres_uri(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<TmBackend> open_tm(const std::string& location, OpenMode mode,
                                   int busy_timeout_ms) {
  if (is_postgres_uri(location)) {
    return std::make_unique<PostgresTm>(location, mode, busy_timeout_ms);
  }
  return std::make_unique<SqliteTm>(location, mode, busy_timeout_ms);
}

}  // namespace tilmash::store
