// FNV-1a, the 64-bit variant (G. Fowler, L. C. Noll, K.-P. Vo; IETF draft-eastlake-fnv): a
// fast non-cryptographic hash for duplicate keys. Values may be stored (the TM's dedup column),
// so the function must never change.
#pragma once

#include <cstdint>
#include <string_view>

namespace tilmash::core {

inline constexpr std::uint64_t kFnv1aOffset = 0xcbf29ce484222325ULL;

// Hash of `s` continuing from `h` (kFnv1aOffset to start), so several strings can be chained.
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = kFnv1aOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace tilmash::core
