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

// What a human said about a bead in the review page's editor (html_review.h). Kept in the
// JSON as "edited": true / "checked": true and in TMX and the TM as the props below.
struct BeadMark {
  bool edited = false;   // made or changed by an edit (its confidence is then 1)
  bool checked = false;  // confirmed as it stands
  bool operator==(const BeadMark&) const = default;
};
inline constexpr std::string_view kEditedBeadProp = "x-tilmash-edited";    // value "true"
inline constexpr std::string_view kCheckedBeadProp = "x-tilmash-checked";  // value "true"

struct AlignmentFile {
  std::vector<std::string> langs;        // normalised tags, in the order the file gives them
  std::vector<core::AlignedUnit> units;  // one per bead, file order; text per language
  std::vector<std::size_t> lines;        // 1-based line where each bead starts
  // json only, one per bead: sides in `langs` order from "indices" (a language the bead's
  // "indices" lacks: an empty side; no "indices" at all: no sides), confidence as the unit's.
  std::vector<core::Bead> beads;
  std::vector<BeadMark> marks;           // json only, one per bead
};

// `align --format json` output. Languages come from the beads' "text" objects (first seen
// first); "indices" (optional: arrays of sentence numbers ≥ 0 per language) fill `beads`;
// "edited" and "checked" (true | false, written by the review page's editor) fill `marks`;
// unknown members are skipped; "confidence" must be a number in 0–1 when present (absent: 1). Throws IoError when the file cannot be read and InputError
// ("path:line:col: error: …") for invalid UTF-8 or JSON, or a bead without "text".
AlignmentFile read_alignment_json(const std::string& path);

// The same over `bytes` already in memory; `path` names them in errors. Values nested more than
// 64 levels deep are an InputError (unknown members are skipped recursively).
AlignmentFile parse_alignment_json(std::string_view bytes, const std::string& path);

// The unit `tm import` stores for bead `i` of `file`: core::bead_unit (one variant per language
// of the file that has text, the confidence as a number) with tuid `tuid` (core::bead_tuid(i)
// for align JSON) and, instead of bead_unit's TMX props, kEditedBeadProp / kCheckedBeadProp
// ("true") for a bead so marked.
core::TranslationUnit alignment_unit(const AlignmentFile& file, std::size_t i, std::string tuid);

// The beads of `file` (json with "indices") checked against documents with `counts[k]`
// sentences in language file.langs[k] and their sentences `sentences[k]` (may be empty: texts not
// compared): every sentence in exactly one bead, in order (beads monotone, sides contiguous),
// no bead without sentences, and each bead's "text" equal to its sentences joined by a space.
// InputError ("path:line: error: …", the bead's line) otherwise.
std::vector<core::Bead> alignment_beads(const AlignmentFile& file, const std::string& path,
                                        const std::vector<std::vector<std::string>>& sentences);

// `align --format tsv` output with the columns' languages: confidence, then one text per
// language; blank lines skipped, CRLF accepted. InputError for a line with another number of
// columns or a confidence that is not a number in 0–1.
AlignmentFile read_alignment_tsv(const std::string& path, const std::vector<std::string>& langs);

}  // namespace tilmash::io
