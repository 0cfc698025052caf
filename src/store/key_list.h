// store::KeyList: many short strings (a segment's fuzzy keys) in one buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace tilmash::store {

// A sequence of strings packed in one buffer: a key costs its bytes plus 4, where a
// std::string costs 32 and often a heap block, so a segment of millions of words (a 20 MB
// <seg>) keeps its keys in about the size of its text.
class KeyList {
 public:
  KeyList() = default;
  KeyList(std::initializer_list<std::string_view> keys);

  void push_back(std::string_view key);
  void emplace_back(std::string_view key) { push_back(key); }
  void reserve(std::size_t keys, std::size_t bytes);
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t from = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(from, ends_[i] - from);
  }
  std::string_view at(std::size_t i) const;  // throws std::out_of_range

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    const_iterator() = default;
    const_iterator(const KeyList* list, std::size_t i) : list_(list), i_(i) {}
    std::string_view operator*() const { return (*list_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++i_;
      return old;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }

   private:
    const KeyList* list_ = nullptr;
    std::size_t i_ = 0;
  };
  using iterator = const_iterator;
  using value_type = std::string_view;
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  operator std::vector<std::string>() const;  // NOLINT: implicit, a drop-in for the vector
  bool operator==(const KeyList&) const = default;
  friend bool operator==(const KeyList& a, const std::vector<std::string>& b);

 private:
  std::string chars_;
  std::vector<std::uint32_t> ends_;  // end of key i in chars_
};

}  // namespace tilmash::store
