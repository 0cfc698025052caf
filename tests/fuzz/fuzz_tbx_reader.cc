// Fuzz target for io::parse_tbx: any input either throws InputError or gives entries that
// survive a write -> read round trip unchanged (both dialects), and every term finds its own
// entry through term::Matcher::lookup.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "io/errors.h"
#include "io/tbx_reader.h"
#include "io/tbx_writer.h"
#include "term/matcher.h"
#include "term/normalize.h"

namespace {
bool term_has_no_key(std::string_view text) { return tilmash::term::tokenize(text).empty(); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<core::TermEntry> entries;
  try {
    entries = io::parse_tbx(bytes, "fuzz.tbx");
  } catch (const io::InputError&) {
    return 0;
  }
  for (auto dialect : {io::TbxDialect::kTbx2019, io::TbxDialect::kMartif}) {
    io::TbxWriteOptions o;
    o.dialect = dialect;
    const std::string text = io::tbx_string(entries, o);
    std::vector<core::TermEntry> back;
    try {
      back = io::parse_tbx(text, "written.tbx");
    } catch (const io::InputError& e) {
      std::fprintf(stderr, "written TBX unreadable: %s\n", e.what());
      FUZZ_CHECK(false);
    }
    FUZZ_CHECK(io::tbx_string(back, o) == text);
  }
  auto glossary = term::Glossary::create(entries);
  if (!glossary) return 0;  // invalid ids: the CLI reports them
  auto matcher = term::Matcher::create(std::move(*glossary));
  FUZZ_CHECK(matcher.has_value());
  std::size_t checked = 0;
  for (std::size_t i = 0; i < entries.size() && checked < 50; ++i) {
    for (const auto& [lang, terms] : entries[i].terms) {
      for (const core::Term& t : terms) {
        if (++checked > 50) break;
        term::LookupOptions lo;
        lo.max_hits = entries.size();
        const auto hits = matcher->lookup(t.text, lo);
        bool found = false;
        for (const auto& h : hits) found = found || h.entry == i;
        // A term without letters or digits has no key and cannot be found.
        FUZZ_CHECK(found || term_has_no_key(t.text));
      }
    }
  }
  return 0;
}
