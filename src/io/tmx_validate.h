// Checking a TMX file against TMX 1.4b (the DTD's structure) and against what real CAT tools
// choke on but xmllint accepts (../shared/formats/TMX-NOTES.md §3): bad language codes, empty
// segments, duplicate units, `lang`-only attributes, invalid characters, srclang missing from a
// unit. Streams like TmxReader; reports findings, never repairs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tilmash::io {

enum class Severity { kError, kWarning };

struct TmxFinding {
  std::string path;
  std::size_t line = 0;    // 1-based; 0 = whole file
  std::size_t column = 0;  // 1-based, code points
  std::string unit;        // "TU 12 (tuid n1-s3)" or empty (header, document)
  std::string kind;        // "bad-lang-code", "empty-seg", "duplicate-unit" … (docs/CLI.md)
  Severity severity = Severity::kError;
  std::string message;     // one line, lower case
};

struct TmxValidateOptions {
  std::size_t max_seg_chars = 0;  // > 0: report segments longer than this (code points)
};

// All findings for `path` in file order. A file that is not well-formed gives the findings up
// to that point plus one "not-well-formed" finding. Throws IoError if it cannot be read.
std::vector<TmxFinding> validate_tmx(const std::string& path, const TmxValidateOptions& options = {});

// "path:line:col: error: message [kind] (unit)".
std::string format_finding(const TmxFinding& finding);

}  // namespace tilmash::io
