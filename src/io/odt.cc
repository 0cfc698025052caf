#include "io/odt.h"

#include <string_view>

namespace tilmash::io {
namespace {

constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
constexpr std::string_view kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

// The names the walker uses: text:p, office:body … (load_part renames to these).
const NamespacePrefixes kPrefixes = {{kOffice, "office"}, {kText, "text"}, {kTable, "table"},
                                     {kDraw, "draw"}, {kStyle, "style"}};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

class Walker {
 public:
  Walker() = default;

  std::vector<PartParagraph> footnotes, endnotes;

  void blocks(pugi::xml_node parent, DocPart part, std::vector<PartParagraph>& out) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (const std::string_view t = local_name(c, "text"); !t.empty()) {
        if (t == "p" || t == "h") {
          paragraph(c, part, out);
        } else if (t == "tracked-changes" || ends_with(t, "-source") || ends_with(t, "-decls")) {
          continue;  // deleted text; index templates; declarations
        } else {
          blocks(c, part, out);  // list, list-item, section, index-body …
        }
      } else if (const std::string_view o = local_name(c, "office"); !o.empty()) {
        if (o == "annotation" || o == "annotation-end" || o == "forms") continue;
        blocks(c, part, out);
      } else if (local_name(c, "table") == "covered-table-cell") {
        continue;  // hidden by a merged cell
      } else {
        blocks(c, part, out);
      }
    }
  }

 private:
  void paragraph(pugi::xml_node p, DocPart part, std::vector<PartParagraph>& out) {
    std::string text;
    std::vector<PartParagraph> boxes;
    inlines(p, part, text, boxes);
    out.push_back({part, std::move(text)});
    for (PartParagraph& b : boxes) out.push_back(std::move(b));
  }

  void inlines(pugi::xml_node parent, DocPart part, std::string& text,
               std::vector<PartParagraph>& boxes) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text += c.value();
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (const std::string_view t = local_name(c, "text"); !t.empty()) {
        if (t == "s" || t == "tab" || t == "line-break") {
          text += ' ';
        } else if (t == "note") {
          note(c);
        } else if (t == "ruby") {
          for (pugi::xml_node b = c.first_child(); b; b = b.next_sibling()) {
            if (local_name(b, "text") == "ruby-base") inlines(b, part, text, boxes);
          }
        } else if (t == "hidden-text") {
          if (attr_value(c, "text", "is-hidden") == "false") inlines(c, part, text, boxes);
        } else if (t == "p" || t == "h") {
          paragraph(c, part, boxes);  // not valid ODF inside a paragraph; keep the text anyway
        } else if (t == "list" || t == "section") {
          blocks(c, part, boxes);
        } else if (t == "soft-page-break" || t == "change" || t == "change-start"
                   || t == "change-end" || t == "tracked-changes" || t == "note-citation"
                   || t == "hidden-paragraph" || t == "script") {
          continue;
        } else {
          // span, a, meta, fields (their content is the result), bibliography marks (the
          // citation shown); bookmarks and reference or index marks are empty.
          inlines(c, part, text, boxes);
        }
      } else if (const std::string_view o = local_name(c, "office"); !o.empty()) {
        if (o != "annotation" && o != "annotation-end") inlines(c, part, text, boxes);
      } else if (!local_name(c, "draw").empty()) {
        blocks(c, part, boxes);  // frames with text boxes, shapes with text
      } else {
        inlines(c, part, text, boxes);
      }
    }
  }

  void note(pugi::xml_node n) {
    const bool end = attr_value(n, "text", "note-class") == "endnote";
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (local_name(c, "text") == "note-body") {
        blocks(c, end ? DocPart::kEndnote : DocPart::kFootnote, end ? endnotes : footnotes);
      }
    }
  }
};

// The master pages' headers or footers (style:header, style:header-left, style:header-first …).
void page_furniture(ZipArchive& zip, std::string_view kind, DocPart part,
                    std::vector<PartParagraph>& out) {
  pugi::xml_document doc;
  if (!load_part(zip, "styles.xml", kPrefixes, doc)) return;
  const pugi::xml_node master = child_element(doc.document_element(), "office", "master-styles");
  Walker walker;
  for (pugi::xml_node page = master.first_child(); page; page = page.next_sibling()) {
    if (local_name(page, "style") != "master-page") continue;
    for (pugi::xml_node c = page.first_child(); c; c = c.next_sibling()) {
      if (local_name(c, "style").rfind(kind, 0) == 0) walker.blocks(c, part, out);
    }
  }
}

}  // namespace

std::vector<PartParagraph> odt_paragraphs(ZipArchive& zip, bool headers) {
  pugi::xml_document doc;
  const pugi::xml_node text = load_main_part(zip, "content.xml", kPrefixes, "office",
                                             {"document-content", "body", "text"},
                                             "an OpenDocument text", doc);
  std::vector<PartParagraph> out;
  if (headers) page_furniture(zip, "header", DocPart::kHeader, out);
  Walker walker;
  walker.blocks(text, DocPart::kBody, out);
  for (PartParagraph& p : walker.footnotes) out.push_back(std::move(p));
  for (PartParagraph& p : walker.endnotes) out.push_back(std::move(p));
  if (headers) page_furniture(zip, "footer", DocPart::kFooter, out);
  return out;
}

}  // namespace tilmash::io
