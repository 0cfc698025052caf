// segment and translit: a document split into sentences; Kazakh Cyrillic text in Latin.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "io/document.h"

namespace tilmash::app {

struct SegmentRequest {
  std::string path = "-";     // "-" = stdin
  std::string lang;           // normalized tag
  std::string rules;          // extra exception rules file ("" = none)
  io::DocFormat format = io::DocFormat::kAuto;
  bool headers = false;       // DOCX/ODT page headers and footers too
};

struct SegmentResult {
  core::Document document;               // its paragraphs' parts name notes and furniture
  std::vector<core::Segment> sentences;  // with their paragraph numbers
};

// OptionError for a language without rules; InputError for a bad rules file or document.
SegmentResult segment_file(const SegmentRequest& request);

// One sentence per line (an empty line between paragraphs when `paragraphs`), or the JSON
// array of {"paragraph", ["part",] "text"} of segment --json.
std::string sentences_text(const SegmentResult& result, bool paragraphs);
std::string sentences_json(const SegmentResult& result);

// The UTF-8 text of `path` ("-" = stdin; a BOM dropped) in script `to` ("kk-Latn").
// OptionError for an unknown target; InputError for invalid UTF-8.
std::string transliterate_file(const std::string& path, const std::string& to);

}  // namespace tilmash::app
