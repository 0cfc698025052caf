// Reading TMX 1.1–1.4b into core::TranslationUnit values, one <tu> at a time, so a TM import
// can stream files far larger than memory. Accepts xml:lang or the old `lang`, tags in any case
// with '_' or '-', UTF-8 (BOM or not), UTF-16/32 with BOM and charsets named in the XML
// declaration. Keeps inline markup, props, notes, dates and other attributes for a lossless
// round trip. Holds no TM logic; checking TMX rules beyond "readable" is tmx_validate's job.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "io/tmx_header.h"

namespace tilmash::io {

namespace detail {
class TmxScanner;
}

struct TmxReadOptions {
  bool normalize_langs = true;     // "KK_kz" -> "kk-KZ" (core::normalize_lang_tag)
  bool drop_invalid_chars = false; // false: a character XML 1.0 forbids, invalid UTF-8 or an
                                   // undefined entity is an InputError; true: dropped, and
                                   // counted in TmxReader::warnings()
};

// A streaming reader over one file. Entities declared in a DOCTYPE are never expanded (no
// billion-laughs, no XXE: such a reference is an error). Memory: O(largest <tu>), not O(file).
class TmxReader {
 public:
  // Opens `path` ("-" = stdin) and reads the header. Throws IoError if the file cannot be read,
  // InputError ("path:line:col: error: …") if it is not a TMX document.
  explicit TmxReader(std::string path, TmxReadOptions options = {});
  ~TmxReader();
  TmxReader(const TmxReader&) = delete;
  TmxReader& operator=(const TmxReader&) = delete;

  const TmxHeader& header() const { return header_; }

  // The next unit in file order, or nullopt after the last one (the whole file has then been
  // checked to end properly). Throws InputError with line:col and the unit number for
  // malformed XML, a <tuv> without a language or without <seg>, or a truncated file — possibly
  // after earlier units were returned, so callers commit their output only at the end.
  std::optional<core::TranslationUnit> next();

  // Units returned so far.
  std::size_t units_read() const { return units_read_; }
  // "path:line:col: warning: …" lines for repaired characters (drop_invalid_chars only).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  std::unique_ptr<detail::TmxScanner> scanner_;
  TmxReadOptions options_;
  TmxHeader header_;
  std::size_t units_read_ = 0;
  std::vector<std::string> warnings_;
};

struct TmxDocument {
  TmxHeader header;
  std::vector<core::TranslationUnit> units;
};

// Reads a whole (small) file into memory; throws like TmxReader.
TmxDocument read_tmx(const std::string& path, TmxReadOptions options = {});

// The plain text and inline XML of a <seg> given as XML content ("a <ph x=\"1\"/> b"), as the
// reader would store them in core::Variant (inline_xml empty when there is no element).
// Returns nullopt when `seg_content` is not well-formed XML content.
struct SegText {
  std::string text;
  std::string inline_xml;
};
std::optional<SegText> parse_seg_content(std::string_view seg_content);

}  // namespace tilmash::io
