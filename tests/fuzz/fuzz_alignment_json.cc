// Fuzz target for io::parse_alignment_json (what `tm import` and `check` read from `align
// --format json`): any input either throws InputError or gives one line number per unit, text
// in valid UTF-8, confidences in 0-1, only languages the file lists, and "alone" chances in 0-1,
// one per sentence.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "io/alignment_reader.h"
#include "io/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  io::AlignmentFile f;
  try {
    f = io::parse_alignment_json(bytes, "fuzz.json");
  } catch (const io::InputError&) {
    return 0;
  }
  FUZZ_CHECK(f.lines.size() == f.units.size());
  for (const core::AlignedUnit& u : f.units) {
    FUZZ_CHECK(u.confidence >= 0 && u.confidence <= 1);
    for (const auto& [lang, text] : u.text) {
      FUZZ_CHECK(std::find(f.langs.begin(), f.langs.end(), lang) != f.langs.end());
      FUZZ_CHECK(!core::find_invalid_utf8(text).has_value());
    }
  }
  // A bead's chances of standing alone ("alone"): none, or one per sentence of each side.
  for (const core::Bead& b : f.beads) {
    if (b.alone.empty()) continue;
    FUZZ_CHECK(b.alone.size() == b.sides.size());
    for (std::size_t k = 0; k < b.alone.size(); ++k) {
      FUZZ_CHECK(b.alone[k].size() == b.sides[k].size());
      for (double p : b.alone[k]) FUZZ_CHECK(p >= 0 && p <= 1);
    }
  }
  return 0;
}
