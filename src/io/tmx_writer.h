// TMX 1.4b output (../shared/formats/TMX-NOTES.md): streaming, one <tu> at a time, plain-text
// segments (Level 1). Enforces what CAT tools need: trimmed non-empty segments, XML 1.0
// characters only, xml:lang with '-' not '_', UTC dates. Holds no alignment logic.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

struct TmxHeader {
  std::string srclang = "en";        // must equal the source variants' xml:lang
  std::string creationdate;          // "YYYYMMDDThhmmssZ"; empty = now (or SOURCE_DATE_EPOCH)
  std::vector<core::Prop> props;     // header props, e.g. x-document
  std::vector<std::string> notes;
};

struct TmxWriteStats {
  std::size_t units_written = 0;
  std::size_t units_skipped = 0;         // fewer than two non-empty variants
  std::size_t variants_dropped = 0;      // empty after trimming
  std::size_t invalid_chars_removed = 0; // not XML 1.0 Char
  std::vector<std::string> warnings;     // "TU 12: removed 1 character invalid in XML"
};

// The current time (or $SOURCE_DATE_EPOCH when set, for byte-stable golden files) as
// "YYYYMMDDThhmmssZ".
std::string tmx_now();

// Writes a TMX document to a stream. Usage: construct (writes the header), write() each unit,
// finish() (writes the closing tags). The stream must outlive the writer.
class TmxWriter {
 public:
  TmxWriter(std::ostream& out, TmxHeader header);

  // Writes `unit` if at least two variants have text after whitespace normalization (trimmed,
  // runs collapsed to one space, newlines to spaces); otherwise counts it as skipped.
  // Characters that XML 1.0 forbids are removed and reported in stats().warnings.
  void write(const core::TranslationUnit& unit);

  // Writes </body></tmx>. Call once.
  void finish();

  const TmxWriteStats& stats() const { return stats_; }

 private:
  std::ostream& out_;
  TmxWriteStats stats_;
};

// Text with characters outside XML 1.0 `Char` removed; `removed` is incremented per character.
std::string xml_safe(std::string_view text, std::size_t& removed);

}  // namespace tilmash::io
