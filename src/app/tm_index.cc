#include "app/tm_index.h"

namespace tilmash::app {

void StoreIndex::sync() {
  if (index_.remote()) return;  // nothing remembered (ids())
  const std::int64_t v = tm_.data_version();
  if (v != version_) {
    known_.clear();
    freq_.clear();
    version_ = v;
  }
}

std::vector<std::uint32_t> StoreIndex::ids(const std::vector<std::string>& keys,
                                            int min_percent) {
  std::vector<std::uint32_t> out(keys.size(), tm::kUnknownToken);
  std::vector<std::string> ask;  // keys not remembered, asked at once
  std::vector<std::size_t> where;
  const bool remember = !index_.remote();  // a server answers all the keys in one round trip
  if (!remember) freq_.clear();  // this query's tokens, all asked below
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto it = remember ? known_.find(keys[i]) : known_.end();
    if (it != known_.end()) {
      out[i] = it->second;
    } else {
      ask.push_back(keys[i]);
      where.push_back(i);
    }
  }
  if (ask.empty()) return out;
  std::vector<std::optional<store::FuzzyIndex::Entry>> got;
  if (!remember && min_percent > 0) {  // ask holds every key
    const tm::CountFilter f = tm::count_filter(keys.size(), min_percent);
    got = index_.entries_ahead(ask, store::FuzzyIndex::ReadAhead{f.min_len, f.max_len, f.prefix,
                                                                 min_percent});
  } else {
    got = index_.entries(ask);
  }
  for (std::size_t j = 0; j < ask.size() && j < got.size(); ++j) {
    if (!got[j]) continue;
    out[where[j]] = got[j]->token;
    if (remember) known_.emplace(std::move(ask[j]), got[j]->token);
    freq_[got[j]->token] = got[j]->frequency;
  }
  return out;
}

std::uint64_t StoreIndex::frequency(std::uint32_t t) const {
  const auto it = freq_.find(t);
  return it != freq_.end() ? it->second : index_.frequency(t);
}

}  // namespace tilmash::app
