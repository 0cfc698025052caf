// Reading TBX term bases into core::TermEntry values: TBX 2019 / ISO 30042:2019 (<tbx>,
// TBX-Basic DCA) and the older TBX v2 "martif" (ISO 30042:2008) that OmegaT and Translate
// Toolkit write. Holds no matching logic; statuses and tilmash's note conventions are mapped
// here (see tbx_writer.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

// Parses the bytes of a TBX file (UTF-8 with or without BOM, or UTF-16 with a BOM). `path` is
// used in messages only. Throws InputError (path:line:col, the entry number as unit) for
// malformed XML, a root other than <tbx>/<martif>, a missing <body>, a langSec without
// xml:lang, an empty <term>, an unknown administrativeStatus or duplicate entry ids.
std::vector<core::TermEntry> parse_tbx(std::string_view bytes, const std::string& path);

// read_file(path) + parse_tbx. Throws IoError when the file cannot be read.
std::vector<core::TermEntry> read_tbx(const std::string& path);

}  // namespace tilmash::io
