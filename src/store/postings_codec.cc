#include "store/postings_codec.h"

#include <algorithm>

#include "core/lang.h"

namespace tilmash::store {

bool get_varint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto b = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

std::string_view get_str(std::string_view& in) {
  std::uint64_t n = 0;
  if (!get_varint(in, n) || n > in.size()) {
    in = {};
    return {};
  }
  const std::string_view s = in.substr(0, n);
  in.remove_prefix(n);
  return s;
}

void encode_tokens(std::span<const std::uint32_t> ids, std::string& blob) {
  blob.clear();
  blob.reserve(ids.size() * 3);
  for (const std::uint32_t id : ids) put_varint(blob, id);
}

std::vector<std::uint32_t> decode_tokens(std::string_view blob) {
  std::vector<std::uint32_t> out;
  std::uint64_t v = 0;
  while (!blob.empty() && get_varint(blob, v)) out.push_back(static_cast<std::uint32_t>(v));
  return out;
}

void append_le(std::string& out, std::uint64_t v, int bytes) {
  for (int b = 0; b < bytes; ++b) out.push_back(static_cast<char>((v >> (8 * b)) & 0xFF));
}

void decode_postings(std::string_view blob, std::uint32_t row, std::size_t min_len,
                     std::size_t max_len, std::vector<core::Posting>& out) {
  const bool long_row = row == kLongLen;
  const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
  const std::size_t k = blob.size() / (long_row ? 16 : 12);  // a damaged length reads what fits
  if (out.capacity() < out.size() + k) out.reserve(std::max(out.size() + k, 2 * out.capacity()));
  for (std::size_t i = 0; i < k; ++i) {
    const auto len = long_row ? static_cast<std::uint32_t>(load_le(p + 12 * k + 4 * i, 4)) : row;
    if (long_row && (len < min_len || len > max_len)) continue;
    out.push_back(core::Posting{load_le(p + 4 * i, 4), load_le(p + 4 * k + 8 * i, 8), len});
  }
}

std::string index_lang(std::string_view lang) {
  std::string p(core::primary_language(lang));
  for (char& c : p) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return p;
}

}  // namespace tilmash::store
