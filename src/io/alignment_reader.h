// Reading back what `tilmash align` writes (alignment_writer.h), so `tm import` can store
// aligned documents: --format json (an array of beads, each with "confidence", "indices" and
// "text" per language) and --format tsv (confidence, then one column per language). TMX
// output goes through TmxReader. Whole files: alignments are one document each.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

struct AlignmentFile {
  std::vector<std::string> langs;        // normalised tags, in the order the file gives them
  std::vector<core::AlignedUnit> units;  // one per bead, file order; text per language
  std::vector<std::size_t> lines;        // 1-based line where each bead starts
};

// `align --format json` output. Languages come from the beads' "text" objects (first seen
// first); "indices" and unknown members are skipped; "confidence" must be a number in 0–1
// when present (absent: 1). Throws IoError when the file cannot be read and InputError
// ("path:line:col: error: …") for invalid UTF-8 or JSON, or a bead without "text".
AlignmentFile read_alignment_json(const std::string& path);

// The same over `bytes` already in memory; `path` names them in errors. Values nested more than
// 64 levels deep are an InputError (unknown members are skipped recursively).
AlignmentFile parse_alignment_json(std::string_view bytes, const std::string& path);

// `align --format tsv` output with the columns' languages: confidence, then one text per
// language; blank lines skipped, CRLF accepted. InputError for a line with another number of
// columns or a confidence that is not a number in 0–1.
AlignmentFile read_alignment_tsv(const std::string& path, const std::vector<std::string>& langs);

}  // namespace tilmash::io
