// Text of a DOCX (Office Open XML WordprocessingML, ECMA-376 / ISO/IEC 29500) document as a
// reader sees it, one string per paragraph, in reading order.
#pragma once

#include <vector>

#include "io/office_part.h"
#include "io/zip_archive.h"

namespace tilmash::io {

// The main part DOCX packages hold (the content test: a zip with this entry is DOCX).
inline constexpr const char* kDocxMainPart = "word/document.xml";

// Paragraphs of word/document.xml (w:p, table cells in order, text boxes after the paragraph
// that anchors them, one branch of each mc:AlternateContent), then the footnotes and endnotes
// (separator notes skipped); with `headers`, the headers (word/header*.xml) before the body and
// the footers (word/footer*.xml) after the notes. Within a paragraph: runs concatenated (a word
// split over runs is whole again); tracked insertions and moves kept, deletions (w:del,
// w:moveFrom, w:delText) dropped, and a paragraph whose mark was deleted joined to the next;
// hidden runs (w:vanish) dropped; field codes (w:instrText, w:fldChar begin…separate) dropped and
// results kept; w:tab, w:ptab, w:br and w:cr a space; w:noBreakHyphen '-'; w:softHyphen nothing;
// footnote and comment reference marks nothing. Throws InputError for a missing or
// malformed part (load_part) and the archive's errors.
std::vector<PartParagraph> docx_paragraphs(ZipArchive& zip, bool headers);

}  // namespace tilmash::io
