#include "store/extra_codec.h"

#include <cstdint>

#include "store/postings_codec.h"

namespace tilmash::store {

std::string encode_extra(const std::vector<core::Prop>& props,
                         const std::vector<std::string>& notes,
                         const std::vector<core::Attr>& attrs) {
  std::string out;
  put_varint(out, props.size());
  for (const core::Prop& p : props) {
    put_str(out, p.type);
    put_str(out, p.value);
  }
  put_varint(out, notes.size());
  for (const std::string& n : notes) put_str(out, n);
  put_varint(out, attrs.size());
  for (const core::Attr& a : attrs) {
    put_str(out, a.name);
    put_str(out, a.value);
  }
  return out;
}

void decode_extra(std::string_view in, std::vector<core::Prop>& props,
                  std::vector<std::string>& notes, std::vector<core::Attr>& attrs) {
  std::uint64_t n = 0;
  if (!get_varint(in, n)) return;
  for (std::uint64_t i = 0; i < n && !in.empty(); ++i) {
    core::Prop p;
    p.type = std::string(get_str(in));
    p.value = std::string(get_str(in));
    props.push_back(std::move(p));
  }
  if (!get_varint(in, n)) return;
  for (std::uint64_t i = 0; i < n && !in.empty(); ++i) notes.emplace_back(get_str(in));
  if (!get_varint(in, n)) return;
  for (std::uint64_t i = 0; i < n && !in.empty(); ++i) {
    core::Attr a;
    a.name = std::string(get_str(in));
    a.value = std::string(get_str(in));
    attrs.push_back(std::move(a));
  }
}

}  // namespace tilmash::store
