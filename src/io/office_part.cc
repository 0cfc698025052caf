#include "io/office_part.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "io/errors.h"
#include "io/location.h"
#include "io/xml_source.h"

namespace tilmash::io {

std::string part_name(const ZipArchive& zip, const std::string& entry) {
  return zip.path() + "!/" + entry;
}

namespace {

// Renames the elements and attributes of a parsed part to the readers' prefixes (load_part).
class Canonicalizer {
 public:
  explicit Canonicalizer(const NamespacePrefixes& prefixes) : prefixes_(prefixes) {}

  // Recursion depth = element depth, which check_xml bounds by kMaxXmlDepth.
  void element(pugi::xml_node node) {
    std::vector<std::string_view> declared;
    for (const pugi::xml_attribute a : node.attributes()) {
      const std::string_view name = a.name();
      if (name == "xmlns") {
        declared.emplace_back();
      } else if (name.rfind("xmlns:", 0) == 0) {
        declared.push_back(name.substr(6));
      } else {
        continue;
      }
      bound_[std::string(declared.back())].push_back(a.value());
    }
    if (const std::optional<std::string> name = renamed(node.name(), true)) {
      node.set_name(name->c_str());
    }
    for (pugi::xml_attribute a : node.attributes()) {
      const std::string_view name = a.name();
      if (name.find(':') == std::string_view::npos || name.rfind("xmlns:", 0) == 0
          || name.rfind("xml:", 0) == 0) {
        continue;  // unprefixed attributes are in no namespace
      }
      if (const std::optional<std::string> n = renamed(name, false)) a.set_name(n->c_str());
    }
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) element(c);
    }
    for (const std::string_view prefix : declared) bound_[std::string(prefix)].pop_back();
  }

 private:
  // The name `name` should have, or nullopt when it is right as it is.
  std::optional<std::string> renamed(std::string_view name, bool element) const {
    const std::size_t colon = name.find(':');
    const std::string_view prefix =
        colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    std::string_view uri;
    if (!prefix.empty() || element) {
      const auto it = bound_.find(std::string(prefix));
      if (it != bound_.end() && !it->second.empty()) uri = it->second.back();
    }
    for (const auto& [known, canonical] : prefixes_) {
      if (uri == known && !uri.empty()) {
        if (prefix == canonical) return std::nullopt;
        std::string out(canonical);
        out.append(":").append(local);
        return out;
      }
    }
    for (const auto& [known, canonical] : prefixes_) {
      if (prefix == canonical) {
        std::string out("~");  // the prefix without the namespace: never matches
        out.append(name);
        return out;
      }
    }
    return std::nullopt;
  }

  const NamespacePrefixes& prefixes_;
  std::unordered_map<std::string, std::vector<std::string_view>> bound_;
};

}  // namespace

bool load_part(ZipArchive& zip, const std::string& entry, const NamespacePrefixes& prefixes,
               pugi::xml_document& doc) {
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
  if (const pugi::xml_node root = doc.document_element()) Canonicalizer(prefixes).element(root);
  return true;
}

pugi::xml_node load_main_part(ZipArchive& zip, const std::string& entry,
                              const NamespacePrefixes& prefixes, std::string_view prefix,
                              std::initializer_list<std::string_view> path, std::string_view what,
                              pugi::xml_document& doc) {
  if (!load_part(zip, entry, prefixes, doc)) {
    throw InputError(zip.path(), 0, 0,
                     "no " + entry + " in the archive: not " + std::string(what));
  }
  pugi::xml_node node = doc.document_element();
  bool root = true;
  std::string names;
  for (const std::string_view local : path) {
    if (!root) {
      node = child_element(node, prefix, local);
    } else if (local_name(node, prefix) != local) {
      node = {};
    }
    root = false;
    names.append("<").append(prefix).append(":").append(local).append(">");
  }
  if (!node) {
    throw InputError(part_name(zip, entry), 0, 0, "not " + std::string(what) + ": no " + names);
  }
  return node;
}

std::string_view local_name(pugi::xml_node node, std::string_view prefix) {
  if (node.type() != pugi::node_element) return {};
  const std::string_view name = node.name();
  if (name.size() <= prefix.size() + 1 || name.substr(0, prefix.size()) != prefix
      || name[prefix.size()] != ':') {
    return {};
  }
  return name.substr(prefix.size() + 1);
}

pugi::xml_node child_element(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (local_name(c, prefix) == local) return c;
  }
  return {};
}

std::string_view attr_value(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  std::string name(prefix);
  name.append(":").append(local);
  return node.attribute(name.c_str()).value();
}

}  // namespace tilmash::io
