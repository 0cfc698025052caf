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

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_void(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr",
                                               "img", "input", "link", "meta", "param",
                                               "source", "track", "wbr", "keygen", "basefont",
                                               "bgsound", "frame", "image"};
  for (std::string_view v : kVoid) {
    if (name == v) return true;
  }
  return false;
}

// True when a start tag `name` implicitly closes an open element `top` (HTML5's optional end
// tags: a new cell ends the open cell, a new row the open cell and row, and so on).
bool implicitly_closes(std::string_view name, std::string_view top) {
  if (name == "li") return top == "li";
  if (name == "dt" || name == "dd") return top == "dt" || top == "dd";
  if (name == "option") return top == "option";
  if (name == "optgroup") return top == "option" || top == "optgroup";
  if (name == "td" || name == "th") return top == "td" || top == "th";
  if (name == "tr") return top == "td" || top == "th" || top == "tr";
  if (name == "tbody" || name == "thead" || name == "tfoot") {
    return top == "td" || top == "th" || top == "tr" || top == "tbody" || top == "thead"
           || top == "tfoot";
  }
  return false;
}

bool closes_p(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
      "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
      "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dt", "dd"};
  for (std::string_view b : kBlocks) {
    if (name == b) return true;
  }
  return false;
}

}  // namespace

std::optional<std::size_t> html_nesting_problem(std::string_view html) {
  struct Open {
    char name[12];  // lower-case, truncated: enough to tell elements apart
    std::size_t len;
  };
  std::vector<Open> open;
  open.reserve(64);
  const auto name_of = [&](std::size_t from, Open& out) {
    std::size_t k = from;
    out.len = 0;
    while (k < html.size() && (ascii_alpha(html[k]) || (html[k] >= '0' && html[k] <= '9')
                               || html[k] == '-' || html[k] == ':')) {
      if (out.len < sizeof out.name) out.name[out.len++] = lower(html[k]);
      ++k;
    }
    return k;
  };
  const auto view = [](const Open& o) { return std::string_view(o.name, o.len); };
  std::size_t i = 0;
  while (true) {
    i = html.find('<', i);
    if (i == std::string_view::npos) return std::nullopt;
    const std::string_view rest = html.substr(i);
    if (rest.starts_with("<!--")) {
      const std::size_t e = html.find("-->", i + 4);
      if (e == std::string_view::npos) return std::nullopt;
      i = e + 3;
      continue;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      const std::size_t e = html.find('>', i + 2);
      if (e == std::string_view::npos) return std::nullopt;
      i = e + 1;
      continue;
    }
    const bool end = rest.starts_with("</");
    const std::size_t name_at = i + (end ? 2 : 1);
    if (name_at >= html.size() || !ascii_alpha(html[name_at])) {
      i = name_at;
      continue;
    }
    Open tag{};
    std::size_t k = name_of(name_at, tag);
    // The tag ends at the next '>' outside quotes.
    char quote = 0;
    for (; k < html.size(); ++k) {
      const char c = html[k];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (k >= html.size()) return std::nullopt;
    const bool self_closing = html[k - 1] == '/';
    const std::string_view name = view(tag);
    const std::size_t lt = i;
    i = k + 1;
    if (end) {
      for (std::size_t d = open.size(); d > 0; --d) {
        if (view(open[d - 1]) == name) {
          open.resize(d - 1);
          break;
        }
      }
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea" || name == "title"
        || name == "xmp" || name == "plaintext") {
      // Raw text up to the matching end tag (ASCII case-insensitive).
      std::string close = "</";
      close += name;
      std::size_t e = i;
      while (true) {
        e = html.find("</", e);
        if (e == std::string_view::npos) return std::nullopt;
        std::size_t m = 0;
        while (m < close.size() && e + m < html.size() && lower(html[e + m]) == close[m]) ++m;
        if (m == close.size()) break;
        e += 2;
      }
      i = e;
      continue;
    }
    if (is_void(name) || self_closing) continue;
    if (!open.empty() && closes_p(name) && view(open.back()) == "p") open.pop_back();
    while (!open.empty() && implicitly_closes(name, view(open.back()))) open.pop_back();
    if (open.size() >= kMaxHtmlDepth) return lt;
    open.push_back(tag);
  }
}

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
