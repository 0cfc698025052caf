// The `extra` blob of a unit or variant: its props, notes and attributes, as varint-prefixed
// strings (store/postings_codec.h). Stored as it is by the SQLite TM (and by any backend that
// keeps them in one column), so the encoding must never change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::store {

std::string encode_extra(const std::vector<core::Prop>& props,
                         const std::vector<std::string>& notes,
                         const std::vector<core::Attr>& attrs);
// Appends what `blob` holds; a damaged blob yields what can be read.
void decode_extra(std::string_view blob, std::vector<core::Prop>& props,
                  std::vector<std::string>& notes, std::vector<core::Attr>& attrs);

}  // namespace tilmash::store
