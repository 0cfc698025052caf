// Fuzz target for the dictd reader (io/dictd.h): the input is an index, a NUL, and the data
// (gzip-compressed when it starts with gzip's magic bytes, inflated with a 1 MB limit). Any
// input either throws InputError or gives entries whose headwords and translations are
// non-empty, valid UTF-8 and one line each, with no translation twice in an entry.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/dictd.h"
#include "io/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = bytes.find('\0');
  const std::string_view index = bytes.substr(0, nul);
  std::string_view body =
      nul == std::string_view::npos ? std::string_view{} : bytes.substr(nul + 1);
  std::vector<io::DictdEntry> entries;
  try {
    std::string inflated;
    if (body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f
        && static_cast<unsigned char>(body[1]) == 0x8b) {
      inflated = io::gunzip(body, "fuzz.dict.dz", std::size_t{1} << 20);
      FUZZ_CHECK(inflated.size() <= std::size_t{1} << 20);
      body = inflated;
    }
    entries = io::parse_dictd(index, body, "fuzz.index");
  } catch (const io::InputError&) {
    return 0;
  }
  for (const io::DictdEntry& e : entries) {
    for (const std::string* s : {&e.headword}) {
      FUZZ_CHECK(!s->empty());
      FUZZ_CHECK(!core::find_invalid_utf8(*s).has_value());
      FUZZ_CHECK(s->find('\n') == std::string::npos);
    }
    for (std::size_t i = 0; i < e.translations.size(); ++i) {
      const std::string& t = e.translations[i];
      FUZZ_CHECK(!t.empty());
      FUZZ_CHECK(!core::find_invalid_utf8(t).has_value());
      FUZZ_CHECK(t.find('\n') == std::string::npos);
      FUZZ_CHECK(std::count(e.translations.begin(), e.translations.end(), t) == 1);
    }
  }
  return 0;
}
