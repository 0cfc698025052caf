// Writing a sentence alignment (beads and the text of each bead side) in the formats of
// `tilmash align`: beads, tsv, json, tmx. Formatting and files only: the alignment and its
// units (align::to_units) come from the caller.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/types.h"
#include "io/alignment_reader.h"
#include "io/tmx_writer.h"

namespace tilmash::io {

// Writes `beads` (sides in `langs` order) and their `units` (one per bead, same order) in
// `format` ("beads" | "tsv" | "json" | "tmx" | "xliff") to `path` ("-" = stdout) through AtomicFile.
// tmx: one <tu> per unit with text in every language of `langs`, `document` as its source
// document name; xliff: XLIFF 1.2 as xliff_writer.h describes. `marks` (empty, or one per bead):
// json adds "edited": true / "checked": true after "text", tmx the props kEditedBeadProp /
// kCheckedBeadProp (xliff does not carry them yet). Returns the TMX writer's counts (all zero for
// other formats). Throws IoError when the file cannot be written. Precondition (assert):
// beads.size() == units.size().
TmxWriteStats write_alignment(const std::string& path, const std::string& format,
                              const std::vector<std::string>& langs,
                              std::span<const core::Bead> beads,
                              std::span<const core::AlignedUnit> units,
                              const std::string& document, std::span<const BeadMark> marks = {});

// The file of one source-target pair beside `path`: "out.json" + en + kk -> "out-en-kk.json";
// tmx names as tmx_pair_path.
std::string alignment_pair_path(const std::string& path, const std::string& format,
                                const std::string& source, const std::string& target);

}  // namespace tilmash::io
