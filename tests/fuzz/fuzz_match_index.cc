// Fuzz target for term::MatchIndex::deserialize (the index a glossary lookup reads from its cache
// file) and for the matcher over whatever it accepts: records are checked only where they are
// used (match_index.h), so every lookup and text search over a damaged index must stay inside
// the index and return entries below entry_count(). Seeds: serialised indexes of small glossaries.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "term/match_index.h"
#include "term/matcher.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto index = term::MatchIndex::deserialize(bytes);
  if (!index) return 0;
  const std::uint32_t entries = index->entry_count();
  auto matcher = term::Matcher::create(std::move(*index));
  FUZZ_CHECK(matcher.has_value());
  for (const char* q : {"лагерлерінде", "лагерях перевоспитания", "Шыңжаңдағы", "oralmans",
                        "reeducaton camp", "Atajurt", "қайта тәрбиелеуде", "x"}) {
    for (const term::LookupHit& h : matcher->lookup(q)) FUZZ_CHECK(h.entry < entries);
    term::FindOptions fo;
    fo.typos = true;
    for (const char* lang : {"kk", "ru", "en"}) {
      for (const term::Occurrence& o : matcher->find_in_text(q, lang, fo)) {
        FUZZ_CHECK(o.entry < entries);
        FUZZ_CHECK(o.span.begin <= o.span.end && o.span.end <= std::string_view(q).size());
      }
    }
  }
  return 0;
}
