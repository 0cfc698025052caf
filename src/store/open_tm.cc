// What the TM backends share at run time: the error type, the default of
// FuzzyIndex::entries(), and open_tm(), which picks the backend for a location.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_tm.h"
#include "store/tm_backend.h"

namespace tilmash::store {

StoreError::StoreError(Kind kind, const std::string& path, const std::string& message)
    : std::runtime_error(path + ": error: " + message),
      kind_(kind),
      path_(path),
      message_(message) {}

std::vector<std::optional<FuzzyIndex::Entry>> FuzzyIndex::entries(
    std::span<const std::string> keys) const {
  std::vector<std::optional<Entry>> out;
  out.reserve(keys.size());
  for (const std::string& k : keys) out.push_back(entry(k));
  return out;
}

bool is_postgres_uri(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<TmBackend> open_tm(const std::string& location, OpenMode mode,
                                   int busy_timeout_ms) {
  if (is_postgres_uri(location)) {
    // Not the URI: it may hold a password.
    throw StoreError(StoreError::Kind::kBadInput, std::string(location.substr(0, location.find(':'))),
                     "this build has no PostgreSQL backend");
  }
  return std::make_unique<SqliteTm>(location, mode, busy_timeout_ms);
}

}  // namespace tilmash::store
