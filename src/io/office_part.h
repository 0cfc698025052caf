// What the DOCX and ODT readers share: loading one XML part of a zip package through the one
// XML entry point (xml_source.h: xml_utf8, then check_xml with its depth limit, then pugixml),
// namespace-aware element names, and the paragraphs they produce.
#pragma once

#include <initializer_list>
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

// Namespace URI -> the prefix the readers name it by ({"urn:…:text:1.0", "text"}); several
// URIs may share a prefix (WordprocessingML transitional and strict).
using NamespacePrefixes = std::vector<std::pair<std::string_view, std::string_view>>;

// Reads entry `entry` of `zip` into `doc`. Returns false when the entry does not exist. Throws
// InputError (part_name:line:col) for XML that is not well-formed, nested deeper than
// kMaxXmlDepth, or in an unknown encoding, and the archive's errors (ZipArchive::read).
// White-space-only text is kept (DOCX <w:t xml:space="preserve"> </w:t>, ODT spaces between
// spans). Then every element and prefixed attribute in a namespace of `prefixes` is renamed to
// that prefix, whatever prefix the file bound it to (Namespaces in XML 1.0, resolved in one
// pass over the tree with a stack of bindings), and a name that merely uses such a prefix for
// another namespace is renamed out of the way ("~w:p"). The readers then compare plain names:
// resolving each lookup through the ancestors' xmlns attributes instead cost time quadratic in
// the input (30000 declarations on the root: 19 s for 1.6 MB).
bool load_part(ZipArchive& zip, const std::string& entry, const NamespacePrefixes& prefixes,
               pugi::xml_document& doc);

// The main part of a package: loads entry `entry` as load_part does and returns the element
// reached from its root by `path`, local names in the namespace the readers call `prefix` (the
// root's name, then one child per step: {"document", "body"} is <w:document><w:body>). Throws
// InputError when the entry is missing ("no ENTRY in the archive: not WHAT", at the archive) or
// the path is not there ("not WHAT: no <w:document><w:body>", at the part); `what` names the
// kind of document with its article ("a WordprocessingML document").
pugi::xml_node load_main_part(ZipArchive& zip, const std::string& entry,
                              const NamespacePrefixes& prefixes, std::string_view prefix,
                              std::initializer_list<std::string_view> path, std::string_view what,
                              pugi::xml_document& doc);

// After load_part: the local name of `node` when it is an element in the namespace the readers
// call `prefix`, else "".
std::string_view local_name(pugi::xml_node node, std::string_view prefix);

// After load_part: the first child element of `node` named `prefix:local`, or a null node.
pugi::xml_node child_element(pugi::xml_node node, std::string_view prefix, std::string_view local);

// After load_part: the value of attribute `prefix:local` of `node`, or "".
std::string_view attr_value(pugi::xml_node node, std::string_view prefix, std::string_view local);

}  // namespace tilmash::io
