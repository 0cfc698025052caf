// Glossary interchange as delimited text: OmegaT's tab-separated glossary (source, target,
// comment; one file per language direction) and a multi-column CSV for people and Excel.
// Formats only: no matching here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

// OmegaT TSV for `source` -> `target` (primary subtags compared): a '#' header line, then one
// line per usable source term (preferred or admitted) and usable target term: "source<TAB>
// target<TAB>comment". Deprecated and forbidden target terms never appear in the target column;
// they are named in the comment with the definition and notes. TAB/CR/LF inside fields become
// spaces. Entries lacking a usable term in either language are skipped.
std::string omegat_tsv_string(std::span<const core::TermEntry> entries, std::string_view source,
                              std::string_view target);

// Parses an OmegaT glossary (TSV: source<TAB>target[<TAB>comment]; '#' lines and lines with
// fewer than 2 columns skipped; a UTF-8 BOM dropped) into entries: rows with the same source
// term form one entry, the first target preferred, later ones admitted; the comment becomes
// the entry note. Ids are derived from the source term. Throws InputError (path:line) for
// invalid UTF-8.
std::vector<core::TermEntry> parse_omegat_tsv(std::string_view bytes, const std::string& path,
                                              std::string_view source, std::string_view target);

struct CsvOptions {
  char delimiter = ',';   // ';' opens directly in Excel under ru-RU/kk-KZ list separators
  bool excel = true;      // UTF-8 BOM, and cells starting with = + - @ prefixed with '\''
};

// One row per entry with a header: id, subject, definition, note, then for each language of
// `langs` the columns LANG (preferred terms), LANG_admitted, LANG_deprecated, LANG_forbidden
// (several terms joined by "; "). RFC 4180: every field quoted, '"' doubled, CRLF line ends.
std::string csv_string(std::span<const core::TermEntry> entries,
                       std::span<const std::string> langs, const CsvOptions& options);

// Parses the CSV csv_string writes (header names decide the columns; a leading '\'' guarding
// = + - @ is removed) or, without an "id" header, a 3-column OmegaT CSV (source, target,
// comment) in `source` -> `target`. The delimiter is detected from the header line (',' ';'
// or TAB). Throws InputError (path:line) for invalid UTF-8 or an unterminated quote.
std::vector<core::TermEntry> parse_csv(std::string_view bytes, const std::string& path,
                                       std::string_view source, std::string_view target);

}  // namespace tilmash::io
