// UTF-8 helpers over std::string_view. Byte offsets everywhere; nothing here allocates ICU
// objects.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tilmash::core {

// Byte offset of the first ill-formed sequence (overlong forms, surrogates, > U+10FFFF and
// truncated sequences included), or nullopt when `text` is well-formed UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Length (1–4) of the well-formed UTF-8 sequence at text[pos] (Table 3-7 of the Unicode
// Standard), or 0 when it is ill-formed or truncated. Precondition: pos < text.size().
std::size_t sequence_length(std::string_view text, std::size_t pos);

// Decodes the code point starting at `pos` of well-formed UTF-8 and advances `pos` past it.
// Precondition: pos < text.size() and the text is valid (checked with assert).
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Number of code points in the well-formed UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

// Appends the UTF-8 encoding of `cp` (must be a scalar value).
void append_utf8(std::string& out, char32_t cp);

// The code points of `text` into `out` (cleared first; callers decoding many strings reuse it).
// Reads with bounds checks, so invalid input gives wrong code points, never an overread.
void decode_utf8(std::string_view text, std::u32string& out);

// A letter of the Cyrillic and Cyrillic Supplement blocks (U+0400–U+052F: Russian and Kazakh
// letters included).
constexpr bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }

// A character that joins the parts of a hyphenated word: '-', U+2010–U+2015 (hyphen … horizontal
// bar), U+2212 minus sign, U+FE63 small and U+FF0D fullwidth hyphen-minus, U+00AD soft hyphen.
constexpr bool is_hyphen(char32_t c) {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 ||
         c == 0xFF0D || c == 0x00AD;
}

}  // namespace tilmash::core
