#include "store/key_list.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace tilmash::store {

KeyList::KeyList(std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) push_back(k);
}

void KeyList::push_back(std::string_view key) {
  if (key.size() > std::numeric_limits<std::uint32_t>::max() - chars_.size()) {
    throw std::length_error("KeyList: over 4 GiB of keys");
  }
  chars_.append(key);
  ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
}

void KeyList::reserve(std::size_t keys, std::size_t bytes) {
  ends_.reserve(keys);
  chars_.reserve(bytes);
}

std::string_view KeyList::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("KeyList::at");
  return (*this)[i];
}

KeyList::operator std::vector<std::string>() const {
  return std::vector<std::string>(begin(), end());
}

bool operator==(const KeyList& a, const std::vector<std::string>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace tilmash::store
