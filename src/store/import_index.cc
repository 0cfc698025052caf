#include "store/import_index.h"

#include <algorithm>

#include "core/posting.h"
#include "store/tm_backend.h"

namespace tilmash::store {

std::pair<std::uint32_t, bool> KeyIds::find_or_add(std::string_view key, std::uint32_t fresh) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::size_t h = std::hash<std::string_view>{}(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.len == kEmpty) {
      slot = Slot{h, arena_.size(), static_cast<std::uint32_t>(key.size()), fresh};
      arena_.append(key);
      ++size_;
      return {fresh, true};
    }
    if (slot.hash == h && slot.len == key.size()
        && std::string_view(arena_).substr(slot.offset, slot.len) == key) {
      return {slot.id, false};
    }
  }
}

void KeyIds::grow() {
  std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.len == kEmpty) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].len != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void ImportIndex::known(std::string_view ilang, std::string_view key, std::uint32_t id) {
  auto it = vocab_.find(std::string(ilang));
  if (it == vocab_.end()) it = vocab_.emplace(std::string(ilang), KeyIds()).first;
  it->second.find_or_add(key, id);
  max_known_ = std::max(max_known_, id);
}

void ImportIndex::tokens(const std::string& ilang, const KeyList& keys,
                         std::vector<std::uint32_t>& ids) {
  ids.clear();
  ids.reserve(keys.size());
  KeyIds& lang_ids = vocab_[ilang];
  for (const std::string_view k : keys) {
    const auto fresh = static_cast<std::uint32_t>(max_known_ + 1 + new_keys_.size());
    const auto [id, added] = lang_ids.find_or_add(k, fresh);
    if (added) {
      if (fresh > kMaxToken) {
        throw StoreError(StoreError::Kind::kBadInput, location_,
                         "the TM's index is full (" + std::to_string(kMaxToken)
                             + " distinct words); split the TM");
      }
      new_keys_.emplace_back(ilang, k);
    }
    ids.push_back(id);
  }
}

void ImportIndex::add_variant(std::uint32_t vid, std::span<const std::uint32_t> ids) {
  if (sigs_.empty()) sig_base_ = vid;
  sigs_.resize(std::max<std::size_t>(sigs_.size(), vid - sig_base_ + 1), 0);
  sigs_[vid - sig_base_] = core::signature(ids);
  const auto len = static_cast<std::uint32_t>(ids.size());
  for (const std::uint32_t t : ids) {
    if (t >= postings_.size()) {
      const std::size_t n = std::max<std::size_t>(t + 1, postings_.size() * 2);
      postings_.resize(n);
      last_id_.resize(n, 0);
      df_delta_.resize(n, 0);
    }
    // Each distinct token once: last_id_[t] == vid once t has a posting for this variant (ids
    // only grow, so no earlier variant has vid).
    if (last_id_[t] == vid) continue;
    char buf[20];
    const std::size_t n = varint_to(buf, len);
    postings_[t].append(buf, n + varint_to(buf + n, vid - last_id_[t]));
    last_id_[t] = vid;
    ++df_delta_[t];
  }
}

void ImportIndex::new_keys(const std::function<void(std::uint32_t, std::string_view,
                                                    std::string_view, std::uint64_t)>& fn) {
  for (std::size_t i = 0; i < new_keys_.size(); ++i) {
    const auto id = static_cast<std::uint32_t>(max_known_ + 1 + i);
    std::uint64_t df = 0;
    if (id < df_delta_.size()) std::swap(df, df_delta_[id]);  // no increment for new keys
    fn(id, new_keys_[i].first, new_keys_[i].second, df);
  }
}

void ImportIndex::df_increments(const std::function<void(std::uint32_t, std::uint64_t)>& fn) const {
  for (std::size_t id = 0; id < df_delta_.size(); ++id) {
    if (df_delta_[id] != 0) fn(static_cast<std::uint32_t>(id), df_delta_[id]);
  }
}

bool ImportIndex::has_df_increments() const {
  return std::any_of(df_delta_.begin(), df_delta_.end(), [](std::uint64_t d) { return d != 0; });
}

}  // namespace tilmash::store
