// Aligned text out of an Alignment: the sentences of each bead side joined into one string per
// language, ready for any writer (TSV, JSON, TMX). No formatting, no I/O.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "core/types.h"

namespace tilmash::align {

// The sentences `indices` of `doc` joined by one space (UTF-8); "" for no indices.
// Precondition (assert): every index is inside `doc`.
std::string side_text(std::span<const core::Segment> doc, std::span<const int> indices);

// One unit per bead of `a`, in order: text[langs[k]] = side_text(docs[k], bead.sides[k]) for
// each language k (an empty side gives ""), confidence = the bead's, provenance "tilmash align".
// docs, langs and every bead's sides have the same size (assert).
std::vector<core::AlignedUnit> to_units(const Alignment& a,
                                        std::span<const std::vector<core::Segment>> docs,
                                        std::span<const std::string> langs);

}  // namespace tilmash::align
