// Text of an ODT (OpenDocument Text, OASIS ODF 1.2/1.3) document as a reader sees it, one
// string per paragraph, in reading order.
#pragma once

#include <vector>

#include "io/office_part.h"
#include "io/zip_archive.h"

namespace tilmash::io {

// The value of the `mimetype` entry that makes a zip an ODT (ODF 1.2 Part 3, 3.3).
inline constexpr const char* kOdtMimetype = "application/vnd.oasis.opendocument.text";

// Paragraphs of content.xml's office:text (text:p and text:h, through lists, sections, tables
// cell by cell, and indexes; text boxes and shapes after the paragraph that anchors them), then
// footnotes and endnotes (text:note-body, in the order of their citations); with `headers`, the
// master pages' headers (styles.xml) before the body and footers after the notes. Within a
// paragraph: spans, links, fields and ruby bases in order; text:s, text:tab and text:line-break
// a space (text:s c="N" gives one space: white space collapses anyway); text:soft-page-break,
// note citations, annotations, hidden text (text:hidden-text) and tracked-change marks nothing.
// The deleted text of tracked changes (text:tracked-changes) is skipped; insertions stand in
// the body and are kept. Throws InputError for a missing or malformed part.
std::vector<PartParagraph> odt_paragraphs(ZipArchive& zip, bool headers);

}  // namespace tilmash::io
