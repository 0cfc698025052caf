#include "io/tmx_reader.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include <pugixml.hpp>

#include "core/lang.h"
#include "io/errors.h"
#include "io/tmx_scan.h"

namespace tilmash::io {
namespace {

bool is_code(std::string_view name) {
  return name == "bpt" || name == "ept" || name == "it" || name == "ph" || name == "ut";
}

// Counts what would be appended, so a string can be sized once before the real pass: a
// <seg> of 20 MB in thousands of pieces (text between inline codes) would otherwise be
// copied again at every doubling of the string.
struct Sizer {
  std::size_t size = 0;
  Sizer& operator+=(char) {
    ++size;
    return *this;
  }
  Sizer& operator+=(std::string_view s) {
    size += s.size();
    return *this;
  }
};

void append_to(std::string& out, std::string_view s) { out.append(s); }
void append_to(Sizer& out, std::string_view s) { out += s; }

// Plain text of <seg>/<hi>/<sub> content: codes (bpt, ept, it, ph, ut with their <sub>s) are
// native markup, not text; <hi> is text; unknown elements (pre-1.4 extensions) give their text.
template <class Out>
void append_plain(pugi::xml_node node, Out& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    switch (c.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        append_to(out, c.value());
        break;
      case pugi::node_element:
        if (!is_code(c.name())) append_plain(c, out);
        break;
      default:
        break;
    }
  }
}

// append_plain into `out`, sized first.
void append_plain_sized(pugi::xml_node node, std::string& out) {
  Sizer size;
  append_plain(node, size);
  out.reserve(out.size() + size.size);
  append_plain(node, out);
}

template <class Out>
void append_escaped(Out& out, std::string_view text, bool attribute) {
  const std::string_view special = attribute ? std::string_view("&<>\"") : std::string_view("&<>");
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t j = std::min(text.find_first_of(special, i), text.size());
    append_to(out, text.substr(i, j - i));  // runs of plain text in one append
    if (j == text.size()) break;
    switch (text[j]) {
      case '&': append_to(out, "&amp;"); break;
      case '<': append_to(out, "&lt;"); break;
      case '>': append_to(out, "&gt;"); break;
      default: append_to(out, "&quot;"); break;
    }
    i = j + 1;
  }
}

// The children of `node` as XML text (comments and PIs dropped, CDATA as escaped text).
template <class Out>
void append_xml(pugi::xml_node node, Out& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    switch (c.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        append_escaped(out, c.value(), false);
        break;
      case pugi::node_element:
        out += '<';
        append_to(out, c.name());
        for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
          out += ' ';
          append_to(out, a.name());
          append_to(out, "=\"");
          append_escaped(out, a.value(), true);
          out += '"';
        }
        if (c.first_child()) {
          out += '>';
          append_xml(c, out);
          append_to(out, "</");
          append_to(out, c.name());
          out += '>';
        } else {
          append_to(out, "/>");
        }
        break;
      default:
        break;
    }
  }
}

bool has_element_child(pugi::xml_node node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return true;
  }
  return false;
}

SegText seg_text(pugi::xml_node seg) {
  SegText out;
  append_plain_sized(seg, out.text);
  if (has_element_child(seg)) {
    Sizer size;
    append_xml(seg, size);
    out.inline_xml.reserve(size.size);
    append_xml(seg, out.inline_xml);
  }
  return out;
}

std::string text_of(pugi::xml_node node) {
  std::string out;
  append_plain_sized(node, out);
  return out;
}

}  // namespace

TmxReader::TmxReader(std::string path, TmxReadOptions options) : options_(options) {
  detail::TmxScanOptions scan;
  if (options.drop_invalid_chars) {
    scan.on_bad_char = [this, path](LineCol p, const std::string& message) {
      warnings_.push_back(path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column)
                          + ": warning: " + message + " (removed)");
    };
  }
  scanner_ = std::make_unique<detail::TmxScanner>(std::move(path), std::move(scan));
  const pugi::xml_node root = scanner_->root();
  const pugi::xml_node h = scanner_->header();
  header_.version = root.attribute("version").value();
  header_.srclang = h.attribute("srclang").value();
  if (options_.normalize_langs && !header_.srclang.empty() && header_.srclang != "*all*") {
    if (auto tag = core::normalize_lang_tag(header_.srclang)) header_.srclang = *tag;
  }
  header_.adminlang = h.attribute("adminlang").value();
  header_.creationdate = h.attribute("creationdate").value();
  header_.creationtool = h.attribute("creationtool").value();
  header_.creationtoolversion = h.attribute("creationtoolversion").value();
  header_.segtype = h.attribute("segtype").value();
  header_.o_tmf = h.attribute("o-tmf").value();
  header_.datatype = h.attribute("datatype").value();
  for (pugi::xml_node c = h.first_child(); c; c = c.next_sibling()) {
    if (std::strcmp(c.name(), "note") == 0) header_.notes.push_back(text_of(c));
    if (std::strcmp(c.name(), "prop") == 0) {
      header_.props.push_back({c.attribute("type").value(), text_of(c)});
    }
  }
}

TmxReader::~TmxReader() = default;

std::optional<core::TranslationUnit> TmxReader::next() {
  if (!scanner_->next()) return std::nullopt;
  const pugi::xml_node tu = scanner_->unit();
  const std::string unit_name = "TU " + std::to_string(scanner_->unit_number());
  auto fail = [&](pugi::xml_node at, const std::string& message) {
    const LineCol p = scanner_->pos_of(at);
    throw InputError(scanner_->path(), p.line, p.column, message, unit_name);
  };
  core::TranslationUnit unit;
  for (pugi::xml_attribute a = tu.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name == "tuid") {
      unit.id = a.value();
    } else if (name == "creationdate") {
      unit.creationdate = a.value();
    } else if (name == "changedate") {
      unit.changedate = a.value();
    } else {
      unit.attrs.push_back({a.name(), a.value()});
    }
  }
  for (pugi::xml_node c = tu.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = c.name();
    if (name == "note") {
      unit.notes.push_back(text_of(c));
    } else if (name == "prop") {
      unit.props.push_back({c.attribute("type").value(), text_of(c)});
    } else if (name == "tuv") {
      core::Variant v;
      bool has_lang = false;
      for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view an = a.name();
        if (an == "xml:lang" || (an == "lang" && !has_lang)) {
          v.lang = a.value();
          has_lang = true;
        } else if (an == "creationdate") {
          v.creationdate = a.value();
        } else if (an == "changedate") {
          v.changedate = a.value();
        } else if (an != "lang") {
          v.attrs.push_back({a.name(), a.value()});
        }
      }
      if (!has_lang || v.lang.empty()) fail(c, "<tuv> without xml:lang");
      if (options_.normalize_langs) {
        auto tag = core::normalize_lang_tag(v.lang);
        if (!tag) fail(c, "bad language code '" + v.lang + "' in <tuv>");
        v.lang = std::move(*tag);
      }
      pugi::xml_node seg;
      for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling()) {
        const std::string_view gn = g.name();
        if (gn == "seg") {
          if (seg) fail(g, "<tuv> with two <seg> elements");
          seg = g;
        } else if (gn == "note") {
          v.notes.push_back(text_of(g));
        } else if (gn == "prop") {
          v.props.push_back({g.attribute("type").value(), text_of(g)});
        }
      }
      if (!seg) fail(c, "<tuv xml:lang=\"" + v.lang + "\"> without <seg>");
      SegText st = seg_text(seg);
      v.text = std::move(st.text);
      v.inline_xml = std::move(st.inline_xml);
      unit.variants.push_back(std::move(v));
    }
  }
  ++units_read_;
  return unit;
}

TmxDocument read_tmx(const std::string& path, TmxReadOptions options) {
  TmxReader reader(path, options);
  TmxDocument doc;
  doc.header = reader.header();
  while (auto unit = reader.next()) doc.units.push_back(std::move(*unit));
  return doc;
}

std::optional<SegText> parse_seg_content(std::string_view seg_content) {
  std::string xml = "<seg>";
  xml += seg_content;
  xml += "</seg>";
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                       pugi::encoding_utf8)) {
    return std::nullopt;
  }
  return seg_text(doc.document_element());
}

}  // namespace tilmash::io
