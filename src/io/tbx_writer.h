// Writing term bases as TBX. The canonical file form of tilmash glossaries is TBX-Basic 2019
// (DCA): deterministic output (entries in glossary order, source language first, fixed
// element order, two-space indent, LF) so that edits give clean diffs. TBX v2 "martif" is
// written for OmegaT, MultiTerm and Translate Toolkit.
//
// Conventions beyond TBX-Basic, kept inside plain <note>s so the file stays valid:
//   <note>valid: 2019-03-23/2022-09-19</note>   dates of a term (ISO 8601 interval; a side may
//                                              be empty: "valid: /2020-05-13")
//   <note>unverified</note>                    a proposed rendering awaiting review
// Status mapping (administrativeStatus): preferred -> preferredTerm-admn-sts, admitted ->
// admittedTerm-admn-sts, deprecated (dated) -> supersededTerm-admn-sts, forbidden ->
// deprecatedTerm-admn-sts.
#pragma once

#include <span>
#include <string>

#include "core/types.h"

namespace tilmash::io {

enum class TbxDialect {
  kTbx2019,  // <tbx type="TBX-Basic" style="dca"> in urn:iso:std:iso:30042:ed-2
  kMartif,   // <martif type="TBX-Basic"> (TBX v2), for OmegaT and Translate Toolkit
};

struct TbxWriteOptions {
  TbxDialect dialect = TbxDialect::kTbx2019;  // file form
  std::string source_lang = "en";             // root xml:lang; its langSec is written first
  bool drop_unusable = false;  // leave deprecated and forbidden terms out (OmegaT offers every
                               // term it reads); they are then listed in a <note> instead
  std::string description = "tilmash glossary";  // text of sourceDesc/p
};

// The TBX document for `entries` (UTF-8, NFC, LF, ending in a newline).
std::string tbx_string(std::span<const core::TermEntry> entries, const TbxWriteOptions& options);

// Writes tbx_string() to `path` atomically ("-" = stdout). Throws IoError.
void write_tbx(const std::string& path, std::span<const core::TermEntry> entries,
               const TbxWriteOptions& options);

}  // namespace tilmash::io
