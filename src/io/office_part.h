// What the DOCX and ODT readers share: loading one XML part of a zip package through the one
// XML entry point (xml_source.h: xml_utf8, then check_xml with its depth limit, then pugixml),
// namespace-aware element names, and the paragraphs they produce.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "io/zip_archive.h"

namespace tilmash::io {

// Where a paragraph stands. Notes and page furniture come after the body (headers before it).
enum class DocPart { kHeader, kBody, kFootnote, kEndnote, kFooter };

struct PartParagraph {
  DocPart part = DocPart::kBody;
  std::string text;  // as the XML gave it: not yet cleaned, NFC'd or collapsed
};

// The name messages give an entry of `zip`: "report.docx!/word/document.xml" (the jar: URL
// convention), so that line:col after it point into the entry.
std::string part_name(const ZipArchive& zip, const std::string& entry);

// Reads entry `entry` of `zip` into `doc`. Returns false when the entry does not exist. Throws
// InputError (part_name:line:col) for XML that is not well-formed, nested deeper than
// kMaxXmlDepth, or in an unknown encoding, and the archive's errors (ZipArchive::read).
// White-space-only text is kept (DOCX <w:t xml:space="preserve"> </w:t>, ODT spaces between
// spans).
bool load_part(ZipArchive& zip, const std::string& entry, pugi::xml_document& doc);

// Element names by namespace URI, whatever prefix the file binds it to. The prefixes are
// looked up on the element's ancestors (usually all declared on the root).
class XmlNames {
 public:
  // The local name of `node` when its namespace is `uri` (or `alt_uri`, when given), else "".
  std::string_view local(pugi::xml_node node, std::string_view uri,
                         std::string_view alt_uri = {}) const;
  // The value of attribute `local_name` in namespace `uri` of `node`, or "".
  std::string_view attr(pugi::xml_node node, std::string_view uri, std::string_view local_name,
                        std::string_view alt_uri = {}) const;

 private:
  static std::string_view uri_of(pugi::xml_node node, std::string_view prefix);
};

}  // namespace tilmash::io
