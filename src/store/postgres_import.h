// Internal to the PostgreSQL TM (src/store/postgres_*): its import, and the lock its writers
// share.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/postgres_tm.h"
#include "store/tm_backend.h"

namespace tilmash::store::pg {

// The transaction-scoped advisory lock every writer holds: an import from its beginning to its
// end, a concordance update or the schema's creation while it writes. Token, unit and variant
// ids and batches are given under it. The key spells "tilmash" in ASCII.
inline constexpr const char* kWriteLock = "SELECT pg_advisory_xact_lock(32481164883552616)";
inline constexpr const char* kTryWriteLock =
    "SELECT pg_try_advisory_xact_lock(32481164883552616)";

// PostgresTm::begin_import() for a writable TM.
std::unique_ptr<TmImport> begin_import(PostgresTm& tm, Keyer keyer, std::string now,
                                       const std::function<void(const std::string&)>& waiting);

}  // namespace tilmash::store::pg
