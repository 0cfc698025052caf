// Reading documents to translate or align: plain text (one paragraph per line, blank lines
// also separate), HTML (paragraphs from block elements), DOCX and ODT (paragraphs as a reader
// sees them: io/docx.h, io/odt.h). Produces core::Document values; all checking of bytes
// happens here so that algorithms get clean UTF-8 NFC text.
#pragma once

#include <string>
#include <string_view>

#include "core/types.h"

namespace tilmash::io {

enum class DocFormat {
  // By content first: a zip holding word/document.xml -> DOCX, a zip whose `mimetype` entry is
  // application/vnd.oasis.opendocument.text -> ODT (any other zip is refused); a legacy Word
  // .doc (OLE2) or an RTF file is refused with "save it as DOCX or ODT". Then by extension:
  // .html/.htm/.xhtml -> HTML, anything else (and stdin) -> text.
  kAuto,
  kText,
  kHtml,
  kDocx,
  kOdt,
};

struct ReadOptions {
  DocFormat format = DocFormat::kAuto;
  bool headers = false;  // DOCX/ODT: also the page headers and footers (left out by default)
};

// The whole content of `path` ("-" = stdin). Throws IoError when it does not exist, is a
// directory or cannot be read.
std::string read_file(const std::string& path);

// Parses the bytes of a document. `path` is only used in messages. Throws InputError
// (path:line:col) for invalid UTF-8, a UTF-16 file or NUL bytes; other control characters are
// dropped as core::clean_text describes.
// DOCX and ODT paragraphs are cleaned like a text line (control characters, NFC, white space
// collapsed; line and page breaks become spaces), and empty ones dropped, so that a document
// and its plain-text twin give the same paragraphs. Problems inside the archive are
// InputErrors naming the file (and the entry: "a.docx!/word/document.xml:3:7"); a hostile
// archive (zip bomb, too many entries, encrypted) is refused (io/zip_archive.h).
core::Document parse_document(std::string_view bytes, const std::string& path,
                              DocFormat format = DocFormat::kAuto);
core::Document parse_document(std::string_view bytes, const std::string& path,
                              const ReadOptions& options);

// read_file + parse_document.
core::Document read_document(const std::string& path, DocFormat format = DocFormat::kAuto);
core::Document read_document(const std::string& path, const ReadOptions& options);

// Lines of a sentence-per-line file, each cleaned like a paragraph (one sentence per line;
// blank lines are kept as empty sentences only if keep_blank). Throws like parse_document.
std::vector<std::string> read_lines(const std::string& path, bool keep_blank = false);

}  // namespace tilmash::io
