#include "io/office_part.h"

#include <algorithm>
#include <cstring>

#include "io/errors.h"
#include "io/location.h"
#include "io/xml_source.h"

namespace tilmash::io {

std::string part_name(const ZipArchive& zip, const std::string& entry) {
  return zip.path() + "!/" + entry;
}

bool load_part(ZipArchive& zip, const std::string& entry, pugi::xml_document& doc) {
  const std::optional<std::string> bytes = zip.read(entry);
  if (!bytes) return false;
  const std::string name = part_name(zip, entry);
  std::string storage;
  const std::string_view text = xml_utf8(*bytes, name, storage);
  if (const XmlCheckResult wf = check_xml(text, XmlCheckOptions{}); wf.problem) {
    const LineCol lc = line_col(text, wf.problem->offset);
    throw InputError(name, lc.line, lc.column, wf.problem->message);
  }
  const pugi::xml_parse_result r = doc.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!r) {
    const LineCol lc =
        line_col(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, r.offset)));
    throw InputError(name, lc.line, lc.column, r.description());
  }
  return true;
}

std::string_view XmlNames::uri_of(pugi::xml_node node, std::string_view prefix) {
  std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
  }
  return {};
}

std::string_view XmlNames::local(pugi::xml_node node, std::string_view uri,
                                 std::string_view alt_uri) const {
  if (node.type() != pugi::node_element) return {};
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? std::string_view{}
                                                                  : name.substr(0, colon);
  const std::string_view ns = uri_of(node, prefix);
  if (ns.empty() || (ns != uri && (alt_uri.empty() || ns != alt_uri))) return {};
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view XmlNames::attr(pugi::xml_node node, std::string_view uri,
                                std::string_view local_name, std::string_view alt_uri) const {
  for (const pugi::xml_attribute a : node.attributes()) {
    const std::string_view name = a.name();
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos || name.substr(colon + 1) != local_name) continue;
    const std::string_view prefix = name.substr(0, colon);
    if (prefix == "xmlns") continue;
    const std::string_view ns = uri_of(node, prefix);
    if (!ns.empty() && (ns == uri || (!alt_uri.empty() && ns == alt_uri))) return a.value();
  }
  return {};
}

}  // namespace tilmash::io
