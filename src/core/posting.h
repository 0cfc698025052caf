// A posting of the TM's fuzzy index, and the token signature it carries. Shared by src/tm
// (which searches postings) and src/store (which writes and reads them): signatures are stored
// in TM files, so signature_bit() must never change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace tilmash::core {

// A segment's token signature is a 64-bit Bloom filter with one hash function (Bloom 1970): the
// OR of signature_bit() over its distinct tokens. A token of the segment always has its bit set,
// so summing the query-token weights whose bits are set bounds from above how many tokens the
// segment can share with the query, without reading the segment. The bit is Fibonacci hashing
// (Knuth, TAOCP vol. 3, §6.4) of the token id to 6 bits.
constexpr std::uint64_t signature_bit(std::uint32_t token) {
  return std::uint64_t{1} << ((token * 0x9E3779B1u) >> 26);
}

// The signature of a segment given as token ids (repeats change nothing).
constexpr std::uint64_t signature(std::span<const std::uint32_t> tokens) {
  std::uint64_t s = 0;
  for (std::uint32_t t : tokens) s |= signature_bit(t);
  return s;
}

// The signature of an index that keeps none: every bit set, so it rules nothing out.
inline constexpr std::uint64_t kAllBits = ~std::uint64_t{0};

// Segment `id` has `length` words, holds the token the list is for, and has signature
// `signature` (kAllBits when unknown).
struct Posting {
  std::uint64_t id = 0;
  std::uint64_t signature = kAllBits;
  std::uint32_t length = 0;
  bool operator==(const Posting&) const = default;
};

// One posting-list read: the postings of `token` for segments of min_len..max_len words.
struct PostingRange {
  std::uint32_t token = 0;
  std::size_t min_len = 0;
  std::size_t max_len = 0;
};

}  // namespace tilmash::core
