// Paragraph extraction from real-world HTML with an HTML5 parser (gumbo, from Debian's
// libgumbo-dev). pugixml cannot take HTML: void elements (<br>, <meta>), unclosed <p>/<li>,
// bare '&', and the named entities of HTML would all be fatal XML errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilmash::io {

// Text of each block element (p, h1-h6, li, td, th, blockquote, dt, dd, caption, pre …) in
// document order, entities decoded, white space collapsed, NFC. <script>, <style>, <head>,
// <template> and <noscript> are skipped; <br> ends a paragraph. Control characters, also those
// from character references (&#27;), are dropped as core::clean_text describes, except that
// line and page breaks become spaces. `html` must be valid UTF-8.
// Never fails: the HTML5 algorithm recovers from any markup error. Input should pass
// html_nesting_problem first: gumbo's time grows with the square of the nesting depth.
std::vector<std::string> html_paragraphs(std::string_view html);

// Elements of an HTML page may nest at most this deep. Real pages nest 20–60 levels (exports of
// word processors and CMS templates a little more); gumbo checks the stack of open elements for
// each tag, so 64k levels took 25 s, while 512 costs nothing measurable.
inline constexpr std::size_t kMaxHtmlDepth = 512;

// Byte offset of the first start tag that would open element number kMaxHtmlDepth + 1, or
// nullopt. The depth is estimated as HTML5 builds the tree: void elements and "/>" open
// nothing, an end tag closes up to the latest element of its name, a new <li>, <dt>, <dd>,
// <option>, row or cell closes the open one, a block start closes an open <p>;
// comments and the text of <script>, <style>, <textarea>, <title> are skipped. One pass, no
// allocation beyond the stack.
std::optional<std::size_t> html_nesting_problem(std::string_view html);

}  // namespace tilmash::io
