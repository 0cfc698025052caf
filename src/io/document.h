// Reading documents to translate or align: plain text (one paragraph per line, blank lines
// also separate) or HTML (paragraphs from block elements). Produces core::Document values;
// all checking of bytes happens here so that algorithms get clean UTF-8 NFC text.
#pragma once

#include <string>
#include <string_view>

#include "core/types.h"

namespace tilmash::io {

enum class DocFormat {
  kAuto,  // by extension: .html/.htm/.xhtml -> HTML, anything else (and stdin) -> text
  kText,
  kHtml,
};

// The whole content of `path` ("-" = stdin). Throws IoError when it does not exist, is a
// directory or cannot be read.
std::string read_file(const std::string& path);

// Parses the bytes of a document. `path` is only used in messages. Throws InputError
// (path:line:col) for invalid UTF-8, a UTF-16 file or NUL bytes; other control characters are
// dropped as core::clean_text describes.
core::Document parse_document(std::string_view bytes, const std::string& path,
                              DocFormat format = DocFormat::kAuto);

// read_file + parse_document.
core::Document read_document(const std::string& path, DocFormat format = DocFormat::kAuto);

// Lines of a sentence-per-line file, each cleaned like a paragraph (one sentence per line;
// blank lines are kept as empty sentences only if keep_blank). Throws like parse_document.
std::vector<std::string> read_lines(const std::string& path, bool keep_blank = false);

}  // namespace tilmash::io
