#include "io/html.h"

#include <gumbo.h>

#include "core/text.h"
#include "core/utf8.h"

namespace tilmash::io {
namespace {

bool is_skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD
         || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_SVG
         || tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_OBJECT;
}

// Elements whose start and end separate paragraphs (HTML's block-level and table content).
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_CAPTION: case GUMBO_TAG_PRE:
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
    case GUMBO_TAG_BR: case GUMBO_TAG_BODY: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_DETAILS: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Gumbo 0.10 turns an overflowing numeric reference such as "&#x30ffffffffffffffffff" into
// stray bytes (a lone 0xFA) instead of U+FFFD as HTML5 says; keep its output valid UTF-8.
std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  while (auto bad = core::find_invalid_utf8(text)) {
    out.append(text.substr(0, *bad));
    out += "\xEF\xBF\xBD";  // U+FFFD
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

// Character references can produce what core::clean_text removes from raw bytes (&#27;, &#x7F;,
// &#13;, &#x2028;): apply the same policy to the decoded text, with line and page breaks as
// spaces since they fall inside one paragraph here. `text` is valid UTF-8 (gumbo's output).
std::string drop_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t cp = core::next_code_point(text, pos);
    if (cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      out += ' ';
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F
               || (cp >= 0x80 && cp < 0xA0)) {
      continue;
    } else {
      out.append(text.substr(at, pos - at));
    }
  }
  return out;
}

class Extractor {
 public:
  std::vector<std::string> take() {
    flush();
    return std::move(paragraphs_);
  }

  // Iterative pre-order walk: deeply nested junk HTML must not overflow the stack.
  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* node = f.node;
      if (f.next_child == 0 && !enter(node)) {
        stack.pop_back();
        continue;
      }
      const GumboVector* children = node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_DOCUMENT
                                        ? (node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children
                                                                            : &node->v.document.children)
                                        : nullptr;
      if (children != nullptr && f.next_child < children->length) {
        const auto* child = static_cast<const GumboNode*>(children->data[f.next_child++]);
        stack.push_back({child, 0});
        continue;
      }
      leave(node);
      stack.pop_back();
    }
  }

 private:
  // Returns false when the node's subtree is to be skipped.
  bool enter(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        buffer_ += node->v.text.text;
        return true;
      case GUMBO_NODE_ELEMENT:
        if (is_skipped(node->v.element.tag)) return false;
        if (is_block(node->v.element.tag)) flush();
        return true;
      case GUMBO_NODE_DOCUMENT:
        return true;
      default:  // comments, templates
        return false;
    }
  }

  void leave(const GumboNode* node) {
    if (node->type == GUMBO_NODE_ELEMENT && is_block(node->v.element.tag)) flush();
  }

  void flush() {
    std::string p =
        core::to_nfc(core::collapse_space(drop_controls(replace_invalid_utf8(buffer_))));
    buffer_.clear();
    if (!p.empty()) paragraphs_.push_back(std::move(p));
  }

  std::string buffer_;
  std::vector<std::string> paragraphs_;
};

}  // namespace

std::vector<std::string> html_paragraphs(std::string_view html) {
  // Gumbo records every parse error with a copy of the stack of open elements, which makes
  // memory quadratic in the nesting depth (176 KB of unclosed <div><span> took 8 GB). We never
  // read the errors, so record none.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  Extractor extractor;
  extractor.walk(output->document);
  gumbo_destroy_output(&options, output);
  return extractor.take();
}

}  // namespace tilmash::io
