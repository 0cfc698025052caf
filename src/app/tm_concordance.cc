#include <algorithm>
#include <set>

#include "app/tm_keys.h"
#include "app/tm_read.h"
#include "core/lang.h"
#include "core/text.h"

namespace tilmash::app {

TmConcordanceResult concordance_tm(const TmConcordanceRequest& r) {
  const std::string words = core::to_nfc(r.words);
  const SearchKeys keys;
  {
    const auto probe = store::open_tm(r.db, store::OpenMode::kReadOnly);
    if (!probe->concordance_current()) {
      const auto rw = store::open_tm(r.db, store::OpenMode::kReadWrite);
      rw->update_concordance(
          [&](std::string_view l, std::string_view t) { return keys.text(l, t); });
    }
  }
  const auto tm = store::open_tm(r.db, store::OpenMode::kReadOnly);
  // The phrase in each language the words may be in (one, when the language is given).
  std::vector<std::vector<store::ConcordanceTerm>> phrases;
  for (const char* l : {"en", "ru", "kk"}) {
    if (r.lang.empty() || core::primary_language(r.lang) == l) {
      for (auto& p : concordance_phrases(keys, r.lang.empty() ? l : r.lang, words)) {
        if (std::find(phrases.begin(), phrases.end(), p) == phrases.end()) {
          phrases.push_back(std::move(p));
        }
      }
    }
  }
  TmConcordanceResult result;
  if (phrases.empty()) {
    result.has_words = false;
    return result;
  }
  // Variants holding any of the phrases, lowest id first, at most max.
  std::set<std::int64_t> found;
  for (const auto& p : phrases) {
    for (const std::int64_t id : tm->concordance(p, r.lang, r.max)) found.insert(id);
  }
  for (const std::int64_t id : found) {
    if (result.hits.size() == r.max) break;
    std::optional<store::StoredUnit> u = tm->unit_of_variant(id);
    if (!u) continue;
    TmConcordanceHit hit{std::move(*u), 0};
    for (std::size_t k = 0; k < hit.unit.variant_ids.size(); ++k) {
      if (hit.unit.variant_ids[k] == id) hit.self = k;
    }
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace tilmash::app
