#include "io/docx.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace tilmash::io {
namespace {

// WordprocessingML in its transitional and strict (ISO/IEC 29500-1 strict) namespaces.
constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kMath = "http://schemas.openxmlformats.org/officeDocument/2006/math";
constexpr std::string_view kMathStrict = "http://purl.oclc.org/ooxml/officeDocument/math";

// The names the walker uses: w:p, mc:Choice, m:t (load_part renames to these).
const NamespacePrefixes kPrefixes = {
    {kW, "w"}, {kWStrict, "w"}, {kMc, "mc"}, {kMath, "m"}, {kMathStrict, "m"}};

bool is_false(std::string_view v) { return v == "0" || v == "false" || v == "off"; }

class Walker {
 public:
  explicit Walker(DocPart part) : part_(part) {}

  void set_part(DocPart part) { part_ = part; }

  // The children of a block container (body, table, row, cell, text box, note, header …).
  void blocks(pugi::xml_node parent, std::vector<PartParagraph>& out) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view w = w_name(c);
      if (w == "p") {
        paragraph(c, out);
      } else if (w == "del" || w == "moveFrom" || w == "sectPr" || w == "tblPr" || w == "trPr"
                 || w == "tcPr" || w == "sdtPr" || w == "sdtEndPr" || w == "tblGrid") {
        continue;
      } else if (!w.empty()) {
        blocks(c, out);  // tbl, tr, tc, sdt, sdtContent, customXml, ins, moveTo …
      } else if (local_name(c, "mc") == "AlternateContent") {
        if (const pugi::xml_node b = branch(c)) blocks(b, out);
      } else {
        blocks(c, out);
      }
    }
  }

  // Flushes the text of paragraphs whose mark was deleted when the part ends without a
  // paragraph to join them to.
  void end_part(std::vector<PartParagraph>& out) {
    if (!carry_.empty()) out.push_back({part_, std::move(carry_)});
    carry_.clear();
    fields_.clear();
    code_open_ = 0;
  }

 private:
  static std::string_view w_name(pugi::xml_node node) { return local_name(node, "w"); }

  // One branch of mc:AlternateContent: the first mc:Choice, else mc:Fallback. Both hold the
  // same text (a DrawingML text box and its VML twin), so taking both would double it.
  pugi::xml_node branch(pugi::xml_node alternate) const {
    pugi::xml_node fallback;
    for (pugi::xml_node c = alternate.first_child(); c; c = c.next_sibling()) {
      const std::string_view mc = local_name(c, "mc");
      if (mc == "Choice") return c;
      if (mc == "Fallback" && !fallback) fallback = c;
    }
    return fallback;
  }

  void paragraph(pugi::xml_node p, std::vector<PartParagraph>& out) {
    std::string text = std::move(carry_);
    carry_.clear();
    std::vector<PartParagraph> boxes;
    inlines(p, text, boxes);
    if (mark_deleted(p)) {
      carry_ = std::move(text);  // accepting the deletion joins this paragraph to the next
    } else {
      out.push_back({part_, std::move(text)});
    }
    for (PartParagraph& b : boxes) out.push_back(std::move(b));
  }

  // Whether the paragraph mark is a tracked deletion (w:pPr/w:rPr/w:del).
  bool mark_deleted(pugi::xml_node p) const {
    for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) {
      if (w_name(c) != "pPr") continue;
      for (pugi::xml_node r = c.first_child(); r; r = r.next_sibling()) {
        if (w_name(r) != "rPr") continue;
        for (pugi::xml_node d = r.first_child(); d; d = d.next_sibling()) {
          if (w_name(d) == "del") return true;
        }
      }
    }
    return false;
  }

  void inlines(pugi::xml_node parent, std::string& text, std::vector<PartParagraph>& boxes) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view w = w_name(c);
      if (w == "r") {
        run(c, text, boxes);
      } else if (w == "hyperlink" || w == "ins" || w == "moveTo" || w == "smartTag"
                 || w == "customXml" || w == "sdt" || w == "sdtContent" || w == "fldSimple"
                 || w == "dir" || w == "bdo") {
        inlines(c, text, boxes);
      } else if (!w.empty()) {
        continue;  // del, moveFrom, pPr, sdtPr, bookmarks, proofErr …
      } else if (local_name(c, "mc") == "AlternateContent") {
        if (const pugi::xml_node b = branch(c)) inlines(b, text, boxes);
      } else if (const std::string_view m = local_name(c, "m"); !m.empty()) {
        if (code_open_ == 0) math_text(c, text);
      } else {
        inlines(c, text, boxes);
      }
    }
  }

  void math_text(pugi::xml_node node, std::string& text) const {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (local_name(c, "m") == "t") {
        append_text(c, text);
      } else if (c.type() == pugi::node_element) {
        math_text(c, text);
      }
    }
  }

  static void append_text(pugi::xml_node t, std::string& text) {
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
    }
  }

  bool hidden(pugi::xml_node r) const {
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (w_name(c) != "rPr") continue;
      for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
        if (w_name(p) == "vanish") return !is_false(attr_value(p, "w", "val"));
      }
    }
    return false;
  }

  void run(pugi::xml_node r, std::string& text, std::vector<PartParagraph>& boxes) {
    run_content(r, hidden(r), text, boxes);
  }

  // The content of a run (or of an mc:AlternateContent branch inside one). Field characters
  // are followed even in hidden runs, so that the field structure stays balanced.
  void run_content(pugi::xml_node r, bool hide, std::string& text,
                   std::vector<PartParagraph>& boxes) {
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view w = w_name(c);
      const bool show = !hide && code_open_ == 0;
      if (w == "t") {
        if (show) append_text(c, text);
      } else if (w == "tab" || w == "ptab" || w == "br" || w == "cr") {
        if (show) text += ' ';
      } else if (w == "noBreakHyphen") {
        if (show) text += '-';
      } else if (w == "fldChar") {
        field_char(attr_value(c, "w", "fldCharType"));
      } else if (w == "drawing" || w == "pict" || w == "object") {
        if (show) boxes_in(c, boxes);
      } else if (w == "ruby") {
        for (pugi::xml_node b = c.first_child(); b; b = b.next_sibling()) {
          if (w_name(b) == "rubyBase") inlines(b, text, boxes);  // not w:rt, the annotation
        }
      } else if (w.empty() && local_name(c, "mc") == "AlternateContent") {
        if (const pugi::xml_node b = branch(c)) run_content(b, hide, text, boxes);
      }
      // Everything else has no text a reader sees: w:delText, w:instrText, w:softHyphen,
      // w:sym (a symbol font's private code), note and comment reference marks, w:rPr.
    }
  }

  // Complex fields (ECMA-376 Part 1, 17.16.18): begin, the code, separate, the result, end.
  // Fields nest; text shows only when every open field is past its separator.
  void field_char(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(false);
      ++code_open_;
    } else if (type == "separate") {
      if (!fields_.empty() && !fields_.back()) {
        fields_.back() = true;
        --code_open_;
      }
    } else if (type == "end") {
      if (!fields_.empty()) {
        if (!fields_.back()) --code_open_;
        fields_.pop_back();
      }
    }
  }

  // Text boxes inside a drawing, a VML picture or an object: each w:txbxContent's paragraphs.
  void boxes_in(pugi::xml_node node, std::vector<PartParagraph>& boxes) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (w_name(c) == "txbxContent") {
        blocks(c, boxes);
      } else if (local_name(c, "mc") == "AlternateContent") {
        if (const pugi::xml_node b = branch(c)) boxes_in(b, boxes);
      } else {
        boxes_in(c, boxes);
      }
    }
  }

  DocPart part_;
  std::string carry_;        // text of paragraphs whose mark was deleted
  std::vector<bool> fields_;  // open complex fields: true once past the separator
  std::size_t code_open_ = 0;  // open fields still in their code
};

// word/header3.xml -> 3; -1 when `name` is not word/<kind>N.xml.
long part_number(const std::string& name, std::string_view kind) {
  const std::string prefix = "word/" + std::string(kind);
  if (name.rfind(prefix, 0) != 0 || name.size() < prefix.size() + 5
      || name.compare(name.size() - 4, 4, ".xml") != 0) {
    return -1;
  }
  const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - 4);
  if (digits.empty()) return 0;
  if (digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), [](char ch) {
        return ch >= '0' && ch <= '9';
      })) {
    return -1;
  }
  return std::strtol(digits.c_str(), nullptr, 10);
}

std::vector<std::string> numbered_parts(const ZipArchive& zip, std::string_view kind) {
  std::vector<std::pair<long, std::string>> found;
  for (std::string& name : zip.names()) {
    if (const long n = part_number(name, kind); n >= 0) found.emplace_back(n, std::move(name));
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [n, name] : found) out.push_back(std::move(name));
  return out;
}

// The paragraphs of a header, footer or notes part; notes of type separator,
// continuationSeparator and continuationNotice (the rule above the notes) are skipped.
void read_part(ZipArchive& zip, const std::string& entry, DocPart part,
               std::vector<PartParagraph>& out) {
  pugi::xml_document doc;
  if (!load_part(zip, entry, kPrefixes, doc)) return;
  Walker walker(part);
  const pugi::xml_node root = doc.document_element();
  if (part == DocPart::kFootnote || part == DocPart::kEndnote) {
    for (pugi::xml_node note = root.first_child(); note; note = note.next_sibling()) {
      const std::string_view kind = local_name(note, "w");
      if (kind != "footnote" && kind != "endnote") continue;
      const std::string_view type = attr_value(note, "w", "type");
      if (!type.empty() && type != "normal") continue;
      walker.blocks(note, out);
      walker.end_part(out);
    }
  } else {
    walker.blocks(root, out);
    walker.end_part(out);
  }
}

}  // namespace

std::vector<PartParagraph> docx_paragraphs(ZipArchive& zip, bool headers) {
  pugi::xml_document doc;
  const pugi::xml_node body = load_main_part(zip, kDocxMainPart, kPrefixes, "w",
                                             {"document", "body"},
                                             "a WordprocessingML document", doc);
  std::vector<PartParagraph> out;
  if (headers) {
    for (const std::string& h : numbered_parts(zip, "header")) {
      read_part(zip, h, DocPart::kHeader, out);
    }
  }
  Walker walker(DocPart::kBody);
  walker.blocks(body, out);
  walker.end_part(out);
  read_part(zip, "word/footnotes.xml", DocPart::kFootnote, out);
  read_part(zip, "word/endnotes.xml", DocPart::kEndnote, out);
  if (headers) {
    for (const std::string& f : numbered_parts(zip, "footer")) {
      read_part(zip, f, DocPart::kFooter, out);
    }
  }
  return out;
}

}  // namespace tilmash::io
