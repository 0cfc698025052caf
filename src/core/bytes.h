// Host-byte-order binary encoding for tilmash's own cache files: appenders and a reader that
// checks every length against the bytes left, so damaged input fails instead of overreading.
// Not a portable format: writers record a byte-order mark and readers reject foreign ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tilmash::core {

inline void put_raw(std::string& out, const void* p, std::size_t n) {
  out.append(static_cast<const char*>(p), n);
}
inline void put_u8(std::string& out, std::uint8_t v) { put_raw(out, &v, 1); }
inline void put_u32(std::string& out, std::uint32_t v) { put_raw(out, &v, sizeof v); }
inline void put_u64(std::string& out, std::uint64_t v) { put_raw(out, &v, sizeof v); }

// A u64 element count, then the elements' bytes.
template <typename T>
void put_array(std::string& out, const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  put_u64(out, v.size());
  if (!v.empty()) put_raw(out, v.data(), v.size() * sizeof(T));
}

// Reads from a byte string it does not own (which must outlive it). Every method returns false,
// consuming nothing, when fewer bytes are left than it needs.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  bool raw(void* p, std::size_t n) {
    if (n > left()) return false;
    if (n != 0) std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool u8(std::uint8_t& v) { return raw(&v, 1); }
  bool u32(std::uint32_t& v) { return raw(&v, sizeof v); }
  bool u64(std::uint64_t& v) { return raw(&v, sizeof v); }
  // `n` bytes into `s`.
  bool string(std::string& s, std::size_t n) {
    if (n > left()) return false;
    s.assign(bytes_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  // A u32 length, then that many bytes.
  bool str(std::string& s) {
    const std::size_t start = pos_;
    std::uint32_t n = 0;
    if (!u32(n) || !string(s, n)) {
      pos_ = start;
      return false;
    }
    return true;
  }
  // A u64 element count, then the elements (see put_array).
  template <typename T>
  bool array(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::size_t start = pos_;
    std::uint64_t n = 0;
    if (!u64(n) || n > left() / sizeof(T)) {
      pos_ = start;
      return false;
    }
    v.resize(static_cast<std::size_t>(n));
    return raw(v.data(), v.size() * sizeof(T));
  }
  bool skip(std::uint64_t n) {
    if (n > left()) return false;
    pos_ += static_cast<std::size_t>(n);
    return true;
  }
  std::size_t pos() const { return pos_; }
  std::size_t left() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

}  // namespace tilmash::core
