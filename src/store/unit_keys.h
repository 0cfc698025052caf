// What makes two units one, for every TM backend: text normalisation for deduplication (NFC,
// white space collapsed), the dedup key of a unit (its (language, normalised text) pairs,
// sorted) with its 64-bit FNV-1a value (the SQLite TM's `dedup` column) and its 128-bit one
// (the PostgreSQL TM's unique key), and the date merge of a duplicate. Backends store and
// compare these values; they never compute them in SQL. The values are stored: they must never
// change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.h"
#include "core/types.h"

namespace tilmash::store {

// `text` in NFC with its white space collapsed (core::collapse_space), or nullopt when it is so
// already (most segments: nothing is copied, which matters for a 20 MB one).
std::optional<std::string> normalized_if_changed(std::string_view text);
// `text` in NFC with its white space collapsed.
std::string normalized(std::string_view text);

// The dedup key of one unit. Views into the unit: it must outlive the key.
class UnitKey {
 public:
  explicit UnitKey(const core::TranslationUnit& unit);
  UnitKey(const UnitKey&) = delete;
  UnitKey& operator=(const UnitKey&) = delete;

  // A variant that counts: non-empty once normalised.
  struct Counted {
    const core::Variant* variant = nullptr;
    std::optional<std::string> changed;  // the normalised text when it differs
    std::string_view text() const { return changed ? std::string_view(*changed) : variant->text; }
  };
  // The variants that count, in the unit's order.
  const std::vector<Counted>& variants() const { return variants_; }
  // False for fewer than two counted variants: such a unit is skipped, not stored.
  bool storable() const { return variants_.size() >= 2; }
  // (language, normalised text), sorted: the key itself.
  const std::vector<std::pair<std::string_view, std::string_view>>& pairs() const {
    return pairs_;
  }
  // FNV-1a over the pairs, each as lang 0x1F text 0x1E.
  std::uint64_t fnv64() const;
  core::Fnv128 fnv128() const;
  // True when a stored unit's (language, text) pairs (any order, as stored: normalised here)
  // make this key: the check behind a hash match.
  bool matches(std::vector<std::pair<std::string, std::string>> stored) const;
  // Frees the normalised copies once the key has served (a huge segment's copy need not live
  // on while its row is written). Afterwards only variants()[i].variant stays valid.
  void release();

 private:
  std::vector<Counted> variants_;
  std::vector<std::pair<std::string_view, std::string_view>> pairs_;
};

// The dates of a unit ("YYYYMMDDThhmmssZ"; these compare as strings).
struct UnitDates {
  std::string created;
  std::string changed;
  bool operator==(const UnitDates&) const = default;
};

// What a unit is stored with: an empty creationdate becomes `now` (the import's time), an
// empty changedate the creation date.
UnitDates import_dates(const core::TranslationUnit& unit, std::string_view now);

// A duplicate merged into a stored unit: the earlier creation date and the later change date
// (an empty stored date takes the incoming one).
UnitDates merge_dates(const UnitDates& stored, const UnitDates& incoming);

}  // namespace tilmash::store
