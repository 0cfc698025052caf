// Paragraph extraction from real-world HTML with an HTML5 parser (gumbo, from Debian's
// libgumbo-dev). pugixml cannot take HTML: void elements (<br>, <meta>), unclosed <p>/<li>,
// bare '&', and the named entities of HTML would all be fatal XML errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tilmash::io {

// Text of each block element (p, h1-h6, li, td, th, blockquote, dt, dd, caption, pre …) in
// document order, entities decoded, white space collapsed, NFC. <script>, <style>, <head>,
// <template> and <noscript> are skipped; <br> ends a paragraph. Control characters, also those
// from character references (&#27;), are dropped as core::clean_text describes, except that
// line and page breaks become spaces. `html` must be valid UTF-8.
// Never fails: the HTML5 algorithm recovers from any markup error.
std::vector<std::string> html_paragraphs(std::string_view html);

}  // namespace tilmash::io
