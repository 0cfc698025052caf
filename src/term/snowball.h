// Snowball stemming (libstemmer) for Russian and English matching keys. Lower-case keys in,
// stems out; callers compare stems with stems_compatible() because Snowball over-stems names
// ending in -ан/-ян (синьцзян -> синьцзя, but синьцзяне -> синьцзян).
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace tilmash::term {

class SnowballStemmer {
 public:
  // A stemmer for "ru" or "en" (primary subtag); for any other language stem() returns its
  // input unchanged.
  explicit SnowballStemmer(std::string_view lang);
  ~SnowballStemmer();
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  // The stem of a normalized word (normalize_word). Words of 3 code points or fewer are
  // returned unchanged (СУАР, хуэй, NGO stay whole). Not thread-safe: one caller at a time.
  std::string stem(std::string_view key) const;

 private:
  sb_stemmer* stemmer_ = nullptr;
};

// True when one stem is a prefix of the other, the shorter has at least 4 code points and the
// longer exceeds it by at most 4 (оралма ~ оралман, алмат ~ алматинск, but not центр ~
// централизац). Equal stems are compatible.
bool stems_compatible(std::string_view a, std::string_view b);

}  // namespace tilmash::term
