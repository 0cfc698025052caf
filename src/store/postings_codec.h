// The persisted fuzzy index's encodings, shared by the TM backends: varints, the token-id blob
// of a variant, and the postings blob of one (token, length, batch) list with its segments'
// signatures (core/posting.h), keyed by postings_key(). A backend may store these blobs as
// they are (SQLite does); the values are on disk, so the encodings must never change.
//
// A postings blob of k segments: their variant ids (k uint32 little-endian, ascending), their
// signatures (k uint64 LE) and, in the row of kLongLen words, which holds every segment of
// kLongLen words or more, their lengths (k uint32 LE).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/posting.h"

namespace tilmash::store {

// LEB128-style varints: 7 bits a byte, low first. varint_to() writes one at `buf` (room for
// 10 bytes) and returns its length. Inline: an import writes ~3 per posting (~150M for 1M
// units), where the call alone was ~8 % of the import's main thread.
inline std::size_t varint_to(char* buf, std::uint64_t v) {
  std::size_t n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  return n;
}
inline void put_varint(std::string& out, std::uint64_t v) {
  char buf[10];  // one append: push_back per byte was ~6 % of a large import
  out.append(buf, varint_to(buf, v));
}
// Reads one varint from the front of `in`; false (and `in` consumed) when it is cut off.
bool get_varint(std::string_view& in, std::uint64_t& v);
// A varint-prefixed string (the `extra` blob's fields, an import's batched rows).
inline void put_str(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}
// Reads one put_str() string from the front of `in`; empty (and `in` consumed) when cut off.
std::string_view get_str(std::string_view& in);

// A variant's token ids as varints.
void encode_tokens(std::span<const std::uint32_t> ids, std::string& blob);
std::vector<std::uint32_t> decode_tokens(std::string_view blob);

// Postings row keys: token * 2^35 + min(length, kLongLen) * 2^19 + batch, so a token's lists
// lie together, by length, then batch (one range scan per lookup). Tokens and batches beyond
// the limits are refused with a clear error by the import rather than wrapped.
inline constexpr int kBatchBits = 19;
inline constexpr int kLenShift = kBatchBits;
inline constexpr int kTokenShift = kBatchBits + 16;
inline constexpr std::uint64_t kLongLen = 0xFFFF;  // this length and longer share one row
inline constexpr std::uint64_t kMaxToken = (std::uint64_t{1} << 28) - 1;
inline constexpr std::int64_t kMaxBatch = (std::int64_t{1} << kBatchBits) - 1;

inline std::int64_t postings_key(std::uint64_t token, std::uint64_t len, std::int64_t batch) {
  return static_cast<std::int64_t>((token << kTokenShift)
                                   | (std::min(len, kLongLen) << kLenShift))
         | batch;
}
// The length row (up to kLongLen) of a postings key.
inline std::uint32_t postings_row(std::int64_t key) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(key) >> kLenShift) & kLongLen);
}

// Little-endian integers of `bytes` bytes.
void append_le(std::string& out, std::uint64_t v, int bytes);
inline std::uint64_t load_le(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int b = bytes - 1; b >= 0; --b) v = (v << 8) | p[b];
  return v;
}

// The blob of one postings row: `ids` ascending, signature_of(id) each, and `lengths`
// (parallel to ids) for the kLongLen row only, empty otherwise.
template <typename SignatureOf>
void encode_postings(std::span<const std::uint32_t> ids, const SignatureOf& signature_of,
                     std::span<const std::uint32_t> lengths, std::string& blob) {
  blob.clear();
  blob.reserve(ids.size() * (12 + (lengths.empty() ? 0 : 4)));
  for (const std::uint32_t v : ids) append_le(blob, v, 4);
  for (const std::uint32_t v : ids) append_le(blob, signature_of(v), 8);
  for (const std::uint32_t n : lengths) append_le(blob, n, 4);
}

// The rows an import writes: `postings[token]` holds that token's (length, id delta) varint
// pairs, ids ascending. For each token and length row (lengths from kLongLen on share the last
// row, which also keeps each length), calls emit(token, row, blob) with the row's blob, ids
// still ascending (a stable counting sort by row). Each token's buffer is freed once read, so
// the import's postings and its blobs are not held twice. Both backends write these rows.
template <typename SignatureOf, typename Emit>
void for_each_postings_row(std::vector<std::string>& postings, const SignatureOf& signature_of,
                           const Emit& emit) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // length, id
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> lens;
  std::vector<std::size_t> start;
  std::string blob;
  const auto row_of = [](std::uint64_t len) {
    return static_cast<std::size_t>(std::min(len, kLongLen));
  };
  for (std::size_t token = 0; token < postings.size(); ++token) {
    if (postings[token].empty()) continue;
    pairs.clear();
    std::string_view in = postings[token];
    std::uint32_t id = 0;
    std::size_t max_row = 0;
    for (std::uint64_t len = 0, delta = 0; get_varint(in, len) && get_varint(in, delta);) {
      id += static_cast<std::uint32_t>(delta);
      pairs.emplace_back(static_cast<std::uint32_t>(len), id);
      max_row = std::max(max_row, row_of(len));
    }
    std::string().swap(postings[token]);
    start.assign(max_row + 2, 0);
    for (const auto& pr : pairs) ++start[row_of(pr.first) + 1];
    for (std::size_t l = 1; l < start.size(); ++l) start[l] += start[l - 1];
    ids.resize(pairs.size());
    lens.resize(pairs.size());
    for (const auto& pr : pairs) {
      const std::size_t at = start[row_of(pr.first)]++;
      ids[at] = pr.second;
      lens[at] = pr.first;
    }
    // start[r] is now the end of row r's run.
    std::size_t from = 0;
    for (std::size_t row = 0; row <= max_row; ++row) {
      const std::size_t to = start[row];
      if (to == from) continue;
      const std::span<const std::uint32_t> run_lens(lens.data() + from, to - from);
      encode_postings(std::span<const std::uint32_t>(ids.data() + from, to - from), signature_of,
                      row == kLongLen ? run_lens : std::span<const std::uint32_t>(), blob);
      emit(static_cast<std::uint32_t>(token), row, std::string_view(blob));
      from = to;
    }
  }
}

// Appends the postings of the row of length `row` (postings_row() of its key) whose lengths
// lie in min_len..max_len (only the kLongLen row holds others). A damaged blob yields what fits.
// It grows `out` geometrically; a reader that decodes several rows into one list reserves
// their postings_in() first (a lookup decodes ~8,000 postings at 1M units: growing, the
// copies and the page faults of the new buffers were a third of decode_postings' time).
void decode_postings(std::string_view blob, std::uint32_t row, std::size_t min_len,
                     std::size_t max_len, std::vector<core::Posting>& out);

// How many postings the blob of a row of length `row` holds (decode_postings() appends at
// most these).
inline std::size_t postings_in(std::string_view blob, std::uint32_t row) {
  return blob.size() / (row == kLongLen ? 16 : 12);
}

// The fuzzy index's language of a language tag: its primary subtag, lower case ("en-US" ->
// "en").
std::string index_lang(std::string_view lang);

}  // namespace tilmash::store
