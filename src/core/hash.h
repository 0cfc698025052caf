// FNV-1a (G. Fowler, L. C. Noll, K.-P. Vo; IETF draft-eastlake-fnv), the 64-bit and the
// 128-bit variants: fast non-cryptographic hashes for duplicate keys. Values are stored (the
// SQLite TM's 64-bit dedup column, the PostgreSQL TM's 128-bit unique key), so neither function
// may ever change.
#pragma once

#include <cstdint>
#include <string>
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

// A 128-bit FNV value as two 64-bit halves (ISO C++ has no 128-bit integer).
struct Fnv128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  bool operator==(const Fnv128&) const = default;
  auto operator<=>(const Fnv128&) const = default;
};

// The spec's 128-bit offset basis, 0x6c62272e07bb014262b821756295c58d.
inline constexpr Fnv128 kFnv1a128Offset{0x6c62272e07bb0142ULL, 0x62b821756295c58dULL};

// FNV-1a 128 of `s` continuing from `h`. The prime is 2^88 + 2^8 + 0x3b = 2^88 + 0x13b, so
// h * prime (mod 2^128) = (h << 88) + h * 0x13b: the shift moves lo's low 40 bits into hi,
// and h * 0x13b needs the carry out of lo * 0x13b, taken from its two 32-bit halves.
inline Fnv128 fnv1a_128(std::string_view s, Fnv128 h = kFnv1a128Offset) {
  constexpr std::uint64_t kLowPrime = 0x13b;
  for (unsigned char c : s) {
    h.lo ^= c;
    const std::uint64_t low = (h.lo & 0xFFFFFFFFULL) * kLowPrime;  // < 2^41
    const std::uint64_t high = (h.lo >> 32) * kLowPrime;            // < 2^41
    const std::uint64_t carry = (high + (low >> 32)) >> 32;         // bits 64.. of lo * 0x13b
    h.hi = h.hi * kLowPrime + carry + (h.lo << 24);
    h.lo *= kLowPrime;
  }
  return h;
}

// 32 lower-case hex digits, most significant first (what a database column or a test shows).
inline std::string to_hex(const Fnv128& h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = kDigits[(h.hi >> (4 * i)) & 0xF];
    out[31 - i] = kDigits[(h.lo >> (4 * i)) & 0xF];
  }
  return out;
}

}  // namespace tilmash::core
