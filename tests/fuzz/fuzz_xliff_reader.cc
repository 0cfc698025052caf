// libFuzzer target for io::parse_xliff (XLIFF 1.2 / 2.x, SDLXLIFF, MQXLIFF). Properties: no
// crash, no sanitizer report, failures only as InputError; every unit read has valid UTF-8
// text, and its inline markup (the TMX model) is what the TMX reader gives for it and what the
// TMX writer accepts whole (no inline markup dropped); the state selection of `tm import` keeps
// or counts every unit.
// Build: -DTILMASH_FUZZ=ON with clang++ (tests/fuzz/CMakeLists.txt); dictionary:
// fuzz_xliff_reader.dict; seeds: corpus/fuzz_xliff_reader/ and tests/io/xliff/.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "io/errors.h"
#include "io/tmx_reader.h"
#include "io/tmx_writer.h"
#include "io/xliff_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  io::XliffDocument doc;
  try {
    doc = io::parse_xliff(bytes, "fuzz.xlf");
  } catch (const io::InputError&) {
    return 0;
  }
  std::ostringstream out;
  io::TmxWriteOptions wo;
  wo.require_source = false;
  wo.dedupe = false;
  io::TmxWriter writer(out, io::TmxHeader{}, wo);
  std::size_t with_target = 0;
  for (const io::XliffUnit& u : doc.units) {
    with_target += u.has_target ? 1 : 0;
    FUZZ_CHECK(u.unit.variants.size() <= 2);
    for (const core::Variant& v : u.unit.variants) {
      FUZZ_CHECK(!core::find_invalid_utf8(v.text).has_value());
      FUZZ_CHECK(!v.lang.empty());
      if (!v.inline_xml.empty()) {
        const auto again = io::parse_seg_content(v.inline_xml);
        FUZZ_CHECK(again.has_value());
        FUZZ_CHECK(again->text == v.text);
      }
    }
    writer.write(u.unit);
  }
  writer.finish();
  FUZZ_CHECK(with_target > 0);  // else parse_xliff throws
  FUZZ_CHECK(writer.stats().inline_dropped == 0);
  const std::size_t units = doc.units.size();
  const io::XliffSelection sel = io::select_for_import(std::move(doc), io::default_import_states());
  std::size_t skipped = 0;
  for (const auto& [why, n] : sel.skipped) skipped += n;
  FUZZ_CHECK(sel.units.size() + skipped == units);
  return 0;
}
