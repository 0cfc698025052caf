// XLIFF 1.2 output of an alignment (`tilmash align --format xliff`): one <trans-unit> per
// bead, id = the bead's number (line N of --format beads), the source sentences in <source>,
// the target's in <target state="translated">. XLIFF 1.2 is bilingual per <file>, so a
// three-language alignment gives one <file> per target language in the same document (the
// same trans-unit ids in each; xliff_reader joins them back into three-language units);
// `--pairs` writes each pair's own alignment to its own file.
// tilmash's data go in attributes of the namespace kTilmashXliffNamespace on <trans-unit>
// (tilmash:confidence, tilmash:bead for a one-sided bead — the whole bead's shape, "1-1-0",
// in every <file> —, tilmash:document, tilmash:origin:
// the values of the TMX props x-tilmash-confidence, x-tilmash-bead, x-document, x-origin),
// which xliff_reader reads back; a <note from="tilmash"> repeats the confidence for the
// translator. A one-sided bead: 1-0 has no <target> (a sentence left untranslated), 0-1 an
// empty <source/> and translate="no". Deterministic output; characters XML 1.0 forbids are
// dropped.
#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

inline constexpr std::string_view kTilmashXliffNamespace = "urn:tilmash:xliff:1";

struct XliffWriteStats {
  std::size_t units_written = 0;  // trans-units, summed over the <file>s
  std::size_t invalid_chars_removed = 0;
};

// Writes the document to `out`. `langs`: source first; `beads` and `units` one per bead, same
// order; `document` names the source file (<file original>). A bead without text on either
// side of a pair is left out of that pair's <file>.
XliffWriteStats write_xliff_alignment(std::ostream& out, const std::vector<std::string>& langs,
                                      std::span<const core::Bead> beads,
                                      std::span<const core::AlignedUnit> units,
                                      const std::string& document);

}  // namespace tilmash::io
