// The one conversion of an aligned bead (core::AlignedUnit) into a translation unit (issue 18:
// it was written three times, with three tuid rules and the confidence formatted to a string
// and parsed back). Used by align's TMX and XLIFF writers, check, the review page and tm
// import of align output.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/types.h"

namespace tilmash::core {

struct Bead;

// The TMX prop of a bead's confidence (written from TranslationUnit::confidence).
inline constexpr std::string_view kConfidenceProp = "x-tilmash-confidence";

// The unit of bead `bead` (0-based) of an alignment of `langs`:
//   id          the bead's number from 1 ("3": line 3 of `align --format beads`, row 3 of the
//               review page, trans-unit 3 of the XLIFF). As a name in a TM (tm import of
//               align JSON) and in align's TMX (and the review page's TMX download) it is
//               written "tu3" (bead_tuid), also when an earlier duplicate bead was left out.
//   variants    one per language of `langs`, in that order, for the languages with text.
//   confidence  the bead's, as a number; io::TmxWriter writes the prop x-tilmash-confidence
//               from it (io::confidence_text), the XLIFF writer its attribute.
//   props       x-document (when `document` is not empty); x-origin (unit.provenance, else
//               "tilmash align"); for a one-sided bead x-tilmash-bead (kOneSidedBeadProp) with
//               its shape: `shape`'s when given, else from the texts (a side with text counts
//               as one sentence, as in align JSON whose sentences are joined); x-tilmash-grouped
//               (kGroupedBeadProp) with unit.grouped's languages among `langs`, if any;
//               for a merged bead whose `shape` has Bead::alone, x-tilmash-alone
//               (kAloneBeadProp, alone_value).
TranslationUnit bead_unit(const AlignedUnit& unit, std::size_t bead,
                          std::span<const std::string> langs, std::string_view document = {},
                          const Bead* shape = nullptr);

// The value of kAloneBeadProp for `bead` (sides in `langs` order): "" unless the bead is merged
// and has one chance per sentence (Bead::alone).
std::string alone_value(const Bead& bead, std::span<const std::string> langs);

// The value of kGroupedBeadProp for `unit`: its grouped languages that are among `langs` (all of
// them when `langs` is empty), space-separated; "" for none.
std::string grouped_value(const AlignedUnit& unit, std::span<const std::string> langs = {});

// "tu" + the bead's number from 1: the TMX tuid and TM name of bead_unit(…, bead, …).
std::string bead_tuid(std::size_t bead);

}  // namespace tilmash::core
