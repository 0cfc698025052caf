// Snowball stemmers: M. F. Porter, "Snowball: A language for stemming algorithms" (2001),
// through Debian's libstemmer 2.2 (UTF-8 encoding).
#include "term/snowball.h"

#include <libstemmer.h>

#include "core/utf8.h"

namespace tilmash::term {

SnowballStemmer::SnowballStemmer(std::string_view lang) {
  const char* algorithm = nullptr;
  if (lang == "ru") algorithm = "russian";
  if (lang == "en") algorithm = "english";
  if (algorithm != nullptr) stemmer_ = sb_stemmer_new(algorithm, "UTF_8");
}

SnowballStemmer::~SnowballStemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string SnowballStemmer::stem(std::string_view key) const {
  if (stemmer_ == nullptr || core::count_code_points(key) <= 3) return std::string(key);
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(key.data()),
                                         static_cast<int>(key.size()));
  if (out == nullptr) return std::string(key);  // out of memory in libstemmer: no stemming
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

bool stems_compatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.substr(0, a.size()) != a) return false;
  const std::size_t shorter = core::count_code_points(a);
  const std::size_t longer = core::count_code_points(b);
  return shorter >= 4 && longer - shorter <= 4;
}

}  // namespace tilmash::term
