// The bead text format used in files and tests (../docs/CLI.md, "beads"): per language a
// comma-separated list of 0-based sentence indices, languages joined by ':'. "0,1:0" = source 0
// and 1 <-> target 0; "5:" = source 5 unaligned. Also reads the Text+Berg form "[0, 1]:[2]".
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/types.h"

namespace tilmash::core {

// Formats the sides of `bead` ("0,1:0"). Confidence is not part of the format.
std::string format_bead(const Bead& bead);

// The TMX prop that marks a one-sided bead of an alignment (a side without sentences) in `align
// --format tmx` output; `check` reports such units (qa/omission_check.h). Its value is
// bead_shape.
inline constexpr std::string_view kOneSidedBeadProp = "x-tilmash-bead";

// The TMX prop that lists (space-separated) the languages whose empty side of a bead is the
// three-language join's grouping, not an omission (core::AlignedUnit::grouped); `check` does
// not report them as omitted.
inline constexpr std::string_view kGroupedBeadProp = "x-tilmash-grouped";

// The TMX prop of a merged bead's per-sentence chances of standing alone (Bead::alone), written
// by `align --format tmx` and read by `check`: "LANG=P,P LANG=P", one probability (3 decimals)
// per sentence of that language's side, e.g. "en=0.012,0.414 kk=0.020".
inline constexpr std::string_view kAloneBeadProp = "x-tilmash-alone";

// True when `bead` is merged: some side has two or more sentences and another side has some.
bool merged(const Bead& bead);

// The number of sentences per side, joined by '-': "1-0", "0-1", "1-1-0", "2-1".
std::string bead_shape(const Bead& bead);

// True when some side of `bead` has no sentence.
bool one_sided(const Bead& bead);

// Parses one bead line. Returns kBadFormat with the byte offset of the offending character on
// anything but digits, ',', ':', spaces and the optional brackets; `expected_sides` (if > 0)
// is enforced.
Result<Bead> parse_bead(std::string_view line, int expected_sides = 0);

}  // namespace tilmash::core
