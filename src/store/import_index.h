// The fuzzy index an import adds, the same for every TM backend: token ids for the fuzzy keys
// of each new variant (stored keys keep theirs, new keys are numbered on from the highest stored
// id, in the order they are met), each new variant's postings and signature kept in memory, and
// at commit the postings rows (store/postings_codec.h), the new vocabulary rows with their
// frequencies and the frequency increments of stored keys. A backend feeds it the stored
// vocabulary and its variants in id order, and writes what it emits; so both backends number
// tokens and lay out postings identically.
//
// Memory: ~3 bytes a posting (varint pairs), 8 bytes a variant (signature), the vocabulary's
// keys once (the 1M-unit import: ~50M postings in ~150 MB).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/key_list.h"
#include "store/postings_codec.h"

namespace tilmash::store {

// Token ids of the fuzzy keys of one language. An import looks up every word of every variant
// (~50M lookups for 1M units), where std::unordered_map's bucket division and node chasing were
// ~15 % of the import's time. Open addressing with linear probing over a power-of-two table
// (Knuth, TAOCP vol. 3, §6.4, algorithm L) at most half full: usually one probe, the hash
// stored to skip most key comparisons, the keys in one arena.
class KeyIds {
 public:
  // The id of `key`; unknown keys get `fresh` (.second: true).
  std::pair<std::uint32_t, bool> find_or_add(std::string_view key, std::uint32_t fresh);

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    std::size_t hash = 0;
    std::size_t offset = 0;
    std::uint32_t len = kEmpty;
    std::uint32_t id = 0;
  };
  void grow();
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t size_ = 0;
};

// What an import that waits for another client's import is told (TmBackend::begin_import).
inline constexpr const char* kWaitingForImport =
    "another import into this TM is running; waiting for it to finish (Ctrl-C stops waiting)";

class ImportIndex {
 public:
  // `location`: what a "the index is full" error names.
  explicit ImportIndex(std::string location) : location_(std::move(location)) {}

  // A stored key and its id; every call comes before the first tokens().
  void known(std::string_view ilang, std::string_view key, std::uint32_t id);
  // The token ids of `keys` in language `ilang` (primary subtag), appended to `ids` after
  // clearing it; unknown keys are numbered on. Throws StoreError (kBadInput) when the index
  // would hold more than kMaxToken keys.
  void tokens(const std::string& ilang, const KeyList& keys, std::vector<std::uint32_t>& ids);
  // A new variant `vid` (ids ascending from one call to the next) with token ids `ids` (as
  // tokens() gave them, duplicates included: their count is the segment's length).
  void add_variant(std::uint32_t vid, std::span<const std::uint32_t> ids);

  // The postings rows, emit(token, row, blob) (for_each_postings_row), each token's postings
  // freed once written.
  template <typename Emit>
  void for_each_row(const Emit& emit) {
    const auto signature_of = [this](std::uint32_t id) { return sigs_[id - sig_base_]; };
    for_each_postings_row(postings_, signature_of, emit);
  }
  // The keys this import added, fn(id, ilang, key, df), ids ascending; then the frequency
  // increments of stored keys, fn(id, increment). Call new_keys() first: it takes the new
  // keys' counts out of the increments.
  void new_keys(const std::function<void(std::uint32_t, std::string_view, std::string_view,
                                         std::uint64_t)>& fn);
  void df_increments(const std::function<void(std::uint32_t, std::uint64_t)>& fn) const;
  bool has_df_increments() const;

 private:
  std::string location_;
  std::unordered_map<std::string, KeyIds> vocab_;  // ilang -> key -> id
  std::uint32_t max_known_ = 0;
  std::vector<std::pair<std::string, std::string>> new_keys_;  // (ilang, key), ids from max_known_ + 1
  // Per token id: this import's postings as varint pairs (length, id - previous id), ids
  // ascending since variants come in id order; the last variant given a posting (each
  // distinct token once per variant, without sorting a huge segment's ids); how many segments
  // gained the token.
  std::vector<std::string> postings_;
  std::vector<std::uint32_t> last_id_;
  std::vector<std::uint64_t> df_delta_;
  std::vector<std::uint64_t> sigs_;  // by vid - sig_base_
  std::uint32_t sig_base_ = 0;
};

}  // namespace tilmash::store
